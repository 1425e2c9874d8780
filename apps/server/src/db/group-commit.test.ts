import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-database.ts';
import { GroupCommit } from './group-commit.ts';
import { migrateToLatest } from './migrate.ts';
import type { Db } from './schema.ts';

// Group commit over a real database (SQLite, or PostgreSQL with KEYWARD_TEST_DATABASE_URL).
let database: TestDatabase;
let db: Db;
beforeEach(async () => {
  database = await createTestDatabase();
  db = database.opened.db;
  await migrateToLatest(db);
  await db
    .insertInto('organizations')
    .values({ id: 'org', display_name: 'Org', security_contact: '', created_date: 0 })
    .execute();
});
afterEach(async () => {
  await database.opened.close();
  await database.dispose();
});

const addGroup =
  (id: string, name = id) =>
  (trx: Db) =>
    trx
      .insertInto('groups')
      .values({
        id,
        organization_id: 'org',
        display_name: name,
        name_key: name,
        api_key_access: 'NONE',
        privileges_json: '[]',
        built_in: null,
        created_date: 0,
      })
      .execute()
      .then(() => id);
const groupIds = async () =>
  (await db.selectFrom('groups').select('id').where('organization_id', '=', 'org').orderBy('id').execute()).map(
    (r) => r.id,
  );
const commits = (): { count: number } => {
  const seen = { count: 0 };
  const original = db.transaction.bind(db);
  db.transaction = (() => {
    seen.count += 1;
    return original();
  }) as typeof db.transaction;
  return seen;
};

describe('GroupCommit', () => {
  it('runs work that arrives together in one transaction, and answers each with its own result', async () => {
    const seen = commits();
    const group = new GroupCommit(db);
    const ids = await Promise.all(Array.from({ length: 10 }, (_, i) => group.run(addGroup(`g${i}`))));
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `g${i}`));
    expect(seen.count).toBe(1);
    expect(await groupIds()).toEqual([...ids].sort());
  });

  it('when one piece fails, only that piece fails: the others are committed, each in its own transaction', async () => {
    const group = new GroupCommit(db);
    await group.run(addGroup('taken'));
    const seen = commits();
    const results = await Promise.allSettled([
      group.run(addGroup('a')),
      group.run(addGroup('taken')), // primary key violation
      group.run(addGroup('b')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(seen.count).toBe(1 + 3);
    expect(await groupIds()).toEqual(['a', 'b', 'taken']);
  });

  it('rolls back all of a failing piece, even the writes it made before failing', async () => {
    const group = new GroupCommit(db);
    const halfDone = async (trx: Db) => {
      await addGroup('half')(trx);
      await sql`select * from no_such_table`.execute(trx);
    };
    const results = await Promise.allSettled([group.run(addGroup('x')), group.run(halfDone)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(await groupIds()).toEqual(['x']);
  });

  it('work that arrives while a group commits goes in the next group', async () => {
    const group = new GroupCommit(db);
    const seen = commits();
    const first = group.run(addGroup('one'));
    await new Promise((resolve) => setImmediate(resolve));
    const later = await Promise.all([group.run(addGroup('two')), group.run(addGroup('three'))]);
    await first;
    expect(later).toEqual(['two', 'three']);
    expect(seen.count).toBe(2);
    expect(await groupIds()).toEqual(['one', 'three', 'two']);
  });
});
