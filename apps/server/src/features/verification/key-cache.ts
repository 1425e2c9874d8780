import {
  compileIpRules,
  privilegeUsageId,
  type CompiledIpRules,
  type KeyFacts,
  type Privacy,
  type Privilege,
  type VerifiableKey,
  type VerificationCode,
} from '@keyward/domain';
import type { KeyRow, KeyRowSource } from '../../db/key-rows.ts';
import type { KeyChanges } from '../../db/key-changes.ts';
import { factsOf, keySettingsOf } from '../api-keys/api-key-row.ts';

/** What verification needs of a key, parsed once and kept in memory. */
export interface CachedKey extends VerifiableKey {
  id: string;
  valueHash: string;
  organizationId: string;
  displayName: string;
  privacy: Privacy;
  privileges: Privilege[];
  ipRules: CompiledIpRules;
  searchHub: string | null;
  facts: KeyFacts;
  /** privilegeUsageId of each privilege, same order (least-privilege record). */
  privilegeIds: readonly string[];
  /** The verification answers already serialized for this key, by code (they only depend on the key). */
  answers: Partial<Record<VerificationCode, string>>;
}

const MAX_ENTRIES = 250_000;

/**
 * An in-process cache of keys by value hash. The key services announce every committed change
 * through `KeyChanges` (see key-changes.ts); the cache forgets those keys, so the very next
 * verification reads them again. Usage updates are applied to cached facts in place.
 */
export class KeyCache {
  readonly #byHash = new Map<string, CachedKey>();
  readonly #hashById = new Map<string, string>();
  /** While true (no channel for other instances' changes), every lookup reads the database. */
  #readThrough = false;
  /** Bumped by every invalidation, so that a read begun before it is not cached after it. */
  #generation = 0;

  constructor(
    private readonly rows: KeyRowSource,
    changes: KeyChanges,
  ) {
    changes.subscribe((change) => {
      if (change === 'all') this.invalidateAll();
      else for (const id of change) this.forget(id);
    });
  }

  /** The key if it is in memory (no database read). */
  peek(valueHash: string): CachedKey | undefined {
    return this.#byHash.get(valueHash);
  }

  /** The key, from memory or the database (synchronously where the database allows it). */
  get(valueHash: string): CachedKey | null | Promise<CachedKey | null> {
    const hit = this.#byHash.get(valueHash);
    if (hit) return hit;
    const generation = this.#generation;
    const row = this.rows.byValueHash(valueHash);
    if (row instanceof Promise) return row.then((r) => this.#remember(valueHash, r, generation));
    return this.#remember(valueHash, row, generation);
  }

  #remember(valueHash: string, row: KeyRow | undefined, generation: number): CachedKey | null {
    if (!row) return null;
    const key = toCachedKey(row);
    // Read inside another request's open transaction (SQLite's one connection): it may still roll
    // back, so answer from it but keep nothing. Likewise while reading through, or when the keys
    // changed during the read.
    if (this.rows.readsUncommitted() || this.#readThrough || generation !== this.#generation) return key;
    if (this.#byHash.size >= MAX_ENTRIES) {
      const oldest = this.#byHash.values().next().value as CachedKey;
      this.#drop(oldest);
    }
    this.#byHash.set(valueHash, key);
    this.#hashById.set(key.id, valueHash);
    return key;
  }

  /** Keys held (the keyward_verification_cache_keys gauge). */
  get size(): number {
    return this.#byHash.size;
  }

  forget(keyId: string): void {
    const hash = this.#hashById.get(keyId);
    if (hash === undefined) return;
    this.#hashById.delete(keyId);
    this.#byHash.delete(hash);
  }

  invalidateAll(): void {
    this.#generation += 1;
    this.#byHash.clear();
    this.#hashById.clear();
  }

  /** Read through (cache nothing) while changes made elsewhere might go unseen; clears the cache either way. */
  setReadThrough(on: boolean): void {
    this.#readThrough = on;
    this.invalidateAll();
  }

  #drop(key: CachedKey): void {
    this.#byHash.delete(key.valueHash);
    this.#hashById.delete(key.id);
  }
}

/** Parsed once, when the row is loaded: verification reads only the result. */
function toCachedKey(row: KeyRow): CachedKey {
  const { privileges, allowedIps, deniedIps, additionalConfiguration } = keySettingsOf(row);
  return {
    id: row.id,
    valueHash: row.value_hash,
    organizationId: row.organization_id,
    displayName: row.display_name,
    privacy: row.privacy_level as Privacy,
    privileges,
    privilegeIds: privileges.map(privilegeUsageId),
    ipRules: compileIpRules({ allowedIps, deniedIps }),
    searchHub: additionalConfiguration.search?.enforcedQueryPipelineConfiguration?.searchHub ?? null,
    facts: factsOf(row),
    answers: {},
  };
}
