import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { bundleEntrypoints, removeBundle } from '../test/entrypoints.ts';
import { call, login, msUntil, percentile, startInstance, type Instance } from '../test/instances.ts';
import { pgProxy, type PgProxy } from '../test/pg-proxy.ts';
import { createScratchDatabase, dropScratchDatabase, TEST_DATABASE_URL } from '../test/test-database.ts';

// PRODUCT.md §10: two real server processes on one PostgreSQL database behave as one.
// Runs when KEYWARD_TEST_DATABASE_URL names a PostgreSQL server (.ci/run always sets it).

const ORG = 'myorganization';
const B = `/rest/organizations/${ORG}/apikeys`;
const START = '2026-06-01T12:00:00.000Z';
const DAY = 86_400_000;

describe.skipIf(!TEST_DATABASE_URL)('two instances on one PostgreSQL database', () => {
  const serverUrl = TEST_DATABASE_URL ?? '';
  let bundle: string;
  let scratch: { name: string; url: string };
  let sql: pg.Client;
  let a: Instance;
  let b: Instance;
  let token: string;

  const verifyOn = async (instance: Instance, key: string, ip?: string) =>
    (
      await call<{ code: string }>(instance.url, 'POST', `${B}/verify`, {
        body: { key, ...(ip ? { ip } : {}) },
      })
    ).body.code;
  const setClocks = async (iso: string) => {
    for (const i of [a, b])
      expect((await call(i.url, 'PUT', '/__test__/clock', { body: { now: iso } })).status).toBe(200);
  };
  const createKey = async (body: Record<string, unknown>, template = 'push-api') => {
    // Push scope is explicit (PRODUCT.md §3.2): a Push API key names its sources and providers.
    const scoped =
      template === 'push-api' ? { sourceIds: ['src-1'], securityProviderIds: ['provider-1'], ...body } : body;
    const res = await call<ApiKey>(a.url, 'POST', `${B}?apiKeyTemplateId=${template}`, { token, body: scoped });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    bundle = await bundleEntrypoints('scale-out');
    scratch = await createScratchDatabase(serverUrl, 'scale_out');
    sql = new pg.Client({ connectionString: scratch.url });
    await sql.connect();
    const env = { KEYWARD_DATABASE_URL: scratch.url };
    // Started at the same moment: migrations and bootstrap must still run once.
    [a, b] = await Promise.all([startInstance(bundle, env), startInstance(bundle, env)]);
    await setClocks(START);
    token = await login(a.url);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await sql?.end();
    if (scratch) await dropScratchDatabase(serverUrl, scratch.name);
    if (bundle) removeBundle(bundle);
  }, 60_000);

  it('ran the migrations and the first-start bootstrap once although both started together', async () => {
    const count = async (q: string) => Number((await sql.query<{ n: string }>(q)).rows[0]?.n);
    expect(await count('select count(*) as n from organizations')).toBe(1);
    expect(await count('select count(*) as n from users')).toBe(1);
    expect(await count('select count(*) as n from groups')).toBe(2);
    expect(await count('select count(*) as n from kysely_migration')).toBeGreaterThanOrEqual(7);
    for (const i of [a, b]) expect((await call(i.url, 'GET', '/readyz')).status).toBe(200);
  });

  it('accepts a login made on one instance on the other (bearer token and session cookie)', async () => {
    const me = await call<{ user: { email: string } }>(b.url, 'GET', '/rest/auth/me', { token });
    expect(me.status).toBe(200);
    const res = await fetch(`${a.url}/rest/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@example.com', password: 'correct horse battery staple' }),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(cookie).toMatch(/^kw_session=/);
    expect((await call(b.url, 'GET', '/rest/auth/me', { headers: { cookie } })).status).toBe(200);
    expect((await call(b.url, 'POST', '/rest/auth/logout', { token })).status).toBeLessThan(300);
    expect((await call(a.url, 'GET', '/rest/auth/me', { token })).status).toBe(401);
    token = await login(b.url);
  });

  it('reflects a key created, disabled, re-enabled, re-listed and deleted on one instance on the other within 1 s', async () => {
    const key = await createKey({ displayName: 'Across instances', allowedIps: [] });
    const value = key.value as string;
    expect(await verifyOn(b, value)).toBe('VALID');
    const lags: number[] = [];
    const change = async (method: string, url: string, body: unknown, expected: string, ip?: string) => {
      expect(await verifyOn(b, value, ip)).not.toBe(expected); // b holds the old verdict, cached
      const res = await call(a.url, method, url, { token, ...(body === undefined ? {} : { body }) });
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      lags.push(await msUntil(async () => (await verifyOn(b, value, ip)) === expected, 1_000));
    };
    for (let i = 0; i < 50; i += 1) {
      await change('PUT', `${B}/${key.id}/disable`, undefined, 'DISABLED');
      await change('PUT', `${B}/${key.id}/activate`, undefined, 'VALID');
    }
    const current = await call<ApiKey>(a.url, 'GET', `${B}/${key.id}`, { token });
    await change(
      'PUT',
      `${B}/${key.id}`,
      { ...current.body, deniedIps: ['203.0.113.77/32'] },
      'IP_DENIED',
      '203.0.113.77',
    );
    await change('DELETE', `${B}/${key.id}`, undefined, 'NOT_FOUND');
    const median = percentile(lags, 50);
    const p99 = percentile(lags, 99);
    console.log(
      `cross-instance change lag over ${lags.length} changes: median ${median.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...lags).toFixed(1)} ms`,
    );
    expect(lags.length).toBeGreaterThanOrEqual(100);
    expect(Math.max(...lags)).toBeLessThan(1_000);
  }, 120_000);

  it('adds up usage recorded by both instances (additive flushes, even at the same moment)', async () => {
    const key = await createKey({ displayName: 'Counted twice', allowedIps: ['203.0.113.0/24'] });
    const value = key.value as string;
    const uses: Promise<string>[] = [];
    for (let i = 0; i < 30; i += 1) uses.push(verifyOn(a, value, '203.0.113.5'));
    for (let i = 0; i < 20; i += 1) uses.push(verifyOn(b, value, i % 2 ? '203.0.113.6' : '198.51.100.1'));
    await Promise.all(uses);
    // Each usage read flushes its own instance's buffer: both flushes land on the same row at once.
    const [onA, onB] = await Promise.all(
      [a, b].map((i) =>
        call<{ days: { allowed: number; denied: number }[] }>(i.url, 'GET', `${B}/${key.id}/usage?days=1`, { token }),
      ),
    );
    expect(onA?.status).toBe(200);
    expect(onB?.status).toBe(200);
    const { rows } = await sql.query<{ allowed: string; denied: string; by_code_json: string }>(
      'select allowed, denied, by_code_json from api_key_usage_daily where api_key_id = $1',
      [key.id],
    );
    expect(rows).toHaveLength(1);
    expect({ allowed: Number(rows[0]?.allowed), denied: Number(rows[0]?.denied) }).toEqual({ allowed: 40, denied: 10 });
    expect(JSON.parse(rows[0]?.by_code_json ?? '{}')).toEqual({ VALID: 40, IP_DENIED: 10 });
    const lastUsed = await call<ApiKey>(b.url, 'GET', `${B}/${key.id}`, { token });
    expect(lastUsed.body.lastUsedDate).toBeTruthy();
  });

  it('never leaves a stale verdict when the notification connection is killed', async () => {
    const key = await createKey({ displayName: 'Listener killed', allowedIps: [] });
    const value = key.value as string;
    const listeners = async () =>
      Number(
        (
          await sql.query<{ n: string }>(
            "select count(*) as n from pg_stat_activity where application_name = 'keyward-listener' and datname = $1",
            [scratch.name],
          )
        ).rows[0]?.n,
      );
    expect(await listeners()).toBe(2);
    for (let round = 0; round < 3; round += 1) {
      expect(await verifyOn(b, value)).toBe('VALID'); // cached on b
      await sql.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'keyward-listener' and datname = $1",
        [scratch.name],
      );
      // Changed while b cannot hear about it.
      expect((await call(a.url, 'PUT', `${B}/${key.id}/disable`, { token })).status).toBe(204);
      await msUntil(async () => (await verifyOn(b, value)) === 'DISABLED', 1_000);
      expect(await verifyOn(b, value)).toBe('DISABLED');
      // Back: listening again, and changes are heard again.
      await msUntil(async () => (await listeners()) === 2, 10_000);
      expect((await call(a.url, 'PUT', `${B}/${key.id}/activate`, { token })).status).toBe(204);
      await msUntil(async () => (await verifyOn(b, value)) === 'VALID', 1_000);
    }
  }, 60_000);

  it('counts failed logins made on both instances together', async () => {
    const attempt = (i: Instance) =>
      call(i.url, 'POST', '/rest/auth/login', { body: { email: 'guess@example.com', password: 'wrong' } });
    for (const i of [a, b, a, b, a]) expect((await attempt(i)).status).toBe(401);
    expect((await attempt(b)).status).toBe(429);
    expect((await attempt(a)).status).toBe(429);
  });

  it('runs a job pass on one instance at a time and sends each notice once', async () => {
    const key = await createKey(
      {
        displayName: 'Expiring soon',
        lifetimeDuration: 'P7D',
        additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'support' } } },
      },
      'view-all-content',
    );
    // Past its expiration: the 7-day, 2-day and expired notices are all due; only the latest is sent.
    await setClocks(new Date(Date.parse(START) + 9 * DAY).toISOString());
    const passes = await Promise.all(
      [a, b, a, b].map((i) => call<{ skipped?: boolean; noticesQueued: number }>(i.url, 'POST', '/__test__/jobs/run')),
    );
    for (const p of passes) expect(p.status).toBe(200);
    expect(passes.reduce((n, p) => n + p.body.noticesQueued, 0)).toBe(1);
    const outbox = await sql.query<{ dedupe_key: string }>('select dedupe_key from outbox where api_key_id = $1', [
      key.id,
    ]);
    expect(outbox.rows).toHaveLength(1);
    expect(outbox.rows[0]?.dedupe_key).toMatch(/EXPIRED$/);
    const notices = await sql.query<{ dedupe_key: string; n: string }>(
      'select dedupe_key, count(*) as n from notices_sent where api_key_id = $1 group by dedupe_key',
      [key.id],
    );
    expect(notices.rows.length).toBeGreaterThanOrEqual(1);
    for (const row of notices.rows) expect(Number(row.n)).toBe(1);
    // Again, on both at once: nothing new.
    await Promise.all([a, b].map((i) => call(i.url, 'POST', '/__test__/jobs/run')));
    expect((await sql.query('select 1 from outbox where api_key_id = $1', [key.id])).rows).toHaveLength(1);
  });
});

describe.skipIf(!TEST_DATABASE_URL)('PostgreSQL unreachable or silent while running', () => {
  const serverUrl = TEST_DATABASE_URL ?? '';
  let bundle: string;
  let scratch: { name: string; url: string };
  let proxy: PgProxy;
  let direct: pg.Client;
  let c: Instance;

  beforeAll(async () => {
    bundle = await bundleEntrypoints('pg-outage');
    scratch = await createScratchDatabase(serverUrl, 'pg_outage');
    const target = new URL(scratch.url);
    proxy = await pgProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    c = await startInstance(bundle, { KEYWARD_DATABASE_URL: target.toString() });
    direct = new pg.Client({ connectionString: scratch.url });
    await direct.connect();
  }, 120_000);

  afterAll(async () => {
    await c?.stop();
    await direct?.end();
    await proxy?.close().catch(() => undefined);
    if (scratch) await dropScratchDatabase(serverUrl, scratch.name);
    if (bundle) removeBundle(bundle);
  }, 60_000);

  it('answers /readyz and API calls 503 (problem+json) while the database is away, and recovers when it is back', async () => {
    const token = await login(c.url);
    expect((await call(c.url, 'GET', '/readyz')).status).toBe(200);
    await proxy.cut();
    const ready = await call<{ status: number }>(c.url, 'GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toContain('application/problem+json');
    expect((await call(c.url, 'GET', '/healthz')).status).toBe(200);
    const api = await call<{ status: number; errorCode: string }>(c.url, 'GET', `${B}`, { token });
    expect(api.status).toBe(503);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
    expect(api.body.errorCode).toBe('SERVICE_UNAVAILABLE');
    const failedLogin = await call(c.url, 'POST', '/rest/auth/login', {
      body: { email: 'admin@example.com', password: 'correct horse battery staple' },
    });
    expect(failedLogin.status).toBe(503);
    await proxy.restore();
    await msUntil(async () => (await call(c.url, 'GET', '/readyz')).status === 200, 10_000);
    expect((await call(c.url, 'GET', `${B}`, { token })).status).toBe(200);
    expect(c.child.exitCode).toBeNull();
  }, 60_000);

  it('never answers a stale verdict for more than 1 s when the notification connection goes silent', async () => {
    const token = await login(c.url);
    const created = await call<ApiKey>(c.url, 'POST', `${B}?apiKeyTemplateId=push-api`, {
      token,
      body: { displayName: 'Silent listener', allowedIps: [], sourceIds: ['src-1'], securityProviderIds: ['p-1'] },
    });
    expect(created.status).toBe(201);
    const { id, value } = created.body;
    const verify = async () =>
      (await call<{ code: string }>(c.url, 'POST', `${B}/verify`, { body: { key: value } })).body.code;
    // The listening connections (server side), with what each last ran ('select 1': probing, so listening).
    const listeners = async () =>
      (
        await direct.query<{ pid: number; query: string }>(
          "select pid, query from pg_stat_activity where application_name = 'keyward-listener' and datname = $1",
          [scratch.name],
        )
      ).rows;
    const probing = async (except?: number) => {
      const rows = await listeners();
      return rows.length === 1 && rows[0]?.pid !== except && rows[0]?.query === 'select 1';
    };
    const changeDirectly = (enabled: boolean) =>
      // Committed by another writer: the api_keys trigger notifies, as for a change made on another instance.
      direct.query(
        'update api_keys set enabled = $2, disabled_reason = $3, disabled_date = $4 where id = $1',
        enabled ? [id, 1, null, null] : [id, 0, 'MANUAL', Date.now()],
      );
    await msUntil(() => probing(), 10_000);
    const [before] = await listeners();
    expect(await verify()).toBe('VALID'); // cached from now on
    // The connection stays open but nothing gets through any more, and no error says so.
    expect(proxy.silence('keyward-listener')).toBe(1);
    await changeDirectly(false);
    const lag = await msUntil(async () => (await verify()) === 'DISABLED', 1_000);
    console.log(`change seen through a silent notification connection after ${lag.toFixed(0)} ms`);
    expect(c.logs().stderr).toMatch(/key change channel lost \(keepalive probe: no answer within \d+ ms\)/);
    // Re-subscribed on a new connection, caching again: changes are heard again.
    await msUntil(() => probing(before?.pid), 10_000);
    expect(await verify()).toBe('DISABLED');
    await changeDirectly(true);
    await msUntil(async () => (await verify()) === 'VALID', 1_000);
  }, 60_000);
});
