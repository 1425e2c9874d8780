import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openConfiguredDatabase, type OpenedDatabase } from '../src/db/database.ts';

// Where HTTP tests keep their data. Default: a temp SQLite file per test context. With
// KEYWARD_TEST_DATABASE_URL=postgres://… (any database on the server, used only to create others):
// each test file gets its own database `kw_t_<file>_<pid>`, created on first use and dropped after
// the file (test/database-setup.ts), and each test context a fresh schema `c<n>` in it, reached by
// search_path; pg_trgm lives in that database's `public` schema, shared by its contexts.

export const TEST_DATABASE_URL = process.env.KEYWARD_TEST_DATABASE_URL || undefined;

export interface TestDatabase {
  opened: OpenedDatabase;
  /** What a server process would be given to reach the same data (KEYWARD_DB or KEYWARD_DATABASE_URL). */
  env: Record<string, string>;
  /** The SQLite file ('' on PostgreSQL). */
  dbFile: string;
  /** Opens the same data again (a restart). */
  reopen(): Promise<OpenedDatabase>;
  /** Removes what `createTestDatabase` made (after `opened` is closed). */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (TEST_DATABASE_URL) return createPostgresSchema(TEST_DATABASE_URL);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-test-'));
  const dbFile = path.join(dir, 'keyward.db');
  const config = { dbFile, databaseUrl: undefined };
  return {
    opened: await openConfiguredDatabase(config),
    env: { KEYWARD_DB: dbFile },
    dbFile,
    reopen: () => openConfiguredDatabase(config),
    dispose: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

let fileDatabase: { name: string; url: string } | null = null;
let schemas = 0;
/** Schemas of this file's database no context uses now: emptied and handed to the next context. */
let freeSchemas: string[] = [];
let fileLabel = 'tests';

/** Names the current test file's database (test/database-setup.ts). */
export function setTestFile(testPath: string | undefined): void {
  fileLabel = testPath ? path.basename(testPath) : 'tests';
}

/** The URL of database `name` on the server of `url`. */
export function databaseUrl(url: string, name: string, searchPath?: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  if (searchPath) u.searchParams.set('options', `-c search_path=${searchPath}`);
  return u.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a database of its own (named after the current test file and process) on the server of `url`. */
export async function createScratchDatabase(url: string, label: string): Promise<{ name: string; url: string }> {
  const slug = label
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 40);
  const name = `kw_t_${slug}_${process.pid}_${Date.now() % 100_000}`;
  await withClient(url, (c) => c.query(`create database "${name}"`));
  const created = { name, url: databaseUrl(url, name) };
  await withClient(created.url, (c) => c.query('create extension if not exists pg_trgm with schema public'));
  return created;
}

export async function dropScratchDatabase(url: string, name: string): Promise<void> {
  await withClient(url, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

/**
 * Empties every table of a migrated schema (migrations stay applied), as a new context expects:
 * DELETE, referencing tables first (much faster than TRUNCATE for a few rows, and no superuser
 * needed), and the id sequences back to 1.
 */
async function emptySchema(client: pg.Client, schema: string): Promise<void> {
  const tables = await client.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' and table_name not like 'kysely_%'",
    [schema],
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `select c.relname as child, p.relname as parent from pg_constraint k
       join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
       join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = $1 and c.relname <> p.relname`,
    [schema],
  );
  const remaining = new Set(tables.rows.map((t) => t.name));
  const order: string[] = [];
  while (remaining.size > 0) {
    // A table nobody remaining references can go now.
    const free = [...remaining].filter((t) => !edges.rows.some((e) => e.parent === t && remaining.has(e.child)));
    for (const t of free.length > 0 ? free : [...remaining]) {
      order.push(t);
      remaining.delete(t);
    }
  }
  const sequences = await client.query<{ name: string }>(
    'select sequence_name as name from information_schema.sequences where sequence_schema = $1',
    [schema],
  );
  const statements = [
    'begin',
    ...order.map((t) => `delete from ${schema}."${t}"`),
    ...sequences.rows.map((q) => `select setval('${schema}."${q.name}"', 1, false)`),
    'commit',
  ];
  await client.query(statements.join(';\n'));
}

async function createPostgresSchema(url: string): Promise<TestDatabase> {
  fileDatabase ??= await createScratchDatabase(url, fileLabel);
  const { url: fileUrl } = fileDatabase;
  let schema = freeSchemas.pop();
  if (schema) {
    const reused = schema;
    await withClient(fileUrl, (c) => emptySchema(c, reused));
  } else {
    schemas += 1;
    schema = `c${schemas}`;
    const created = schema;
    await withClient(fileUrl, (c) => c.query(`create schema ${created}`));
  }
  const owned = schema;
  const config = { dbFile: '', databaseUrl: databaseUrl(fileUrl, fileDatabase.name, `${schema},public`) };
  return {
    opened: await openConfiguredDatabase(config, { max: 4, log: () => {} }),
    env: { KEYWARD_DATABASE_URL: config.databaseUrl },
    dbFile: '',
    reopen: () => openConfiguredDatabase(config, { max: 4, log: () => {} }),
    dispose: () => {
      freeSchemas.push(owned);
      return Promise.resolve();
    },
  };
}

/** After each test file (test/database-setup.ts): drops the file's PostgreSQL database. */
export async function dropFileDatabase(): Promise<void> {
  if (!TEST_DATABASE_URL || !fileDatabase) return;
  const { name } = fileDatabase;
  fileDatabase = null;
  schemas = 0;
  freeSchemas = [];
  await dropScratchDatabase(TEST_DATABASE_URL, name);
}
