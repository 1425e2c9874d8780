import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notification } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { createTestContext, ORG, type TestContext } from '../../../test/harness.ts';
import { B, createKey, jsonOf } from '../../../test/api-keys.ts';

const LIST = `/rest/organizations/${ORG}/notifications`;
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext(); // no KEYWARD_SMTP_URL: mail is HELD
});
afterEach(() => ctx.close());

async function flagKeys(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const key = await createKey(ctx, 'anonymous-search', { displayName: `Key ${i}` });
    await ctx.call('POST', `${B}/${key.id}/exposure`, {
      token: ctx.adminToken,
      body: { reason: 'leak', severity: 'WARN' },
    });
    ctx.clock.set(ctx.clock.now() + 1000);
    ids.push(key.id);
  }
  return ids;
}

describe('GET /rest/organizations/{org}/notifications', () => {
  it('lists the outbox newest first, HELD without an SMTP server, with the total in X-Total-Count', async () => {
    const ids = await flagKeys(3);
    const res = await ctx.call('GET', LIST, { token: ctx.adminToken });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('3');
    const items = await jsonOf<Notification[]>(res);
    expect(items.map((n) => n.apiKeyId)).toEqual([...ids].reverse());
    expect(items[0]).toMatchObject({
      to: ['admin@example.com'],
      status: 'HELD',
      attempts: 0,
      sentDate: null,
      lastError: null,
      subject: '[Keyward] API key flagged as exposed: "Key 2" (My organization)',
    });
    expect(items[0]?.body).toContain(`/organizations/${ORG}/api-keys/${ids[2]}`);
  });

  it('pages with page (0-based) and perPage', async () => {
    const ids = await flagKeys(3);
    const second = await ctx.call('GET', `${LIST}?page=1&perPage=2`, { token: ctx.adminToken });
    expect(second.headers.get('x-total-count')).toBe('3');
    expect((await jsonOf<Notification[]>(second)).map((n) => n.apiKeyId)).toEqual([ids[0]]);
  });

  it.each(['?perPage=0', '?perPage=501', '?page=-1', '?page=abc'])('answers 400 for %s', async (query) => {
    expect((await ctx.call('GET', `${LIST}${query}`, { token: ctx.adminToken })).status).toBe(400);
  });

  it('requires Activities View; other organizations and API keys are refused', async () => {
    await flagKeys(1);
    const viewer = await ctx.userWith({ apiKeyAccess: 'VIEW_ALL', privileges: [REQUIRED_PRIVILEGES.viewActivities] });
    expect((await ctx.call('GET', LIST, { token: viewer.token })).status).toBe(200);
    const keysOnly = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL' });
    expect((await ctx.call('GET', LIST, { token: keysOnly.token })).status).toBe(403);
    await ctx.createOrganization('otherorg');
    const stranger = await ctx.userWith({
      apiKeyAccess: 'EDIT_ALL',
      privileges: [REQUIRED_PRIVILEGES.viewActivities],
      org: 'otherorg',
    });
    expect((await ctx.call('GET', LIST, { token: stranger.token })).status).toBe(403);
    const other = await ctx.call('GET', '/rest/organizations/otherorg/notifications', { token: stranger.token });
    expect(other.headers.get('x-total-count')).toBe('0');
    const apiKey = await createKey(ctx, 'push-api');
    expect((await ctx.call('GET', LIST, { token: apiKey.value })).status).toBe(403);
    expect((await ctx.call('GET', LIST)).status).toBe(401);
  });
});
