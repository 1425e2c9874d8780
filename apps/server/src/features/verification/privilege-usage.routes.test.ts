import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { requires } from '../../http/access.ts';
import { createTestContext, ORG, type TestContext } from '../../../test/harness.ts';
import { B, createKey, jsonOf } from '../../../test/api-keys.ts';

const DAY = 86_400_000;
let ctx: TestContext;

beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

interface Usage {
  owner: string;
  targetDomain: string;
  type?: string;
  targetId?: string;
  lastExercisedDate: number | null;
}

async function verify(body: Record<string, unknown>): Promise<string> {
  const res = await ctx.call('POST', `/rest/organizations/${ORG}/apikeys/verify`, { body });
  expect(res.status).toBe(200);
  return ((await res.json()) as { code: string }).code;
}

async function usageOf(id: string, query = ''): Promise<Usage[]> {
  const res = await ctx.call('GET', `${B}/${id}/privileges/usage${query}`, { token: await ctx.tokenFor(ctx.adminId) });
  expect(res.status).toBe(200);
  return jsonOf<Usage[]>(res);
}

const exercisedOf = (usage: Usage[]) =>
  usage
    .filter((u) => u.lastExercisedDate !== null)
    .map((u) => `${u.targetDomain}:${u.type ?? ''}@${u.targetId ?? '*'}`);

describe('GET /apikeys/{id}/privileges/usage', () => {
  it('lists every privilege of the key, none exercised yet', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const usage = await usageOf(key.id);
    expect(usage).toHaveLength(key.privileges.length);
    expect(usage[0]).toEqual({ ...key.privileges[0], lastExercisedDate: null });
    expect(usage.every((u) => u.lastExercisedDate === null)).toBe(true);
  });

  it('records the privileges a VALID verification asked for, by the narrowest grant that covers each', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const asked = [
      { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetIds: ['src-b'] },
      { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' },
    ];
    expect(await verify({ key: key.value, privileges: asked })).toBe('VALID');
    const usage = await usageOf(key.id);
    expect(exercisedOf(usage)).toEqual(['SOURCE_PUSH:@src-b', 'SOURCE:VIEW@*']);
    expect(usage.find((u) => u.targetId === 'src-b')?.lastExercisedDate).toBe(ctx.clock.now());
  });

  it('records nothing for a denied verification or one that asks no privilege', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: ['203.0.113.0/24'] });
    const asked = [{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' }];
    expect(await verify({ key: key.value, ip: '198.51.100.1', privileges: asked })).toBe('IP_DENIED');
    expect(
      await verify({
        key: key.value,
        ip: '203.0.113.1',
        privileges: [...asked, { owner: 'COVEO_ML', targetDomain: 'X' }],
      }),
    ).toBe('INSUFFICIENT_PRIVILEGES');
    expect(await verify({ key: key.value, ip: '203.0.113.1' })).toBe('VALID');
    expect(exercisedOf(await usageOf(key.id))).toEqual([]);
  });

  it('answers the last time within the window of `days` (default 90)', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const asked = [{ owner: 'PLATFORM', targetDomain: 'ORGANIZATION', type: 'VIEW' }];
    const first = ctx.clock.now();
    expect(await verify({ key: key.value, privileges: asked })).toBe('VALID');
    ctx.clock.set(first + 3 * DAY);
    expect(await verify({ key: key.value, privileges: asked })).toBe('VALID');
    let usage = await usageOf(key.id);
    expect(usage.find((u) => u.targetDomain === 'ORGANIZATION')?.lastExercisedDate).toBe(first + 3 * DAY);
    ctx.clock.set(first + 95 * DAY);
    expect(exercisedOf(await usageOf(key.id))).toEqual([]);
    usage = await usageOf(key.id, '?days=100');
    expect(usage.find((u) => u.targetDomain === 'ORGANIZATION')?.lastExercisedDate).toBe(first + 3 * DAY);
  });

  it('records the privileges a REST route required of an API key used as a bearer token', async () => {
    const needed = { owner: 'PLATFORM' as const, targetDomain: 'SOURCE', type: 'VIEW' as const };
    ctx.app.get('/rest/organizations/:org/test-sources', requires({ apiKeys: 'allowed', privileges: [needed] }), (c) =>
      c.json({ ok: true }),
    );
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const res = await ctx.call('GET', `/rest/organizations/${ORG}/test-sources`, { token: key.value as string });
    expect(res.status).toBe(200);
    expect(exercisedOf(await usageOf(key.id))).toEqual(['SOURCE:VIEW@*']);

    const search = await createKey(ctx, 'anonymous-search');
    const refused = await ctx.call('GET', `/rest/organizations/${ORG}/test-sources`, { token: search.value as string });
    expect(refused.status).toBe(403);
    expect(exercisedOf(await usageOf(search.id))).toEqual([]);
  });

  it('answers 400 for a bad window, 404 for an unknown key, 401 and 403 for callers without View access', async () => {
    const key = await createKey(ctx, 'push-api', { allowedIps: [] });
    const admin = ctx.adminToken;
    expect((await ctx.call('GET', `${B}/${key.id}/privileges/usage?days=0`, { token: admin })).status).toBe(400);
    expect((await ctx.call('GET', `${B}/${key.id}/privileges/usage?days=abc`, { token: admin })).status).toBe(400);
    expect((await ctx.call('GET', `${B}/nosuchkey/privileges/usage`, { token: admin })).status).toBe(404);
    expect((await ctx.call('GET', `${B}/${key.id}/privileges/usage`)).status).toBe(401);
    const nobody = await ctx.userWith({ apiKeyAccess: 'NONE' });
    expect((await ctx.call('GET', `${B}/${key.id}/privileges/usage`, { token: nobody.token })).status).toBe(403);
    expect((await ctx.call('GET', `${B}/${key.id}/privileges/usage`, { token: key.value as string })).status).toBe(403);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await jsonOf<{ paths: Record<string, { get?: unknown }> }>(await ctx.call('GET', '/rest/openapi.json'));
    expect(doc.paths['/rest/organizations/{org}/apikeys/{id}/privileges/usage']?.get).toBeDefined();
  });
});
