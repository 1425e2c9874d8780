import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { depsOf } from '../../app.ts';
import { createTestContext, ORG, type TestContext } from '../../../test/harness.ts';
import { B, createKey, getKey, jsonOf } from '../../../test/api-keys.ts';

const DAY = 86_400_000;
let ctx: TestContext;

beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function verify(body: Record<string, unknown>, org = ORG) {
  const res = await ctx.call('POST', `/rest/organizations/${org}/apikeys/verify`, { body });
  expect(res.status).toBe(200);
  return jsonOf<{
    valid: boolean;
    code: string;
    keyId?: string;
    privileges?: unknown[];
    enforcedSearchHub?: string | null;
  }>(res);
}

describe('POST /apikeys/verify', () => {
  it('answers VALID with the key, its privileges and enforced search hub', async () => {
    const key = await createKey(ctx, 'anonymous-search');
    const verdict = await verify({ key: key.value, ip: '203.0.113.9' });
    expect(verdict).toMatchObject({ valid: true, code: 'VALID', keyId: key.id, enforcedSearchHub: 'main' });
    expect(verdict.privileges?.length).toBeGreaterThan(0);
  });

  it('answers NOT_FOUND for a bad checksum, an unknown key and another organization', async () => {
    const key = await createKey(ctx);
    const value = key.value as string;
    const tampered = `${value.slice(0, 10)}${value[10] === 'a' ? 'b' : 'a'}${value.slice(11)}`;
    expect((await verify({ key: tampered })).code).toBe('NOT_FOUND');
    expect((await verify({ key: 'not a key' })).code).toBe('NOT_FOUND');
    await ctx.createOrganization('otherorg');
    expect((await verify({ key: value }, 'otherorg')).code).toBe('NOT_FOUND');
  });

  it('applies a deactivation immediately, then an activation', async () => {
    const key = await createKey(ctx);
    expect((await verify({ key: key.value })).code).toBe('VALID');
    expect((await ctx.call('PUT', `${B}/${key.id}/disable`, { token: ctx.adminToken })).status).toBe(204);
    expect((await verify({ key: key.value })).code).toBe('DISABLED');
    expect((await ctx.call('PUT', `${B}/${key.id}/activate`, { token: ctx.adminToken })).status).toBe(204);
    expect((await verify({ key: key.value })).code).toBe('VALID');
  });

  it('applies IP list changes immediately, IPv4-mapped IPv6 compared as IPv4', async () => {
    const key = await createKey(ctx, 'push-api');
    expect((await verify({ key: key.value, ip: '203.0.113.77' })).code).toBe('VALID');
    expect((await verify({ key: key.value, ip: '::ffff:203.0.113.77' })).code).toBe('VALID');
    expect((await verify({ key: key.value, ip: '198.51.100.1' })).code).toBe('IP_DENIED');
    const res = await ctx.call('PUT', `${B}/${key.id}`, {
      token: ctx.adminToken,
      body: { ...key, deniedIps: ['203.0.113.77/32'] },
    });
    expect(res.status).toBe(204);
    expect((await verify({ key: key.value, ip: '203.0.113.77' })).code).toBe('IP_DENIED');
    expect((await verify({ key: key.value, ip: '203.0.113.78' })).code).toBe('VALID');
  });

  it('answers EXPIRED from 00:00:00 UTC after the expiration date', async () => {
    const key = await createKey(ctx, 'view-all-content');
    const expiration = key.expirationDate as number;
    ctx.clock.set(expiration + 999);
    expect((await verify({ key: key.value })).code).toBe('VALID');
    ctx.clock.set(expiration + 1000);
    expect((await verify({ key: key.value })).code).toBe('EXPIRED');
  });

  it('checks privileges (EDIT implies VIEW) and the search hub', async () => {
    const key = await createKey(ctx, 'push-api');
    const held = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' };
    const missing = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT' };
    expect((await verify({ key: key.value, ip: '203.0.113.1', privileges: [held] })).code).toBe('VALID');
    expect((await verify({ key: key.value, ip: '203.0.113.1', privileges: [missing] })).code).toBe(
      'INSUFFICIENT_PRIVILEGES',
    );
    const search = await createKey(ctx, 'anonymous-search');
    expect((await verify({ key: search.value, searchHub: 'main' })).code).toBe('VALID');
    expect((await verify({ key: search.value, searchHub: 'other' })).code).toBe('SEARCH_HUB_MISMATCH');
  });

  it('records last used (allowed or denied) and daily usage once flushed', async () => {
    const key = await createKey(ctx, 'push-api');
    ctx.clock.set(ctx.clock.now() + DAY);
    await verify({ key: key.value, ip: '198.51.100.1' });
    await depsOf(ctx.app).usage.flush();
    const after = await getKey(ctx, key.id, await ctx.tokenFor(ctx.adminId));
    expect(after.lastUsedDate).toBe(ctx.clock.now());
    const rows = await ctx.db.db
      .selectFrom('api_key_usage_daily')
      .selectAll()
      .where('api_key_id', '=', key.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ allowed: 0, denied: 1 });
    expect(JSON.parse(rows[0]?.by_code_json ?? '{}')).toEqual({ IP_DENIED: 1 });
  });

  it('answers the daily usage of a key', async () => {
    const key = await createKey(ctx, 'push-api');
    await verify({ key: key.value, ip: '203.0.113.5' });
    await verify({ key: key.value, ip: '198.51.100.1' });
    const res = await ctx.call('GET', `${B}/${key.id}/usage?days=7`, { token: ctx.adminToken });
    expect(res.status).toBe(200);
    const usage = await jsonOf<{
      lastUsedIp: string;
      days: { allowed: number; denied: number; byCode: Record<string, number> }[];
    }>(res);
    expect(usage.days).toHaveLength(7);
    expect(usage.days.at(-1)).toEqual({
      date: expect.any(String),
      allowed: 1,
      denied: 1,
      byCode: { VALID: 1, IP_DENIED: 1 },
    });
    expect(usage.lastUsedIp).toBe('198.51.100.1');
    expect((await ctx.call('GET', `${B}/nosuchkey/usage`, { token: ctx.adminToken })).status).toBe(404);
    expect((await ctx.call('GET', `${B}/${key.id}/usage?days=0`, { token: ctx.adminToken })).status).toBe(400);
  });

  it('rejects malformed bodies with 400', async () => {
    const res = await ctx.call('POST', `/rest/organizations/${ORG}/apikeys/verify`, { body: { key: 42 } });
    expect(res.status).toBe(400);
  });
});

describe('browser use of a private key', () => {
  async function exposureOf(id: string) {
    for (let i = 0; i < 50; i += 1) {
      const key = await getKey(ctx, id);
      if (key.exposureReport) return key.exposureReport;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return null;
  }

  it('flags a private key presented with an Origin as exposed (HIGH), once', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const verdict = await verify({ key: key.value, origin: 'https://shop.example.com' });
    expect(verdict.code).toBe('VALID');
    const report = await exposureOf(key.id);
    expect(report).toMatchObject({ severity: 'HIGH', reasons: [expect.objectContaining({ source: 'AUTOMATED' })] });
    await verify({ key: key.value, origin: 'https://shop.example.com' });
    expect((await exposureOf(key.id))?.reasons).toHaveLength(1);
  });

  it('does not flag a public key used from a browser', async () => {
    const key = await createKey(ctx, 'anonymous-search');
    await verify({ key: key.value, origin: 'https://shop.example.com' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await getKey(ctx, key.id)).exposureReport).toBeNull();
  });
});

describe('an API key as a bearer token', () => {
  it('may read its own privileges but never API keys', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const me = await ctx.call('GET', `/rest/organizations/${ORG}/privileges/me`, { token: key.value as string });
    expect(me.status).toBe(200);
    const list = await ctx.call('GET', B, { token: key.value as string });
    expect(list.status).toBe(403);
    expect(((await list.json()) as { detail: string }).detail).toMatch(/API key can never/);
  });

  it('is refused once deactivated', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    await ctx.call('PUT', `${B}/${key.id}/disable`, { token: ctx.adminToken });
    const me = await ctx.call('GET', `/rest/organizations/${ORG}/privileges/me`, { token: key.value as string });
    expect(me.status).toBe(403);
  });
});
