import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, depsOf, type App } from './app.ts';
import { createServerWithFastPaths, verifyFastPath } from './features/verification/verify-fast-path.ts';
import { ManualClock, systemClock, type Clock } from './clock.ts';
import { readConfig, type Config } from './config.ts';
import { openConfiguredDatabase, type OpenedDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { bootstrap } from './features/people/bootstrap.ts';
import { createShutdownHooks, type ShutdownHooks } from './shutdown.ts';
import { createJobRunner } from './jobs/job-runner.ts';
import { mailerFromConfig } from './mail/mailer.ts';
import { createLogger, type Logger } from './observability/logger.ts';

/** apps/web/dist, from apps/server/dist/main.js (bundled) as from apps/server/src/main.ts (tsx). */
const webRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/** PRODUCT.md §1's environment, or a clear message and exit code 1. */
function configOrExit(): Config {
  try {
    return readConfig(process.env);
  } catch (err) {
    console.error(`Keyward cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

/** The database, or a one-line message and exit code 1 when it cannot be opened (no stack trace). */
async function openDatabaseOrExit(config: Config, log: (line: string) => void): Promise<OpenedDatabase> {
  try {
    return await openConfiguredDatabase(config, { log, backgroundCheckpoints: true });
  } catch (err) {
    const where = config.databaseUrl ? `PostgreSQL at ${redactedUrl(config.databaseUrl)}` : config.dbFile;
    const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    console.error(`Keyward cannot start: cannot open the database (${where}): ${cause || 'unreachable'}`);
    process.exit(1);
  }
}

/** The URL without its password, for messages. */
function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'KEYWARD_DATABASE_URL';
  }
}

function listen(app: App, config: Config): ServerType {
  const server = serve(
    {
      fetch: app.fetch,
      port: config.port,
      hostname: config.host,
      createServer: createServerWithFastPaths(verifyFastPath(depsOf(app))),
    },
    (info) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      console.log(`Keyward is running at http://${host}:${info.port}`);
    },
  );
  server.on('error', (err: Error) => {
    console.error(`Keyward cannot listen on ${config.host}:${config.port}: ${err.message}`);
    process.exit(1);
  });
  return server;
}

/** SIGTERM/SIGINT: stop accepting, finish requests, run the shutdown hooks, close the database, exit 0. */
function stopGracefullyOnSignals(
  server: ServerType,
  shutdown: ShutdownHooks,
  db: OpenedDatabase,
  logger: Logger,
): void {
  const log = (line: string) => logger.info(line);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: finishing requests and shutting down.`);
    // Idle keep-alive connections close at once; a request still running after 10 s is cut off.
    const forced = setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, 10_000);
    forced.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await shutdown.run((line) => logger.error(line));
    await db.close();
    log('Keyward stopped.');
    logger.flush(() => process.exit(0));
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

async function main(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger(config.logLevel);
  // Job failures, shutdown steps that failed, a key that could not be flagged: all worth attention.
  const log = (line: string) => logger.error(line);
  const clock: Clock = config.clock === 'manual' ? new ManualClock(Date.now()) : systemClock;
  const db = await openDatabaseOrExit(config, log);
  // Once, even when several instances start together (PostgreSQL: an advisory lock).
  const first = await db.store.locks.exclusive('migrate', async () => {
    await migrateToLatest(db.db);
    return bootstrap(db.db, config, clock.now());
  });
  if (first.generatedPassword) {
    console.log(`First start: administrator ${config.adminEmail}, password: ${first.generatedPassword} (shown once)`);
  }
  const shutdown = createShutdownHooks();
  // JOB LOOP (PRODUCT.md §5): createApp registers its stop with the shutdown hooks.
  const mailer = mailerFromConfig(config);
  const jobs = createJobRunner({ db: db.db, locks: db.store.locks, clock, config, mailer, log });
  const app = createApp({ db, clock, config, webRoot, shutdown, log, logger, mailer, jobs });
  // Serve once other instances' changes are heard (until then, keys are read through anyway).
  await db.store.keyChanges.ready(5_000).catch((err: unknown) => log(`Keyward: ${(err as Error).message}`));
  jobs.start();
  const server = listen(app, config);
  stopGracefullyOnSignals(server, shutdown, db, logger);
}

main().catch((err: unknown) => {
  console.error(`Keyward failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
