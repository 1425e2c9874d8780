import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqliteDatabase, type SqliteStatement } from 'kysely';
import pg from 'pg';
import { PostgresSpellings, type DialectName } from './dialect.ts';
import { noKeyChangeFeed, postgresKeyChangeFeed, type KeyChangeFeed } from './key-change-feed.ts';
import { postgresKeyRows, sqliteKeyRows, type KeyRowSource } from './key-rows.ts';
import { inProcessLocks, postgresLocks, type Locks } from './locks.ts';
import type { Database } from './schema.ts';
import { BACKSTOP_PAGES, startBackgroundCheckpoints } from './sqlite-checkpoints.ts';
import { startTextIndexMover, type TextIndexMover } from './text-index.ts';
import { postgresUsageWriter, sqliteUsageWriter, type UsageWriter } from './usage-writer.ts';

import type { Db } from './schema.ts';

export type { Db };

/**
 * What differs between SQLite (embedded, one process) and PostgreSQL (any number of instances),
 * one small interface per concern, chosen once when the database is opened. Everything else
 * talks kysely; SQL spellings that differ are in dialect.ts, DDL that differs in the migrations'
 * PostgreSQL branches (listed in migrations/README.md).
 */
export interface Store {
  dialect: DialectName;
  /** Verification's read of a key by value hash. */
  keyRows: KeyRowSource;
  /** Additive writes of buffered usage. */
  usage: UsageWriter;
  /** Migrations + bootstrap, and job passes, one instance at a time. */
  locks: Locks;
  /** Changes to keys committed by any instance (PostgreSQL LISTEN/NOTIFY; SQLite: none needed). */
  keyChanges: KeyChangeFeed;
  /** Resolves while the database answers; rejects (DatabaseUnavailableError) otherwise. */
  ping(): Promise<void>;
}

export interface OpenedDatabase {
  db: Db;
  store: Store;
  close: () => Promise<void>;
}

export interface OpenedSqlite extends OpenedDatabase {
  /** The raw handle (query-plan tests). */
  sqlite: SQLite.Database;
  /** What moves written keys into the text index (db/text-index.ts); tests stop it to move them themselves. */
  textIndex: TextIndexMover;
}

/** Thrown (and answered 503) when the database cannot be reached. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The database is unreachable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

export interface SqliteOptions {
  /** Checkpoint the WAL from a worker thread, off the event loop (the server; sqlite-checkpoints.ts). */
  backgroundCheckpoints?: boolean;
}

/** Opens (creating its folder) a SQLite file in WAL mode with foreign keys and a busy timeout. */
export function openDatabase(file: string, options: SqliteOptions = {}): OpenedSqlite {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const checkpoints =
    options.backgroundCheckpoints && file !== ':memory:' ? startBackgroundCheckpoints(path.resolve(file)) : null;
  if (checkpoints) sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const textIndex = startTextIndexMover(sqlite);
  const ping = sqlite.prepare('select 1');
  const store: Store = {
    dialect: 'sqlite',
    keyRows: sqliteKeyRows(sqlite),
    usage: sqliteUsageWriter(sqlite),
    locks: inProcessLocks(),
    keyChanges: noKeyChangeFeed(),
    ping: () => {
      try {
        ping.get();
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(new DatabaseUnavailableError(err));
      }
    },
  };
  return {
    db,
    sqlite,
    textIndex,
    store,
    close: async () => {
      textIndex.stop();
      await checkpoints?.stop();
      await db.destroy();
    },
  };
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * better-sqlite3 as kysely sees it, with prepared statements reused by SQL text: kysely prepares
 * every query anew, which costs as much as running it (PRODUCT.md §9, creating keys through the API).
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
        cache.set(sql, stmt);
      }
      return stmt as unknown as SqliteStatement;
    },
  };
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Dates are epoch milliseconds in `bigint` columns and counts come back as `bigint`/`numeric`:
 * all are safe integers here, read as JavaScript numbers (as SQLite returns them).
 */
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export interface PostgresOptions {
  /** Pool size (default 10). */
  max?: number;
  log?: (line: string) => void;
}

export type DatabaseOptions = PostgresOptions & SqliteOptions;

/** Opens a pool on `url` (postgres://user:password@host:port/database) and checks that it answers. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<OpenedDatabase> {
  const log = options.log ?? ((line: string) => console.error(line));
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types: pgTypes,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    application_name: 'keyward',
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle connection dropped by the server (restart, pg_terminate_backend) must not crash the process.
  pool.on('error', (err) => log(`database: idle connection lost: ${err.message}`));
  // ...nor one lost while checked out between two queries (the query in flight, if any, fails on its own).
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new PostgresSpellings()] });
  const keyChanges = postgresKeyChangeFeed(url, { types: pgTypes, log });
  const store: Store = {
    dialect: 'postgres',
    keyRows: postgresKeyRows(db),
    usage: postgresUsageWriter(),
    locks: postgresLocks(pool),
    keyChanges,
    ping: async () => {
      try {
        await sql`select 1`.execute(db);
      } catch (err) {
        throw new DatabaseUnavailableError(err);
      }
    },
  };
  try {
    await store.ping();
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  return {
    db,
    store,
    close: async () => {
      await keyChanges.stop();
      await db.destroy();
    },
  };
}

/** The configured database: PostgreSQL when KEYWARD_DATABASE_URL is set, else the SQLite file. */
export async function openConfiguredDatabase(
  config: { databaseUrl: string | undefined; dbFile: string },
  options: DatabaseOptions = {},
): Promise<OpenedDatabase> {
  const { backgroundCheckpoints, ...postgres } = options;
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, postgres)
    : openDatabase(config.dbFile, { backgroundCheckpoints });
}

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE']);

/**
 * Whether an error means "the database cannot be reached right now" (answered 503, retried by the
 * client) rather than a fault of the request: connection refused or lost, server shutting down or
 * starting, pool timeout.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (UNAVAILABLE_CODES.has(code)) return true;
      // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now.
      if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
    }
    const message = e instanceof Error ? e.message : '';
    if (
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
        message,
      )
    )
      return true;
  }
  return false;
}
