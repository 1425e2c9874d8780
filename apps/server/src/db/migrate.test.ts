import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { migrateToLatest } from './migrate.ts';

// Kysely runs migrations in the order of their names; a sequence number with fewer digits sorts
// after a longer one ('801' > '1001'), so the names keep four digits and sort as intended.
const INTENDED_ORDER = [
  '2026_11_22_0001_initial',
  '2026_11_22_0002_api_key_list_indexes',
  '2026_11_22_0003_outbox_listing',
  '2026_11_22_0004_scan_index_for_jobs',
  '2026_11_22_0005_api_key_search',
  '2026_12_01_0801_privilege_usage',
  '2026_12_01_0901_key_change_notify',
  '2026_12_01_0902_login_failures',
  '2026_12_01_1001_rotation_and_last4_indexes',
  '2026_12_01_1201_group_name_key',
  '2026_12_02_1301_api_key_name_sort',
  '2026_12_02_1401_status_order_index',
  '2026_12_02_1402_text_search_merging',
  '2026_12_02_1501_text_index_later',
];

describe('migrateToLatest on a fresh database', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.opened.close();
    await database?.dispose();
  });

  it('runs every migration once, in the intended order', async () => {
    database = await createTestDatabase();
    await migrateToLatest(database.opened.db);
    const { rows } = await sql<{ name: string; timestamp: string }>`
      select name, "timestamp" from kysely_migration order by name`.execute(database.opened.db);
    expect(rows.map((r) => r.name)).toEqual(INTENDED_ORDER);
    const times = rows.map((r) => Date.parse(r.timestamp));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
