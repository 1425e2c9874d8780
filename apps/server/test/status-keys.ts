import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DAY_MS, addYears, inactivityDeadline, nameSortKey, type DisabledReason } from '@keyward/domain';
import { openDatabase, type OpenedSqlite } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import type { ApiKeyRow } from '../src/features/api-keys/api-key-row.ts';
import type { KeyListQuery } from '../src/features/api-keys/api-key-list.repository.ts';
import { ORG, T0 } from './harness.ts';

/** A deterministic PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const EDGES = [
  -30 * DAY_MS - 1,
  -30 * DAY_MS,
  -7 * DAY_MS - 1,
  -7 * DAY_MS,
  -1001,
  -1000,
  -999,
  -1,
  0,
  1,
  999,
  1000,
  7 * DAY_MS,
  30 * DAY_MS,
  30 * DAY_MS + 1,
];
const REASONS: (DisabledReason | null)[] = ['MANUAL', 'INACTIVITY', 'EXPOSED', 'ROTATED', null];

function keyRow(i: number, rnd: () => number, base: number): ApiKeyRow {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const near = () => base + pick(EDGES) + (rnd() < 0.3 ? Math.floor((rnd() - 0.5) * 60 * DAY_MS) : 0);
  const enabled = rnd() < 0.8;
  const activation = addYears(near(), -1);
  const lastUsed = rnd() < 0.5 ? null : rnd() < 0.5 ? activation - DAY_MS : activation + Math.floor(rnd() * 2 * DAY_MS);
  const exposed = rnd() < 0.3;
  const exposureDeadline = exposed && rnd() < 0.7 ? near() : null;
  return {
    id: `k${String(i).padStart(24, '0')}`,
    organization_id: ORG,
    display_name: `key ${i}`,
    name_sort: nameSortKey(`key ${i}`),
    description: '',
    value_hash: `h${i}`,
    value_prefix: 'kwprv_',
    value_last4: 'abcd',
    template_id: 'custom',
    privacy_level: 'PRIVATE',
    privileges_json: '[]',
    allowed_ips_json: '[]',
    denied_ips_json: '[]',
    additional_configuration_json: '{}',
    enabled: enabled ? 1 : 0,
    disabled_reason: enabled ? null : pick(REASONS),
    disabled_date: enabled ? null : base - DAY_MS,
    created_by: 'test',
    created_date: activation,
    activation_date: activation,
    last_used_date: lastUsed,
    last_used_ip: null,
    expiration_date: rnd() < 0.5 ? null : near(),
    inactivity_deadline: inactivityDeadline({ activationDate: activation, lastUsedDate: lastUsed }),
    scheduled_deactivation_date: rnd() < 0.2 ? near() : null,
    rotated_to_key_id: null,
    exposure_json: exposed
      ? JSON.stringify({
          severity: exposureDeadline === null ? 'WARN' : 'HIGH',
          deactivationDate: exposureDeadline,
          createdDate: base - DAY_MS,
          reasons: [],
        })
      : null,
    exposure_deactivation_date: exposureDeadline,
    updated_date: base,
  };
}

export const BASES = [T0, T0 + 17 * DAY_MS + 12345];

/**
 * A SQLite database with 900 keys of ORG spread over every status edge of BASES (and keys of two
 * other organizations that counts must leave out), for the status SQL tests.
 */
export async function openStatusKeys(): Promise<{ db: OpenedSqlite; rows: ApiKeyRow[]; close: () => Promise<void> }> {
  let rows: ApiKeyRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-status-'));
  const db = openDatabase(path.join(dir, 'keyward.db'));
  await migrateToLatest(db.db);
  await db.db
    .insertInto('organizations')
    .values({ id: ORG, display_name: ORG, security_contact: 's@example.com', created_date: T0 })
    .execute();
  const rnd = prng(42);
  rows = Array.from({ length: 900 }, (_, i) => keyRow(i, rnd, BASES[i % BASES.length] as number));
  for (let i = 0; i < rows.length; i += 100)
    await db.db
      .insertInto('api_keys')
      .values(rows.slice(i, i + 100))
      .execute();
  // Keys of organizations sorted before and after ORG: counts must leave them out.
  for (const org of ['aaaother', 'zzzother']) {
    await db.db
      .insertInto('organizations')
      .values({ id: org, display_name: org, security_contact: 's@example.com', created_date: T0 })
      .execute();
    const others = Array.from({ length: 40 }, (_, i) => ({
      ...keyRow(i, rnd, T0),
      id: `${org}${String(i).padStart(17, '0')}`,
      value_hash: `${org}${i}`,
      organization_id: org,
    }));
    await db.db.insertInto('api_keys').values(others).execute();
  }
  return {
    db,
    rows,
    close: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A listing of the fixture's organization at `now`: every key, oldest first, unless `over` says otherwise. */
export const listQuery = (now: number, over: Partial<KeyListQuery> = {}): KeyListQuery => ({
  organizationId: ORG,
  now,
  status: null,
  text: null,
  visibleToGroups: null,
  sortBy: 'createdDate',
  order: 'asc',
  page: null,
  ...over,
});
