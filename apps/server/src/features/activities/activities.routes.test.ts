import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityPage, ApiKey } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { ADMIN_EMAIL, ORG, T0, createTestContext, type TestContext } from '../../../test/harness.ts';
import { recordActivity, SYSTEM_ACTOR } from './record-activity.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const URL = `/rest/organizations/${ORG}/activities/public`;

async function page(query = '', body: unknown = {}, token = ctx.adminToken): Promise<ActivityPage> {
  const res = await ctx.call('POST', `${URL}${query}`, { token, body });
  expect(res.status).toBe(200);
  return (await res.json()) as ActivityPage;
}

async function createKey(name: string): Promise<ApiKey> {
  const res = await ctx.call('POST', `/rest/organizations/${ORG}/apikeys?apiKeyTemplateId=usage-analytics`, {
    token: ctx.adminToken,
    body: { displayName: name },
  });
  expect(res.status).toBe(201);
  return (await res.json()) as ApiKey;
}

describe('POST /rest/organizations/{org}/activities/public', () => {
  it('answers activities shaped as Coveo does, newest first', async () => {
    const first = await createKey('first');
    ctx.clock.set(T0 + 1000);
    const second = await createKey('second');
    const { items, totalEntries, totalPages } = await page();
    expect(totalEntries).toBe(2);
    expect(totalPages).toBe(1);
    expect(items.map((a) => a.resourceId)).toEqual([second.id, first.id]);
    expect(items[1]).toEqual({
      id: expect.any(String),
      organizationId: ORG,
      operation: 'CREATE',
      result: 'SUCCESS',
      state: 'EXECUTED',
      triggeredBy: { type: 'USER', id: ctx.adminId, displayName: ADMIN_EMAIL },
      createDate: T0,
      resourceType: 'API_KEY',
      resourceId: first.id,
      resourceName: 'first',
      section: 'ORGANIZATION',
      content: {
        resourceState: 'ENABLED',
        after: expect.objectContaining({ displayName: 'first', apiKeyTemplateId: 'usage-analytics' }),
      },
    });
  });

  it('pages, filters by resource, operation and type, and by time', async () => {
    const keys = [];
    for (let i = 0; i < 5; i += 1) {
      ctx.clock.set(T0 + i * 60_000);
      keys.push(await createKey(`k${i}`));
    }
    await ctx.call('PUT', `/rest/organizations/${ORG}/apikeys/${keys[0]?.id}/disable`, { token: ctx.adminToken });
    const p1 = await page('?page=1&perPage=2');
    expect(p1).toMatchObject({ totalEntries: 6, totalPages: 3 });
    expect(p1.items.map((a) => a.resourceName)).toEqual(['k3', 'k2']);
    expect((await page('', { resourceIds: [keys[0]?.id] })).items.map((a) => a.operation)).toEqual([
      'DISABLE',
      'CREATE',
    ]);
    expect((await page('', { operations: ['DISABLE'] })).totalEntries).toBe(1);
    expect((await page('', { resourceTypes: ['API_KEY'], sections: ['ORGANIZATION'] })).totalEntries).toBe(6);
    expect((await page('', { resourceTypes: ['SOURCE'] })).totalEntries).toBe(0);
    const from = new Date(T0 + 60_000).toISOString();
    const to = new Date(T0 + 3 * 60_000).toISOString();
    expect((await page(`?from=${from}&to=${to}`)).items.map((a) => a.resourceName)).toEqual(['k3', 'k2', 'k1']);
    expect((await page(`?from=${T0 + 4 * 60_000}`)).totalEntries).toBe(2);
  });

  it('accepts a call without a body (the platform client may send none)', async () => {
    await createKey('x');
    const res = await ctx.call('POST', URL, { token: ctx.adminToken });
    expect(res.status).toBe(200);
  });

  it('answers 400 for bad parameters', async () => {
    for (const query of ['?page=-1', '?perPage=0', '?perPage=5000', '?from=yesterday', '?to=2026-13-45T00:00:00Z']) {
      expect((await ctx.call('POST', `${URL}${query}`, { token: ctx.adminToken, body: {} })).status, query).toBe(400);
    }
    expect((await ctx.call('POST', URL, { token: ctx.adminToken, body: { resourceIds: 'x' } })).status).toBe(400);
    expect((await ctx.call('POST', URL, { token: ctx.adminToken, body: '{' })).status).toBe(400);
  });

  it('requires Activities View', async () => {
    expect((await ctx.call('POST', URL, { body: {} })).status).toBe(401);
    const viewer = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL' });
    expect((await ctx.call('POST', URL, { token: viewer.token, body: {} })).status).toBe(403);
    const auditor = await ctx.userWith({ apiKeyAccess: 'NONE', privileges: [REQUIRED_PRIVILEGES.viewActivities] });
    expect((await ctx.call('POST', URL, { token: auditor.token, body: {} })).status).toBe(200);
  });

  it('shows only the organization of the route', async () => {
    await ctx.createOrganization('other');
    await ctx.db.db.transaction().execute((trx) =>
      recordActivity(trx, {
        organizationId: 'other',
        operation: 'DEACTIVATE',
        triggeredBy: SYSTEM_ACTOR,
        resourceId: 'k',
        resourceName: 'k',
        state: 'DISABLED',
        now: T0,
      }),
    );
    await createKey('mine');
    expect((await page()).items.map((a) => a.resourceName)).toEqual(['mine']);
  });
});

describe('recordActivity', () => {
  it('belongs to the transaction of the change: rolled back with it', async () => {
    await expect(
      ctx.db.db.transaction().execute(async (trx) => {
        await recordActivity(trx, {
          organizationId: ORG,
          operation: 'DEACTIVATE',
          triggeredBy: SYSTEM_ACTOR,
          resourceId: 'k',
          resourceName: 'k',
          state: 'DISABLED',
          before: { status: 'ENABLED' },
          after: { status: 'DISABLED_FOR_INACTIVITY' },
          now: T0,
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await page()).totalEntries).toBe(0);
    await ctx.db.db.transaction().execute((trx) =>
      recordActivity(trx, {
        organizationId: ORG,
        operation: 'DEACTIVATE',
        triggeredBy: SYSTEM_ACTOR,
        resourceId: 'k',
        resourceName: 'k',
        state: 'DISABLED',
        now: T0,
      }),
    );
    expect((await page()).items[0]).toMatchObject({
      triggeredBy: SYSTEM_ACTOR,
      operation: 'DEACTIVATE',
      content: { resourceState: 'DISABLED' },
    });
  });
});
