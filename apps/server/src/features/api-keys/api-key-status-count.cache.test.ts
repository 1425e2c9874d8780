import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DAY_MS, addYears, nameSortKey } from '@keyward/domain';
import { openDatabase, type OpenedDatabase } from '../../db/database.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { ORG, T0 } from '../../../test/harness.ts';
import { countOfOrganization } from './api-key-count.repository.ts';
import { cachedOrganizationCount, cachedStatusCount } from './api-key-status-count.cache.ts';

let db: OpenedDatabase;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-count-cache-'));
  db = openDatabase(path.join(dir, 'keyward.db'));
  await migrateToLatest(db.db);
  await db.db
    .insertInto('organizations')
    .values({ id: ORG, display_name: ORG, security_contact: 's@example.com', created_date: T0 })
    .execute();
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function insertKey(id: string, activation: number): Promise<void> {
  await db.db
    .insertInto('api_keys')
    .values({
      id,
      organization_id: ORG,
      display_name: id,
      name_sort: nameSortKey(id),
      description: '',
      value_hash: id,
      value_prefix: 'kwprv_',
      value_last4: 'abcd',
      template_id: 'custom',
      privacy_level: 'PRIVATE',
      privileges_json: '[]',
      allowed_ips_json: '[]',
      denied_ips_json: '[]',
      additional_configuration_json: '{}',
      enabled: 1,
      disabled_reason: null,
      disabled_date: null,
      created_by: 'test',
      created_date: activation,
      activation_date: activation,
      last_used_date: null,
      last_used_ip: null,
      expiration_date: null,
      inactivity_deadline: addYears(activation, 1),
      scheduled_deactivation_date: null,
      rotated_to_key_id: null,
      exposure_json: null,
      exposure_deactivation_date: null,
      updated_date: activation,
    })
    .execute();
}

it('remembers a total until a write or a key deadline between then and now', async () => {
  await insertKey('old', addYears(T0, -1) + DAY_MS); // deactivated for inactivity one day after T0
  await insertKey('new', T0);
  let counted = 0;
  const count = (total: number) => async () => {
    counted += 1;
    return total;
  };
  const key = { organizationId: ORG, filter: 'ACTIVE' as const };
  expect(await cachedStatusCount(db.db, key, T0, count(2))).toBe(2);
  expect(await cachedStatusCount(db.db, key, T0 + 1000, count(99))).toBe(2); // nothing passed, nothing written
  expect(counted).toBe(1);
  expect(await cachedStatusCount(db.db, key, T0 + 2 * DAY_MS, count(1))).toBe(1); // "old" passed its deadline
  expect(counted).toBe(2);
  expect(await cachedStatusCount(db.db, key, T0 + 3 * DAY_MS, count(99))).toBe(1);
  await insertKey('newer', T0 + 3 * DAY_MS);
  expect(await cachedStatusCount(db.db, key, T0 + 3 * DAY_MS, count(2))).toBe(2); // a write
  expect(await cachedStatusCount(db.db, key, T0, count(3))).toBe(3); // the clock went back
  expect(await cachedStatusCount(db.db, { organizationId: ORG, filter: 'DEACTIVATED' }, T0, count(0))).toBe(0);
  expect(counted).toBe(5);
});

it("remembers the organization's number of keys until a write, whatever the time", async () => {
  const before = await cachedOrganizationCount(db.db, ORG, T0);
  expect(before).toBe(await countOfOrganization(db.db, ORG));
  expect(await cachedOrganizationCount(db.db, ORG, T0 + 400 * DAY_MS)).toBe(before);
  await insertKey('counted', T0);
  expect(await cachedOrganizationCount(db.db, ORG, T0 + 400 * DAY_MS)).toBe(before + 1);
  await db.db.deleteFrom('api_keys').where('id', '=', 'counted').execute();
  expect(await cachedOrganizationCount(db.db, ORG, T0)).toBe(before);
});
