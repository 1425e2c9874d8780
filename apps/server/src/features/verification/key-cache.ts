import { compileIpRules, type CompiledIpRules, type KeyFacts, type Privacy, type Privilege } from '@keyward/domain';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';
import type { ApiKeyTable } from '../../db/schema.ts';

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

type KeyRow = Pick<
  ApiKeyTable,
  | 'id'
  | 'organization_id'
  | 'display_name'
  | 'privacy_level'
  | 'privileges_json'
  | 'allowed_ips_json'
  | 'denied_ips_json'
  | 'additional_configuration_json'
  | 'enabled'
  | 'disabled_reason'
  | 'disabled_date'
  | 'template_id'
  | 'activation_date'
  | 'last_used_date'
  | 'expiration_date'
  | 'exposure_json'
  | 'scheduled_deactivation_date'
>;

const MAX_ENTRIES = 250_000;

/**
 * An in-process cache of keys by value hash. Any change to keys clears it (see `invalidateAll`), so
 * changes apply to the very next verification; usage updates are applied to cached facts in place.
 */
export class KeyCache {
  readonly #byHash = new Map<string, CachedKey>();
  readonly #select: Statement<[string], KeyRow>;

  constructor(sqlite: SqliteDatabase) {
    this.#select = sqlite.prepare(
      `select id, organization_id, display_name, privacy_level, privileges_json, allowed_ips_json, denied_ips_json,
              additional_configuration_json, enabled, disabled_reason, disabled_date, template_id, activation_date,
              last_used_date, expiration_date, exposure_json, scheduled_deactivation_date
         from api_keys where value_hash = ?`,
    );
  }

  get(valueHash: string): CachedKey | null {
    const hit = this.#byHash.get(valueHash);
    if (hit) return hit;
    const row = this.#select.get(valueHash);
    if (!row) return null;
    const key = toCachedKey(row);
    if (this.#byHash.size >= MAX_ENTRIES) this.#byHash.delete(this.#byHash.keys().next().value as string);
    this.#byHash.set(valueHash, key);
    return key;
  }

  /** Keys held (the keyward_verification_cache_keys gauge). */
  get size(): number {
    return this.#byHash.size;
  }

  invalidateAll(): void {
    this.#byHash.clear();
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
