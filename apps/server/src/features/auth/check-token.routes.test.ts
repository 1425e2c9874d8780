import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_EMAIL, T0, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf } from '../../../test/session.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const urlencoded = (token: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ token }).toString(),
});

describe('POST /oauth/check_token', () => {
  it('describes the user of a valid token (form-urlencoded)', async () => {
    const res = await ctx.app.request('/oauth/check_token', urlencoded(ctx.adminToken));
    expect(res.status).toBe(200);
    const body = await bodyOf(res);
    expect(body.authentication).toMatchObject({
      id: ctx.adminId,
      email: ADMIN_EMAIL,
      displayName: 'Administrator',
      username: ADMIN_EMAIL,
      enabled: true,
    });
    expect(body.exp).toBe(Math.floor((T0 + 4 * 3600_000) / 1000));
  });

  it('accepts multipart/form-data, as the platform client sends it, with its bearer header', async () => {
    const form = new FormData();
    form.append('token', ctx.adminToken);
    const res = await ctx.app.request('/oauth/check_token', {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${ctx.adminToken}` },
    });
    expect(res.status).toBe(200);
    expect((await bodyOf(res)).authentication.email).toBe(ADMIN_EMAIL);
  });

  it('answers 401 for an unknown or expired token', async () => {
    expect((await ctx.app.request('/oauth/check_token', urlencoded('nope'))).status).toBe(401);
    ctx.clock.set(T0 + 4 * 3600_000);
    const expired = await ctx.app.request('/oauth/check_token', urlencoded(ctx.adminToken));
    expect(expired.status).toBe(401);
    expect(expired.headers.get('content-type')).toMatch(/application\/problem\+json/);
  });

  it('answers 400 without a token or with a JSON body', async () => {
    expect((await ctx.app.request('/oauth/check_token', urlencoded(''))).status).toBe(400);
    const json = await ctx.app.request('/oauth/check_token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"token":"x"}',
    });
    expect(json.status).toBe(400);
  });
});
