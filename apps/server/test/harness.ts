import type { ApiKeyAccess, Privilege } from '@keyward/domain';
import { createApp, type App } from '../src/app.ts';
import { createShutdownHooks } from '../src/shutdown.ts';
import { ManualClock } from '../src/clock.ts';
import { readConfig, type Config } from '../src/config.ts';
import type { OpenedDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { bootstrap } from '../src/features/people/bootstrap.ts';
import { insertGroup, insertMember, insertOrganization, insertUser } from '../src/features/people/people.repository.ts';
import { randomToken, sha256Hex } from '../src/crypto/tokens.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export const T0 = Date.UTC(2026, 0, 15, 12, 0, 0);
export const ORG = 'myorganization';
export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'correct horse battery staple';

export interface TestContext {
  app: App;
  db: OpenedDatabase;
  clock: ManualClock;
  config: Config;
  /** The SQLite file ('' when the suite runs on PostgreSQL, KEYWARD_TEST_DATABASE_URL). */
  dbFile: string;
  /** Where the data is (reopen it, give it to a server process). */
  database: TestDatabase;
  /** Bearer token of the first administrator. */
  adminToken: string;
  adminId: string;
  /** A user in `org` (default ORG) with a fresh group; returns a bearer token. */
  userWith: (opts: {
    apiKeyAccess: ApiKeyAccess;
    privileges?: Privilege[];
    org?: string;
    email?: string;
  }) => Promise<{ token: string; userId: string; groupId: string }>;
  tokenFor: (userId: string) => Promise<string>;
  createOrganization: (id: string) => Promise<void>;
  /** app.request with JSON body and bearer token. */
  call: (
    method: string,
    url: string,
    opts?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ) => Promise<Response>;
  close: () => Promise<void>;
}

/**
 * A real app over a real database (a temp SQLite file; a fresh PostgreSQL schema when
 * KEYWARD_TEST_DATABASE_URL is set), a manual clock at T0 and a bootstrapped organization.
 */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const { dbFile } = database;
  const config = readConfig({
    ...database.env,
    KEYWARD_ADMIN_EMAIL: ADMIN_EMAIL,
    KEYWARD_ADMIN_PASSWORD: ADMIN_PASSWORD,
    KEYWARD_CLOCK: 'manual',
    ...env,
  });
  const db = database.opened;
  await migrateToLatest(db.db);
  const clock = new ManualClock(T0);
  await bootstrap(db.db, config, clock.now());
  const shutdown = createShutdownHooks();
  const app = createApp({ db, clock, config, shutdown, log: () => {} });
  const admin = await db.db.selectFrom('users').select('id').where('email', '=', ADMIN_EMAIL).executeTakeFirstOrThrow();

  const tokenFor = async (userId: string) => {
    const token = randomToken();
    await db.db
      .insertInto('access_tokens')
      .values({
        token_hash: sha256Hex(token),
        user_id: userId,
        csrf_token: randomToken(),
        created_date: clock.now(),
        expires_at: clock.now() + 4 * 3600_000,
      })
      .execute();
    return token;
  };
  let userCount = 0;
  const userWith: TestContext['userWith'] = async ({ apiKeyAccess, privileges = [], org = ORG, email }) => {
    userCount += 1;
    const userId = await insertUser(db.db, {
      email: email ?? `user${userCount}@example.com`,
      displayName: `User ${userCount}`,
      passwordHash: 'x',
      now: clock.now(),
    });
    const groupId = await insertGroup(db.db, {
      organizationId: org,
      displayName: `Group ${userCount}`,
      apiKeyAccess,
      privileges,
      now: clock.now(),
    });
    await insertMember(db.db, groupId, userId);
    return { token: await tokenFor(userId), userId, groupId };
  };
  const call: TestContext['call'] = (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    return Promise.resolve(
      app.request(url, {
        method,
        headers,
        ...(opts.body !== undefined
          ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) }
          : {}),
      }),
    );
  };
  return {
    app,
    db,
    clock,
    config,
    dbFile,
    database,
    adminToken: await tokenFor(admin.id),
    adminId: admin.id,
    userWith,
    tokenFor,
    createOrganization: (id) =>
      insertOrganization(db.db, { id, displayName: id, securityContact: `security@${id}.test`, now: clock.now() }),
    call,
    close: async () => {
      await shutdown.run(() => {});
      await db.close();
      await database.dispose();
    },
  };
}
