import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App, type AppOptions } from '../app.ts';
import { createShutdownHooks, type ShutdownHooks } from '../shutdown.ts';
import { B, createKey, jsonOf } from '../../test/api-keys.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ORG, createTestContext, type TestContext } from '../../test/harness.ts';
import { API_SECURITY_HEADERS, HSTS_HEADER, SECURITY_HEADERS, securityHeaders } from './security-headers.ts';

// Issue 12, findings 4 and 5: security headers on every kind of answer; no-store on every API
// answer (those with a key value or a token above all); a request id on every answer.

let ctx: TestContext;
const shutdowns: ShutdownHooks[] = [];
/** Another app over the test's database; its shutdown hooks (usage flush, jobs) run before the database closes. */
function appWith(options: Partial<Omit<AppOptions, 'db' | 'clock' | 'shutdown'>> = {}): App {
  const shutdown = createShutdownHooks();
  shutdowns.push(shutdown);
  return createApp({ db: ctx.db, clock: ctx.clock, config: ctx.config, shutdown, ...options });
}
let webRoot: string;
let app: App;
beforeEach(async () => {
  ctx = await createTestContext({ KEYWARD_TRUST_PROXY: '10.0.0.0/8' });
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(
    path.join(webRoot, 'index.html'),
    '<!doctype html><title>Keyward</title><script type="module" src="/assets/index-abc.js"></script>',
  );
  fs.writeFileSync(path.join(webRoot, 'assets', 'index-abc.js'), 'console.log(1);');
  app = appWith({ webRoot, log: () => {} });
});
afterEach(async () => {
  for (const hooks of shutdowns.splice(0)) await hooks.run(() => {});
  fs.rmSync(webRoot, { recursive: true, force: true });
  await ctx.close();
});

const bearer = () => ({ authorization: `Bearer ${ctx.adminToken}` });
const get = (url: string, headers: Record<string, string> = {}, env?: unknown) =>
  Promise.resolve(app.request(url, { headers }, env));

type Profile = 'document' | 'api';

/** Every security header of the profile, and none of the other profile's document-only ones. */
function expectSecurityHeaders(res: Response, profile: Profile): void {
  const expected = profile === 'document' ? SECURITY_HEADERS : API_SECURITY_HEADERS;
  for (const [name, value] of Object.entries(expected)) expect(res.headers.get(name), name).toBe(value);
  if (profile === 'api')
    for (const name of Object.keys(SECURITY_HEADERS))
      if (!(name in API_SECURITY_HEADERS)) expect(res.headers.get(name), name).toBeNull();
  const csp = res.headers.get('content-security-policy') ?? '';
  if (profile === 'document') {
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
  } else expect(csp).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  expect(csp).not.toMatch(/https?:/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(res.headers.get('strict-transport-security')).toBeNull();
  expect(res.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9._:-]+$/);
}

describe('security headers on every kind of answer', () => {
  it.each([
    ['the SPA page', '/', 200, 'text/html', 'document'],
    ['a deep SPA page', '/organizations/myorganization/apikeys', 200, 'text/html', 'document'],
    ['an SPA asset', '/assets/index-abc.js', 200, 'javascript', 'document'],
    ['health', '/healthz', 200, 'application/json', 'api'],
    ['readiness', '/readyz', 200, 'application/json', 'api'],
    ['API JSON', `/rest/organizations/${ORG}/groups`, 200, 'application/json', 'api'],
    ['problem+json (401 without credentials)', B, 401, 'application/problem+json', 'api'],
    [
      'problem+json (403 in another organization)',
      '/rest/organizations/other/groups',
      403,
      'application/problem+json',
      'api',
    ],
    ['a 404 under /rest', '/rest/nothing-here', 404, 'application/problem+json', 'api'],
    ['the OpenAPI document', '/rest/openapi.json', 200, 'application/json', 'api'],
    ['the API docs page', '/rest/docs', 200, 'text/html', 'document'],
    ['the API docs script', '/rest/docs/assets/swagger-ui-bundle.js', 200, 'javascript', 'document'],
    ['the API docs init script', '/rest/docs/init.js', 200, 'javascript', 'document'],
    ['a 404 of a docs asset', '/rest/docs/assets/nope.js', 404, 'application/problem+json', 'document'],
    ['a 400 (NUL in the URL)', `${B}?filter=a%00b`, 400, 'application/problem+json', 'api'],
  ] as const)('%s', async (_kind, url, status, type, profile) => {
    const headers = url.startsWith('/rest/') && status !== 401 ? bearer() : {};
    const res = await get(url, headers);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type') ?? '').toContain(type);
    expectSecurityHeaders(res, profile);
  });

  it('on a 413, a 405-like refusal and an unknown route outside /rest', async () => {
    const big = await app.request(`${B}?apiKeyTemplateId=anonymous-search`, {
      method: 'POST',
      headers: { ...bearer(), 'content-type': 'application/json', 'content-length': String(2 * 1024 * 1024) },
      body: 'x'.repeat(2 * 1024 * 1024),
    });
    expect(big.status).toBe(413);
    expectSecurityHeaders(big, 'api');
    const post = await app.request('/some/page', { method: 'POST' });
    expect(post.status).toBe(404);
    expectSecurityHeaders(post, 'document');
  });

  it('are exactly what Hono secureHeaders sets with the same options (one place, no drift)', async () => {
    const probe = new Hono();
    probe.use(securityHeaders([]));
    probe.get('/', (c) => c.text('ok'));
    probe.get('/rest/x', (c) => c.json({}));
    for (const [url, expected] of [
      ['/', SECURITY_HEADERS],
      ['/rest/x', API_SECURITY_HEADERS],
    ] as const) {
      const res = await probe.request(url);
      const security = [...res.headers.entries()].filter(([name]) => name !== 'content-type');
      expect(Object.fromEntries(security), url).toEqual(
        Object.fromEntries(Object.entries(expected).map(([k, v]) => [k.toLowerCase(), v])),
      );
    }
    // and Hono's own defaults would have added HSTS everywhere and SAMEORIGIN framing:
    const plain = new Hono();
    plain.use(secureHeaders());
    plain.get('/', (c) => c.text('ok'));
    expect((await plain.request('/')).headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('adds HSTS only over https: the connection itself, or X-Forwarded-Proto from a trusted proxy', async () => {
    const https = await app.request('https://keyward.example/healthz');
    expect(https.headers.get('strict-transport-security')).toBe(HSTS_HEADER[1]);
    const viaProxy = await get(
      '/healthz',
      { 'x-forwarded-proto': 'https' },
      { incoming: { socket: { remoteAddress: '10.1.2.3' } } },
    );
    expect(viaProxy.headers.get('strict-transport-security')).toBe(HSTS_HEADER[1]);
    const untrusted = await get(
      '/healthz',
      { 'x-forwarded-proto': 'https' },
      { incoming: { socket: { remoteAddress: '203.0.113.9' } } },
    );
    expect(untrusted.headers.get('strict-transport-security')).toBeNull();
    expect((await get('/healthz')).headers.get('strict-transport-security')).toBeNull();
  });
});

describe('Cache-Control: no-store', () => {
  it('on the answers that carry a key value: create, duplicate, rotate', async () => {
    const created = await ctx.call('POST', `${B}?apiKeyTemplateId=anonymous-search`, {
      token: ctx.adminToken,
      body: {
        displayName: 'Search page',
        additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'main' } } },
      },
    });
    expect(created.status).toBe(201);
    const key = await jsonOf<{ id: string; value: string }>(created);
    expect(key.value).toBeTruthy();
    expect(created.headers.get('cache-control')).toBe('no-store');

    const duplicated = await ctx.call('PUT', `${B}/${key.id}/duplicate`, { token: ctx.adminToken, body: {} });
    expect(duplicated.status).toBe(201);
    expect((await jsonOf<{ value: string }>(duplicated)).value).toBeTruthy();
    expect(duplicated.headers.get('cache-control')).toBe('no-store');

    const rotated = await ctx.call('POST', `${B}/${key.id}/rotate`, {
      token: ctx.adminToken,
      body: { previousKeyExpirationPeriod: 'P7D' },
    });
    expect(rotated.status).toBe(201);
    expect((await jsonOf<{ value: string }>(rotated)).value).toBeTruthy();
    expect(rotated.headers.get('cache-control')).toBe('no-store');
  });

  it('on the login answer (a token) and on every other /rest and /oauth answer', async () => {
    const login = await ctx.call('POST', '/rest/auth/login', {
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('cache-control')).toContain('no-store');
    const key = await createKey(ctx);
    for (const [url, status] of [
      [B, 200],
      [`${B}/${key.id}`, 200],
      [`/rest/organizations/${ORG}/groups`, 200],
      ['/rest/openapi.json', 200],
      ['/rest/nothing', 404],
      [`/rest/organizations/other/apikeys`, 403],
    ] as const) {
      const res = await ctx.call('GET', url, { token: ctx.adminToken });
      expect(res.status, url).toBe(status);
      expect(res.headers.get('cache-control'), url).toBe('no-store');
    }
    const check = await ctx.app.request('/oauth/check_token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${ctx.adminToken}`,
    });
    expect(check.headers.get('cache-control')).toBe('no-store');
  });

  it('but the pinned documentation assets may be cached', async () => {
    const res = await get('/rest/docs/assets/swagger-ui.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
  });
});

describe('request ids', () => {
  it('gives every answer its own id, and keeps a sane id sent by the caller', async () => {
    const a = (await get('/healthz')).headers.get('x-request-id');
    const b = (await get('/healthz')).headers.get('x-request-id');
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
    expect((await get('/healthz', { 'x-request-id': 'lb-1234.abc' })).headers.get('x-request-id')).toBe('lb-1234.abc');
    const weird = (await get('/healthz', { 'x-request-id': 'has spaces <script>' })).headers.get('x-request-id');
    expect(weird).not.toContain(' ');
    const long = (await get('/healthz', { 'x-request-id': 'a'.repeat(200) })).headers.get('x-request-id');
    expect(long?.length).toBeLessThan(64);
  });
});
