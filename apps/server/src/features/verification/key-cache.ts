import { compileIpRules, type CompiledIpRules, type KeyFacts, type Privacy, type Privilege } from '@keyward/domain';
import type { KeyRow, KeyRowSource } from '../../db/key-rows.ts';

/** What verification needs of a key, parsed once and kept in memory. */
export interface CachedKey {
  id: string;
  organizationId: string;
  displayName: string;
  privacy: Privacy;
  privileges: Privilege[];
  ipRules: CompiledIpRules;
  searchHub: string | null;
  facts: KeyFacts;
}

const MAX_ENTRIES = 250_000;

/**
 * An in-process cache of keys by value hash. Any change to keys clears it (see `invalidateAll`), so
 * changes apply to the very next verification; usage updates are applied to cached facts in place.
 */
export class KeyCache {
  readonly #byHash = new Map<string, CachedKey>();
  /** While true (no channel for other instances' changes), every lookup reads the database. */
  #readThrough = false;
  /** Bumped by every invalidation, so that a read begun before it is not cached after it. */
  #generation = 0;

  constructor(private readonly rows: KeyRowSource) {}

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
    if (this.#readThrough || generation !== this.#generation) return key;
    if (this.#byHash.size >= MAX_ENTRIES) this.#byHash.delete(this.#byHash.keys().next().value as string);
    this.#byHash.set(valueHash, key);
    return key;
  }

  invalidateAll(): void {
    this.#generation += 1;
    this.#byHash.clear();
  }

  /** Read through (cache nothing) while changes made elsewhere might go unseen; clears the cache either way. */
  setReadThrough(on: boolean): void {
    this.#readThrough = on;
    this.invalidateAll();
  }
}

function toCachedKey(row: KeyRow): CachedKey {
  const config = JSON.parse(row.additional_configuration_json) as {
    search?: { enforcedQueryPipelineConfiguration?: { searchHub?: string } };
  };
  const exposure = row.exposure_json ? (JSON.parse(row.exposure_json) as KeyFacts['exposure']) : null;
  return {
    id: row.id,
    organizationId: row.organization_id,
    displayName: row.display_name,
    privacy: row.privacy_level as Privacy,
    privileges: JSON.parse(row.privileges_json) as Privilege[],
    ipRules: compileIpRules({
      allowedIps: JSON.parse(row.allowed_ips_json) as string[],
      deniedIps: JSON.parse(row.denied_ips_json) as string[],
    }),
    searchHub: config.search?.enforcedQueryPipelineConfiguration?.searchHub ?? null,
    facts: {
      enabled: row.enabled === 1,
      disabledReason: row.disabled_reason as KeyFacts['disabledReason'],
      disabledDate: row.disabled_date,
      templateId: row.template_id,
      activationDate: row.activation_date,
      lastUsedDate: row.last_used_date,
      expirationDate: row.expiration_date,
      exposure,
      scheduledDeactivationDate: row.scheduled_deactivation_date,
    },
  };
}
