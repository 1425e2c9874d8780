import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privilege } from '@keyward/domain';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ORG, T0, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf, postLogin, sessionCookieOf } from '../../../test/session.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const FOUR_HOURS = 4 * 3600_000;

describe('POST /rest/auth/login', () => {
  it('answers an access token, its expiry and the user, and sets the session cookie', async () => {
    const res = await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    const body = await bodyOf(res);
    expect(body).toEqual({
      accessToken: expect.any(String),
      expiresAt: T0 + FOUR_HOURS,
      user: { id: ctx.adminId, email: ADMIN_EMAIL, displayName: 'Administrator' },
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(sessionCookieOf(res)).toBe(body.accessToken);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=14400/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('stores only a hash of the token', async () => {
    const { accessToken } = await bodyOf(await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }));
    const rows = await ctx.db.db.selectFrom('access_tokens').select(['token_hash', 'csrf_token']).execute();
    expect(rows.some((r) => r.token_hash === accessToken)).toBe(false);
    expect(rows.every((r) => r.csrf_token.length >= 32)).toBe(true);
  });

  it('accepts the e-mail in any case', async () => {
    const res = await postLogin(ctx, { email: ADMIN_EMAIL.toUpperCase(), password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('marks the cookie Secure over https', async () => {
    const res = await postLogin(
      ctx,
      { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      { url: 'https://keyward.example/rest/auth/login' },
    );
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('trusts X-Forwarded-Proto only from a trusted proxy', async () => {
    const proxied = await createTestContext({ KEYWARD_TRUST_PROXY: '10.0.0.0/8' });
    try {
      const creds = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD };
      const headers = { 'x-forwarded-proto': 'https' };
      const trusted = await postLogin(proxied, creds, { headers, remoteAddress: '10.1.2.3' });
      expect(trusted.headers.get('set-cookie')).toMatch(/Secure/);
      const untrusted = await postLogin(proxied, creds, { headers, remoteAddress: '203.0.113.9' });
      expect(untrusted.headers.get('set-cookie')).not.toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('answers 401 with the same message for an unknown e-mail and a wrong password', async () => {
    const wrong = await postLogin(ctx, { email: ADMIN_EMAIL, password: 'not the password' });
    const unknown = await postLogin(ctx, { email: 'nobody@example.com', password: 'whatever' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const [a, b] = [await bodyOf(wrong), await bodyOf(unknown)];
    expect(a.detail).toBe(b.detail);
    expect(a.errorCode).toBe('UNAUTHENTICATED');
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('refuses malformed bodies with 400', async () => {
    const malformed = await ctx.app.request('/rest/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(malformed.status).toBe(400);
    expect((await bodyOf(malformed)).errorCode).toBe('MALFORMED_REQUEST');
    const wrongTypes = await postLogin(ctx, { email: 42, password: ['x'] });
    expect(wrongTypes.status).toBe(400);
    const paths = (await bodyOf(wrongTypes)).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
    const notJson = await ctx.app.request('/rest/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(notJson.status).toBe(400);
    const noBody = await ctx.app.request('/rest/auth/login', { method: 'POST' });
    expect(noBody.status).toBe(400);
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await postLogin(ctx, { email: ADMIN_EMAIL, password: 'x'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
    expect((await bodyOf(res)).errorCode).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers 429 with Retry-After after 5 failures for one e-mail, even with the right password', async () => {
    for (let i = 0; i < 5; i += 1)
      expect((await postLogin(ctx, { email: ADMIN_EMAIL, password: `guess ${i}` })).status).toBe(401);
    const blocked = await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await bodyOf(blocked)).errorCode).toBe('TOO_MANY_REQUESTS');
  });

  it('forgets an e-mail failures after a successful login', async () => {
    for (let i = 0; i < 4; i += 1) await postLogin(ctx, { email: ADMIN_EMAIL, password: `guess ${i}` });
    expect((await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).status).toBe(200);
    for (let i = 0; i < 4; i += 1)
      expect((await postLogin(ctx, { email: ADMIN_EMAIL, password: `guess ${i}` })).status).toBe(401);
  });

  it('answers 429 after 20 failures from one address, whatever the e-mails', async () => {
    const remoteAddress = '198.51.100.7';
    for (let i = 0; i < 20; i += 1) {
      expect((await postLogin(ctx, { email: `u${i}@example.com`, password: 'x' }, { remoteAddress })).status).toBe(401);
    }
    expect((await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { remoteAddress })).status).toBe(
      429,
    );
    expect(
      (await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, { remoteAddress: '198.51.100.8' }))
        .status,
    ).toBe(200);
  });

  it('ignores a leftover session cookie (no CSRF token needed to log in again)', async () => {
    const first = await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    const again = await postLogin(
      ctx,
      { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      { headers: { cookie: `kw_session=${sessionCookieOf(first)}` } },
    );
    expect(again.status).toBe(200);
  });
});

describe('sessions', () => {
  async function loggedIn() {
    const res = await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
    return (await bodyOf(res)).accessToken as string;
  }

  it('accept the token as a bearer token and as the cookie', async () => {
    const token = await loggedIn();
    expect((await ctx.call('GET', '/rest/auth/me', { token })).status).toBe(200);
    expect((await ctx.app.request('/rest/auth/me', { headers: { cookie: `kw_session=${token}` } })).status).toBe(200);
  });

  it('expire after 4 hours of the clock', async () => {
    const token = await loggedIn();
    ctx.clock.set(T0 + FOUR_HOURS - 1);
    expect((await ctx.call('GET', '/rest/auth/me', { token })).status).toBe(200);
    ctx.clock.set(T0 + FOUR_HOURS);
    const expired = await ctx.call('GET', '/rest/auth/me', { token });
    expect(expired.status).toBe(401);
    expect((await ctx.app.request('/rest/auth/me', { headers: { cookie: `kw_session=${token}` } })).status).toBe(401);
  });

  it('require X-CSRF-Token on a write authenticated by the cookie', async () => {
    const token = await loggedIn();
    const { csrfToken } = await bodyOf(await ctx.call('GET', '/rest/auth/me', { token }));
    const write = (headers: Record<string, string>) =>
      ctx.app.request(`/rest/organizations/${ORG}/groups`, {
        method: 'POST',
        headers: { cookie: `kw_session=${token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ displayName: 'Auditors', apiKeyAccess: 'NONE', privileges: [] }),
      });
    const without = await write({});
    expect(without.status).toBe(403);
    expect((await bodyOf(without)).errorCode).toBe('CSRF_TOKEN_MISSING');
    expect((await write({ 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await write({ 'x-csrf-token': csrfToken })).status).toBe(201);
  });

  it('do not need X-CSRF-Token with a bearer token', async () => {
    const token = await loggedIn();
    const res = await ctx.call('POST', `/rest/organizations/${ORG}/groups`, {
      token,
      body: { displayName: 'Auditors' },
    });
    expect(res.status).toBe(201);
  });
});

describe('POST /rest/auth/logout', () => {
  it('revokes the token and clears the cookie', async () => {
    const { accessToken } = await bodyOf(await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }));
    const res = await ctx.call('POST', '/rest/auth/logout', { token: accessToken });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(res.headers.get('set-cookie')).toMatch(/kw_session=;.*Max-Age=0/);
    expect((await ctx.call('GET', '/rest/auth/me', { token: accessToken })).status).toBe(401);
  });

  it('needs the CSRF token when logging out with the cookie', async () => {
    const { accessToken } = await bodyOf(await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }));
    const { csrfToken } = await bodyOf(await ctx.call('GET', '/rest/auth/me', { token: accessToken }));
    const cookie = `kw_session=${accessToken}`;
    expect((await ctx.app.request('/rest/auth/logout', { method: 'POST', headers: { cookie } })).status).toBe(403);
    expect(
      (await ctx.app.request('/rest/auth/logout', { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } }))
        .status,
    ).toBe(204);
    expect((await ctx.app.request('/rest/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('answers 204 when nobody is logged in', async () => {
    expect((await ctx.call('POST', '/rest/auth/logout')).status).toBe(204);
  });
});

describe('GET /rest/auth/me', () => {
  it('describes the user, the CSRF token and each organization', async () => {
    const res = await ctx.call('GET', '/rest/auth/me', { token: ctx.adminToken });
    expect(res.status).toBe(200);
    const body = await bodyOf(res);
    expect(body.user).toEqual({ id: ctx.adminId, email: ADMIN_EMAIL, displayName: 'Administrator' });
    expect(body.csrfToken).toEqual(expect.any(String));
    expect(body.organizations).toHaveLength(1);
    const [org] = body.organizations;
    expect(org).toMatchObject({ id: ORG, displayName: 'My organization', apiKeyAccess: 'EDIT_ALL' });
    expect(org.privileges).toContainEqual(privilege('PLATFORM/GROUP:EDIT'));
    expect(org.privileges).toContainEqual(privilege('PLATFORM/API_KEY:EDIT'));
    expect(body.settings).toEqual({ allowPrivateIps: false });
  });

  it('tells whether private IP ranges are allowed (KEYWARD_ALLOW_PRIVATE_IPS)', async () => {
    const intranet = await createTestContext({ KEYWARD_ALLOW_PRIVATE_IPS: 'true' });
    try {
      const body = await bodyOf(await intranet.call('GET', '/rest/auth/me', { token: intranet.adminToken }));
      expect(body.settings).toEqual({ allowPrivateIps: true });
    } finally {
      await intranet.close();
    }
  });

  it('takes the best access of the user groups and adds the privileges it implies', async () => {
    const { token, userId } = await ctx.userWith({
      apiKeyAccess: 'VIEW_ALL',
      privileges: [privilege('PLATFORM/ACTIVITIES:VIEW')],
    });
    const custom = await ctx.call('POST', `/rest/organizations/${ORG}/groups`, {
      token: ctx.adminToken,
      body: { displayName: 'Custom', apiKeyAccess: 'CUSTOM' },
    });
    const group = await bodyOf(custom);
    await ctx.call('POST', `/rest/organizations/${ORG}/groups/${group.id}/members`, {
      token: ctx.adminToken,
      body: { userId },
    });
    const [org] = (await bodyOf(await ctx.call('GET', '/rest/auth/me', { token }))).organizations;
    expect(org.apiKeyAccess).toBe('CUSTOM');
    expect(org.privileges).toContainEqual(privilege('PLATFORM/ACTIVITIES:VIEW'));
    expect(org.privileges).toContainEqual(privilege('PLATFORM/API_KEY:VIEW'));
    expect(org.privileges).not.toContainEqual(privilege('PLATFORM/API_KEY:EDIT'));
  });

  it('lists every organization the user belongs to', async () => {
    await ctx.createOrganization('second');
    const { token } = await ctx.userWith({ apiKeyAccess: 'NONE', org: 'second' });
    const body = await bodyOf(await ctx.call('GET', '/rest/auth/me', { token }));
    expect(body.organizations).toEqual([{ id: 'second', displayName: 'second', apiKeyAccess: 'NONE', privileges: [] }]);
  });

  it('answers 401 without credentials or with an unknown token', async () => {
    expect((await ctx.call('GET', '/rest/auth/me')).status).toBe(401);
    expect((await ctx.call('GET', '/rest/auth/me', { token: 'not-a-token' })).status).toBe(401);
  });
});
