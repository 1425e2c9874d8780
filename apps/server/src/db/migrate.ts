import { Migrator, PostgresAdapter, sql, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.ts';
import * as m0001 from './migrations/2026_11_22_0001_initial.ts';
import * as m0002 from './migrations/2026_11_22_0002_api_key_list_indexes.ts';
import * as m0003 from './migrations/2026_11_22_0003_outbox_listing.ts';
import * as m0004 from './migrations/2026_11_22_0004_scan_index_for_jobs.ts';
import * as m0005 from './migrations/2026_11_22_0005_api_key_search.ts';
import * as m0801 from './migrations/2026_12_01_0801_privilege_usage.ts';
import * as m0901 from './migrations/2026_12_01_0901_key_change_notify.ts';
import * as m0902 from './migrations/2026_12_01_0902_login_failures.ts';
import * as m1001 from './migrations/2026_12_01_1001_rotation_and_last4_indexes.ts';
import * as m1201 from './migrations/2026_12_01_1201_group_name_key.ts';
import * as m1301 from './migrations/2026_12_02_1301_api_key_name_sort.ts';
import * as m1401 from './migrations/2026_12_02_1401_status_order_index.ts';
import * as m1402 from './migrations/2026_12_02_1402_text_search_merging.ts';
import * as m1501 from './migrations/2026_12_02_1501_text_index_later.ts';

// Listed statically so the bundled server carries its migrations. Kysely runs them in the order of
// their names: date, then a four-digit sequence number, so that the names sort as they are listed.
const MIGRATIONS: Record<string, Migration> = {
  '2026_11_22_0001_initial': m0001,
  '2026_11_22_0002_api_key_list_indexes': m0002,
  '2026_11_22_0003_outbox_listing': m0003,
  '2026_11_22_0004_scan_index_for_jobs': m0004,
  '2026_11_22_0005_api_key_search': m0005,
  '2026_12_01_0801_privilege_usage': m0801,
  '2026_12_01_0901_key_change_notify': m0901,
  '2026_12_01_0902_login_failures': m0902,
  '2026_12_01_1001_rotation_and_last4_indexes': m1001,
  '2026_12_01_1201_group_name_key': m1201,
  '2026_12_02_1301_api_key_name_sort': m1301,
  '2026_12_02_1401_status_order_index': m1401,
  '2026_12_02_1402_text_search_merging': m1402,
  '2026_12_02_1501_text_index_later': m1501,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Db): Promise<void> {
  // PostgreSQL: the migration tables in the schema the app uses (first of search_path), since
  // kysely would otherwise see those of another schema of the same database.
  let migrationTableSchema: string | undefined;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    migrationTableSchema = rows[0]?.schema;
  }
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration failed${failed ? ` at ${failed.migrationName}` : ''}: ${String(error)}`);
  }
}
