import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { ManualClock } from '../apps/server/src/clock.ts';
import { readConfig } from '../apps/server/src/config.ts';
import {
  openDatabase,
  openPostgres,
  type Db,
  type OpenedDatabase,
  type OpenedSqlite,
} from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { catchUpTextIndex } from '../apps/server/src/db/text-index.ts';
import { bootstrap } from '../apps/server/src/features/people/bootstrap.ts';
import { seedKeys, type SampleKey } from './seed-keys.ts';

// Where the bench keeps its keys: a SQLite file in the bench's temp folder, or, with
// BENCH_DATABASE_URL=postgres://… (any database on that server, used only to create another), a
// fresh PostgreSQL database keyward_bench_<random>, dropped afterwards.

export interface BenchDatabase {
  kind: 'sqlite' | 'postgres';
  /** What a server process is given to reach it (KEYWARD_DB or KEYWARD_DATABASE_URL). */
  env: Record<string, string>;
  /** Plain URL with the password masked, or the file. */
  label: string;
  drop: () => Promise<void>;
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(dir: string, serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl) {
    const file = path.join(dir, 'keyward.db');
    return { kind: 'sqlite', env: { KEYWARD_DB: file }, label: `SQLite ${file}`, drop: () => Promise.resolve() };
  }
  const name = `keyward_bench_${crypto.randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, `create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const masked = new URL(url);
  if (masked.password) masked.password = '***';
  return {
    kind: 'postgres',
    env: { KEYWARD_DATABASE_URL: url.toString() },
    label: `PostgreSQL ${masked.toString()}`,
    drop: () => onServer(serverUrl, `drop database if exists "${name}" with (force)`),
  };
}

/**
 * PostgreSQL: runs `load` with the secondary indexes of api_keys dropped, then creates them again
 * from their own definitions (three times faster than keeping a dozen indexes, a trigram one among
 * them, up to date row by row). The indexes end up as after a REINDEX.
 */
async function withIndexesBuiltAfter<T>(db: Db, load: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
     where schemaname = current_schema() and tablename = 'api_keys'
       and indexname not in (select conname from pg_constraint)`.execute(db);
  for (const { name } of rows) await sql`drop index ${sql.id(name)}`.execute(db);
  const result = await load();
  for (const { definition } of rows) await sql.raw(definition).execute(db);
  return result;
}

/** Migrates, bootstraps and seeds `keyCount` keys into the bench database; answers sample key values. */
export async function seedBenchDatabase(
  database: BenchDatabase,
  env: Record<string, string>,
  keyCount: number,
  admin: string,
): Promise<SampleKey[]> {
  const config = readConfig(env);
  const sqlite: OpenedSqlite | null = config.databaseUrl ? null : openDatabase(config.dbFile);
  const opened: OpenedDatabase = sqlite ?? (await openPostgres(config.databaseUrl ?? '', { max: 2, log: () => {} }));
  try {
    await migrateToLatest(opened.db);
    const now = Date.now();
    await bootstrap(opened.db, config, new ManualClock(now).now());
    const { id } = await opened.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', admin)
      .executeTakeFirstOrThrow();
    const seed = () => seedKeys(opened.db, { organizationId: config.orgId, count: keyCount, now, createdBy: id });
    const sample = database.kind === 'postgres' ? await withIndexesBuiltAfter(opened.db, seed) : await seed();
    // SQLite: the seeded keys in the text index, in one batch, as the server's mover would have put
    // them by now (db/text-index.ts).
    if (sqlite) catchUpTextIndex(sqlite.sqlite);
    // As on a database that has been running: statistics gathered, the visibility map set (so
    // that index-only scans need no heap fetch), which autovacuum would do in its own time.
    if (database.kind === 'postgres') await sql`vacuum analyze`.execute(opened.db);
    return sample;
  } finally {
    await opened.close();
  }
}
