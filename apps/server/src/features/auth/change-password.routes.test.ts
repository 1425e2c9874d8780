import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf, insertApiKey, postLogin } from '../../../test/session.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const NEW_PASSWORD = 'a-brand-new-password-2';

async function loginToken(password = ADMIN_PASSWORD): Promise<string> {
  const res = await postLogin(ctx, { email: ADMIN_EMAIL, password });
  expect(res.status).toBe(200);
  return ((await bodyOf(res)) as { accessToken: string }).accessToken;
}

const change = (token: string, body: unknown) => ctx.call('PUT', '/rest/auth/password', { token, body });

describe('PUT /rest/auth/password: happy path', () => {
  it('changes the password: the new one logs in, the old one no longer does', async () => {
    const token = await loginToken();
    const res = await change(token, { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect((await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).status).toBe(401);
    expect((await postLogin(ctx, { email: ADMIN_EMAIL, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('keeps the session that made the change and ends every other session of the user', async () => {
    const here = await loginToken();
    const elsewhere = await loginToken();
    expect((await change(here, { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD })).status).toBe(204);
    expect((await ctx.call('GET', '/rest/auth/me', { token: here })).status).toBe(200);
    expect((await ctx.call('GET', '/rest/auth/me', { token: elsewhere })).status).toBe(401);
    // the harness's own admin session (logged in before) is another session of the same user
    expect((await ctx.call('GET', '/rest/auth/me', { token: ctx.adminToken })).status).toBe(401);
  });

  it('never stores the password in clear', async () => {
    const token = await loginToken();
    await change(token, { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD });
    const row = await ctx.db.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', ADMIN_EMAIL)
      .executeTakeFirst();
    expect(row?.password_hash).toMatch(/^scrypt\$/);
    expect(row?.password_hash).not.toContain(NEW_PASSWORD);
  });
});

describe('PUT /rest/auth/password: bad input', () => {
  it('answers 422 naming currentPassword when the current password is wrong, and changes nothing', async () => {
    const token = await loginToken();
    const res = await change(token, { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD });
    expect(res.status).toBe(422);
    const body = await bodyOf(res);
    expect(body.detail).toBe('The current password is wrong.');
    expect(body.errors).toEqual([
      { path: 'currentPassword', rule: 'wrong_password', message: 'The current password is wrong.' },
    ]);
    expect((await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).status).toBe(200);
  });

  it('answers 400 naming newPassword for a password shorter than the server allows', async () => {
    const token = await loginToken();
    const res = await change(token, { currentPassword: ADMIN_PASSWORD, newPassword: 'short' });
    expect(res.status).toBe(400);
    const body = await bodyOf(res);
    expect(body.errors).toEqual([
      expect.objectContaining({ path: 'newPassword', message: 'Use at least 8 characters.' }),
    ]);
  });

  it('answers 422 when the new password is the current one', async () => {
    const token = await loginToken();
    const res = await change(token, { currentPassword: ADMIN_PASSWORD, newPassword: ADMIN_PASSWORD });
    expect(res.status).toBe(422);
    expect((await bodyOf(res)).errors[0].path).toBe('newPassword');
  });

  it('answers 400 for a missing field or malformed JSON', async () => {
    const token = await loginToken();
    expect((await change(token, { newPassword: NEW_PASSWORD })).status).toBe(400);
    expect((await change(token, '{not json')).status).toBe(400);
  });

  it('answers 429 after repeated wrong current passwords, like failed logins', async () => {
    const token = await loginToken();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await change(token, { currentPassword: `wrong-${i}`, newPassword: NEW_PASSWORD })).status);
    expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
    expect(statuses[5]).toBe(429);
  });
});

describe('PUT /rest/auth/password: forbidden callers', () => {
  it('answers 401 without a session', async () => {
    const res = await ctx.app.request('/rest/auth/password', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD }),
    });
    expect(res.status).toBe(401);
  });

  it('answers 403 to an API key', async () => {
    const value = await insertApiKey(ctx, { org: ORG });
    const res = await change(value, { currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD });
    expect(res.status).toBe(403);
  });

  it('answers 403 to a cookie session without the CSRF token', async () => {
    const token = await loginToken();
    const res = await ctx.app.request('/rest/auth/password', {
      method: 'PUT',
      headers: { cookie: `kw_session=${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: ADMIN_PASSWORD, newPassword: NEW_PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect((await postLogin(ctx, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD })).status).toBe(200);
  });
});
