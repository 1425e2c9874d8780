import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Migrator, type Migration } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/database.ts';
import * as m0001 from '../../db/migrations/2026_11_22_0001_initial.ts';
import * as m0002 from '../../db/migrations/2026_11_22_0002_api_key_list_indexes.ts';
import * as m0003 from '../../db/migrations/2026_11_22_0003_outbox_listing.ts';
import * as m0004 from '../../db/migrations/2026_11_22_0004_scan_index_for_jobs.ts';
import * as m0005 from '../../db/migrations/2026_11_22_0005_api_key_search.ts';
import * as m1201 from '../../db/migrations/2026_12_01_1201_group_name_key.ts';
import { ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf } from '../../../test/session.ts';

// Issue 12, finding 1: a duplicate group name with non-ASCII letters answered 500, and "ω≈ç√" was
// accepted beside "Ω≈ç√" while "abc" was refused beside "ABC".

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const base = `/rest/organizations/${ORG}/groups`;
const group = (displayName: string) => ({ displayName, apiKeyAccess: 'NONE', privileges: [] });
const create = (displayName: string) => ctx.call('POST', base, { token: ctx.adminToken, body: group(displayName) });
const groupCount = async () =>
  Number(
    (
      await ctx.db.db
        .selectFrom('groups')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('group names are unique under Unicode case folding', () => {
  it('answers 409 (not 500) to the same non-ASCII name twice', async () => {
    expect((await create('Ω≈ç√')).status).toBe(201);
    const before = await groupCount();
    const again = await create('Ω≈ç√');
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect((await bodyOf(again)).detail).toContain('already exists');
    expect(await groupCount()).toBe(before);
  });

  it.each([
    ['Ω≈ç√', 'ω≈ç√'],
    ['ABC', 'abc'],
    ['Straße', 'STRASSE'],
    ['Café', 'Cafe\u0301'],
  ])('refuses "%s" beside "%s" with 409', async (a, b) => {
    expect((await create(a)).status).toBe(201);
    expect((await create(b)).status).toBe(409);
  });

  it('still accepts names that only look alike', async () => {
    expect((await create('Cafe')).status).toBe(201);
    expect((await create('Café')).status).toBe(201);
  });

  it('answers 409 (not 500) to renaming another group to a taken name, in any case', async () => {
    expect((await create('Ω≈ç√')).status).toBe(201);
    const other = (await bodyOf(await create('Other'))) as { id: string };
    for (const name of ['Ω≈ç√', 'ω≈ç√']) {
      const res = await ctx.call('PUT', `${base}/${other.id}`, { token: ctx.adminToken, body: group(name) });
      expect(res.status).toBe(409);
    }
    const same = await ctx.call('GET', `${base}/${other.id}`, { token: ctx.adminToken });
    expect((await bodyOf(same)).displayName).toBe('Other');
  });

  it('lets a group change the case of its own name', async () => {
    const g = (await bodyOf(await create('Ω≈ç√'))) as { id: string };
    const res = await ctx.call('PUT', `${base}/${g.id}`, { token: ctx.adminToken, body: group('ω≈ç√') });
    expect(res.status).toBe(200);
    expect((await bodyOf(res)).displayName).toBe('ω≈ç√');
  });
});

describe('migration 1201 on existing groups', () => {
  it('fills name_key and renames the rows that the new rule makes duplicates', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-m1201-'));
    const db = openDatabase(path.join(dir, 'k.db'));
    try {
      const migrations: Record<string, Migration> = {
        '2026_11_22_0001_initial': m0001,
        '2026_11_22_0002_api_key_list_indexes': m0002,
        '2026_11_22_0003_outbox_listing': m0003,
        '2026_11_22_0004_scan_index_for_jobs': m0004,
        '2026_11_22_0005_api_key_search': m0005,
        '2026_12_01_1201_group_name_key': m1201,
      };
      const migrator = new Migrator({ db: db.db, provider: { getMigrations: () => Promise.resolve(migrations) } });
      expect((await migrator.migrateTo('2026_11_22_0005_api_key_search')).error).toBeUndefined();
      await db.db
        .insertInto('organizations')
        .values({ id: 'o', display_name: 'O', security_contact: 's@o.test', created_date: 1 })
        .execute();
      const insert = (id: string, name: string, created: number) =>
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        (db.db as any)
          .insertInto('groups')
          .values({
            id,
            organization_id: 'o',
            display_name: name,
            api_key_access: 'NONE',
            privileges_json: '[]',
            created_date: created,
          })
          .execute();
      await insert('g1', 'Ω≈ç√', 1);
      await insert('g2', 'ω≈ç√', 2);
      await insert('g3', 'Admins', 3);
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      const rows = await db.db.selectFrom('groups').select(['id', 'display_name', 'name_key']).orderBy('id').execute();
      expect(rows).toEqual([
        { id: 'g1', display_name: 'Ω≈ç√', name_key: 'ω≈ç√' },
        { id: 'g2', display_name: 'ω≈ç√ (2)', name_key: 'ω≈ç√ (2)' },
        { id: 'g3', display_name: 'Admins', name_key: 'admins' },
      ]);
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
