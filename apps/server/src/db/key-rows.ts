import type { Statement, Database as SqliteDatabase } from 'better-sqlite3';
import type { Db } from './schema.ts';
import type { ApiKeyTable } from './schema.ts';

// What verification reads of a key, by the SHA-256 of its value. SQLite: one prepared statement
// run synchronously (no promise on the hot path); PostgreSQL: a query through the pool.

export const KEY_ROW_COLUMNS = [
  'id',
  'value_hash',
  'organization_id',
  'display_name',
  'privacy_level',
  'privileges_json',
  'allowed_ips_json',
  'denied_ips_json',
  'additional_configuration_json',
  'enabled',
  'disabled_reason',
  'disabled_date',
  'template_id',
  'activation_date',
  'last_used_date',
  'expiration_date',
  'exposure_json',
  'exposure_deactivation_date',
  'scheduled_deactivation_date',
] as const satisfies readonly (keyof ApiKeyTable)[];

export type KeyRow = Pick<ApiKeyTable, (typeof KEY_ROW_COLUMNS)[number]>;

export interface KeyRowSource {
  /** The key whose value hashes to `valueHash`; synchronous where the database allows it. */
  byValueHash(valueHash: string): KeyRow | undefined | Promise<KeyRow | undefined>;
  /** Whether a read now may see writes not yet committed (SQLite: inside another request's transaction on the one connection). */
  readsUncommitted(): boolean;
}

export function sqliteKeyRows(sqlite: SqliteDatabase): KeyRowSource {
  // Prepared on first use: the database may not be migrated yet when it is opened.
  let select: Statement<[string], KeyRow> | null = null;
  return {
    byValueHash: (valueHash) => {
      select ??= sqlite.prepare(`select ${KEY_ROW_COLUMNS.join(', ')} from api_keys where value_hash = ?`);
      return select.get(valueHash);
    },
    readsUncommitted: () => sqlite.inTransaction,
  };
}

export function postgresKeyRows(db: Db): KeyRowSource {
  return {
    byValueHash: (valueHash) =>
      db.selectFrom('api_keys').select(KEY_ROW_COLUMNS).where('value_hash', '=', valueHash).executeTakeFirst(),
    // A pool connection outside any transaction reads committed rows only.
    readsUncommitted: () => false,
  };
}
