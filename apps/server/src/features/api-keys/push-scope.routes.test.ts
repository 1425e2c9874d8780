import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, jsonOf } from '../../../test/api-keys.ts';

// PRODUCT.md §3.2: push scope is always explicit: chosen ids, or '*' chosen deliberately.
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const create = (template: string | null, body: Record<string, unknown>) =>
  ctx.call('POST', template ? `${B}?apiKeyTemplateId=${template}` : B, {
    token: ctx.adminToken,
    body: { displayName: 'Pusher', ...body },
  });
const verify = async (key: string, targetDomain: string, targetId: string) =>
  (
    await jsonOf<{ code: string }>(
      await ctx.call('POST', `/rest/organizations/${ORG}/apikeys/verify`, {
        body: { key, privileges: [{ owner: 'PLATFORM', targetDomain, targetId }] },
      }),
    )
  ).code;

describe('push scope', () => {
  it.each([
    ['push-api', {}, ['sourceIds', 'securityProviderIds']],
    ['push-api', { sourceIds: ['s1'] }, ['securityProviderIds']],
    ['crawling-module', { securityProviderIds: ['p1'], sourceIds: [] }, ['sourceIds']],
    [
      null,
      { privileges: [{ owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH' }], lifetimeDuration: 'NEVER' },
      ['sourceIds'],
    ],
    [
      null,
      { privileges: [{ owner: 'PLATFORM', targetDomain: 'SECURITY_PROVIDER_PUSH' }], lifetimeDuration: 'NEVER' },
      ['securityProviderIds'],
    ],
  ] as const)('%s %j without targets: 422 naming %j', async (template, body, paths) => {
    const res = await create(template, body);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await jsonOf<{ errors: { path: string; rule: string }[] }>(res);
    expect(problem.errors.filter((e) => e.rule === 'PUSH_SCOPE_REQUIRED').map((e) => e.path)).toEqual(paths);
  });

  it('chosen sources: the key pushes to them only', async () => {
    const res = await create('push-api', { sourceIds: ['s1'], securityProviderIds: ['p1'] });
    expect(res.status).toBe(201);
    const key = await jsonOf<ApiKey>(res);
    expect(await verify(key.value ?? '', 'SOURCE_PUSH', 's1')).toBe('VALID');
    expect(await verify(key.value ?? '', 'SOURCE_PUSH', 'any-other-source')).toBe('INSUFFICIENT_PRIVILEGES');
  });

  it("'*' chosen deliberately: stored as '*', pushes to every source", async () => {
    const res = await create('push-api', { sourceIds: ['*'], securityProviderIds: ['*'] });
    expect(res.status).toBe(201);
    const key = await jsonOf<ApiKey>(res);
    expect(key.privileges.filter((p) => p.targetDomain.endsWith('_PUSH')).map((p) => p.targetId)).toEqual(['*', '*']);
    expect(await verify(key.value ?? '', 'SOURCE_PUSH', 'any-source')).toBe('VALID');
  });

  it("a Custom key takes '*' on the privilege", async () => {
    const res = await create(null, {
      privileges: [{ owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: '*' }],
      lifetimeDuration: 'NEVER',
    });
    expect(res.status).toBe(201);
  });
});
