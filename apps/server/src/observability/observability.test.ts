import { sql } from 'kysely';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App, type AppOptions } from '../app.ts';
import { createShutdownHooks, type ShutdownHooks } from '../shutdown.ts';
import { B, createKey } from '../../test/api-keys.ts';
import { sessionCookieOf } from '../../test/session.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ORG, createTestContext, type TestContext } from '../../test/harness.ts';
import { createLogger } from './logger.ts';
import { createMetrics } from './metrics.ts';

let ctx: TestContext;
const shutdowns: ShutdownHooks[] = [];
/** Another app over the test's database; its shutdown hooks (usage flush, jobs) run before the database closes. */
function appWith(options: Partial<Omit<AppOptions, 'db' | 'clock' | 'shutdown'>> = {}): App {
  const shutdown = createShutdownHooks();
  shutdowns.push(shutdown);
  return createApp({ db: ctx.db, clock: ctx.clock, config: ctx.config, shutdown, ...options });
}
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  for (const hooks of shutdowns.splice(0)) await hooks.run(() => {});
  await ctx.close();
});

function capture(): { stream: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('access log', () => {
  it('writes one JSON line per request with the route pattern, status, duration and principal', async () => {
    const log = capture();
    const app = appWith({ logger: createLogger('info', log.stream) });
    const key = await createKey(ctx);
    const res = await app.request(`${B}/${key.id}`, { headers: { authorization: `Bearer ${ctx.adminToken}` } });
    expect(res.status).toBe(200);
    const [line] = log.lines();
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: '/rest/organizations/:org/apikeys/:id',
      status: 200,
      principalKind: 'user',
      principalId: ctx.adminId,
      reqId: res.headers.get('x-request-id'),
    });
    expect(typeof line?.durationMs).toBe('number');
    expect(line).not.toHaveProperty('path');
  });

  it('never writes a key value, a token, a cookie or a password', async () => {
    const log = capture();
    const app = appWith({ logger: createLogger('trace', log.stream) });
    const key = await createKey(ctx, 'custom');
    const login = await app.request('/rest/auth/login', json({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }));
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const cookie = sessionCookieOf(login) ?? '';
    expect(cookie).toBeTruthy();
    await app.request(`${B}?filter=${encodeURIComponent(key.value ?? '')}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    await app.request('/rest/auth/me', { headers: { cookie: `kw_session=${cookie}` } });
    await app.request(`${B}/verify`, json({ key: key.value }));
    await app.request(`/rest/organizations/${ORG}/privileges/me`, {
      headers: { authorization: `Bearer ${key.value ?? ''}` },
    });
    await app.request('/rest/auth/login', json({ email: ADMIN_EMAIL, password: 'wrong password' }));
    await app.request(`${B}/${key.value ?? ''}`, { headers: { authorization: `Bearer ${accessToken}` } });
    const text = log.text();
    expect(log.lines().length).toBeGreaterThanOrEqual(7);
    for (const secret of [key.value, accessToken, ctx.adminToken, cookie, ADMIN_PASSWORD, 'wrong password']) {
      expect(secret && text.includes(secret), `a secret in the log: ${secret?.slice(0, 6)}…`).toBe(false);
    }
    expect(log.lines()).toContainEqual(expect.objectContaining({ principalKind: 'apiKey', principalId: key.id }));
  });

  it('writes an unexpected error with its request id, at error level', async () => {
    const log = capture();
    const app = appWith({ logger: createLogger('error', log.stream) });
    await sql`alter table groups rename to groups_gone`.execute(ctx.db.db);
    // Renamed back at once: on PostgreSQL the test schema is reused by the next tests.
    const res = await Promise.resolve(
      app.request(`/rest/organizations/${ORG}/groups`, { headers: { authorization: `Bearer ${ctx.adminToken}` } }),
    ).finally(() => sql`alter table groups_gone rename to groups`.execute(ctx.db.db));
    expect(res.status).toBe(500);
    const id = res.headers.get('x-request-id');
    expect(await res.text()).toContain(`request ${id}`);
    expect(log.lines()).toEqual([expect.objectContaining({ level: 'error', reqId: id, msg: 'request failed' })]);
  });
});

describe('GET /metrics', () => {
  it('is not served unless KEYWARD_METRICS=true', async () => {
    expect((await ctx.call('GET', '/metrics')).status).toBe(404);
  });

  it('serves request counts and durations by route and status, verdicts, job passes, outbox and cache', async () => {
    const config = { ...ctx.config, metrics: true };
    const app: App = appWith({ config, metrics: createMetrics(true) });
    const key = await createKey(ctx);
    const auth = { authorization: `Bearer ${ctx.adminToken}` };
    await app.request(`${B}/${key.id}`, { headers: auth });
    await app.request(`${B}/${key.id}`, { headers: auth });
    await app.request(`${B}/nope`, { headers: auth });
    await app.request(`${B}/verify`, json({ key: key.value }));
    await app.request(`${B}/verify`, json({ key: 'not a key' }));
    await app.request('/rest/nowhere');
    const res = await app.request('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toContain(
      'keyward_http_requests_total{method="GET",route="/rest/organizations/:org/apikeys/:id",status="200"} 2',
    );
    expect(text).toContain(
      'keyward_http_requests_total{method="GET",route="/rest/organizations/:org/apikeys/:id",status="404"} 1',
    );
    expect(text).toContain('keyward_http_requests_total{method="GET",route="(unmatched)",status="404"} 1');
    expect(text).toMatch(
      /keyward_http_request_duration_seconds_count\{method="POST",route="\/rest\/organizations\/:org\/apikeys\/verify",status="200"\} 2/,
    );
    expect(text).toContain('keyward_verification_verdicts_total{code="VALID"} 1');
    expect(text).toContain('keyward_verification_verdicts_total{code="NOT_FOUND"} 1');
    expect(text).toMatch(/keyward_verification_cache_keys \d+/);
    expect(text).toContain('# TYPE keyward_outbox_depth gauge');
    expect(text).not.toContain(key.value ?? 'no value');
  });

  it('counts job passes and the mail waiting in the outbox', async () => {
    const config = { ...ctx.config, metrics: true };
    const app: App = appWith({ config, metrics: createMetrics(true) });
    await ctx.db.db
      .insertInto('outbox')
      .values({
        organization_id: ORG,
        dedupe_key: 'k1',
        api_key_id: null,
        to_json: '[]',
        subject: 's',
        body_text: 'b',
        status: 'HELD',
        attempts: 0,
        next_attempt_at: 0,
        created_date: 0,
      } as never)
      .execute();
    const { depsOf } = await import('../app.ts');
    await depsOf(app).jobs.runOnce();
    const text = await (await app.request('/metrics')).text();
    expect(text).toContain('keyward_job_pass_duration_seconds_count 1');
    expect(text).toContain('keyward_outbox_depth{status="HELD"} 1');
  });

  it('asks for the bearer token when KEYWARD_METRICS_TOKEN is set', async () => {
    const config = { ...ctx.config, metrics: true, metricsToken: 's3cret-scrape' };
    const app = appWith({ config, metrics: createMetrics(true) });
    const none = await app.request('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await app.request('/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await app.request('/metrics', { headers: { authorization: 'Bearer s3cret-scrape' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('keyward_http_requests_total');
  });
});
