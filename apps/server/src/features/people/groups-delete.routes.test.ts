import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf } from '../../../test/session.ts';
import { createKey, getKey } from '../../../test/api-keys.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const base = `/rest/organizations/${ORG}/groups`;

async function customGroup(displayName: string): Promise<{ id: string; keyGrantCount: number }> {
  const res = await ctx.call('POST', base, { token: ctx.adminToken, body: { displayName, apiKeyAccess: 'CUSTOM' } });
  expect(res.status).toBe(201);
  return bodyOf(res);
}

describe('a group holding grants on API keys', () => {
  it('says on how many keys it holds grants, and the grants go with it when it is deleted', async () => {
    const viewers = await customGroup('Viewers');
    const editors = await customGroup('Editors');
    expect(viewers.keyGrantCount).toBe(0);
    const one: ApiKey = await createKey(ctx, 'usage-analytics', {
      displayName: 'one',
      groupsThatCanView: [{ id: viewers.id }],
      groupsThatCanEdit: [{ id: editors.id }],
    });
    await createKey(ctx, 'usage-analytics', { displayName: 'two', groupsThatCanView: [{ id: viewers.id }] });

    const listed = (await bodyOf(await ctx.call('GET', base, { token: ctx.adminToken }))) as {
      id: string;
      keyGrantCount: number;
    }[];
    expect(listed.find((g) => g.id === viewers.id)?.keyGrantCount).toBe(2);
    expect(listed.find((g) => g.id === editors.id)?.keyGrantCount).toBe(1);
    expect(
      (await bodyOf(await ctx.call('GET', `${base}/${viewers.id}`, { token: ctx.adminToken }))).keyGrantCount,
    ).toBe(2);

    expect((await ctx.call('DELETE', `${base}/${viewers.id}`, { token: ctx.adminToken })).status).toBe(204);
    const after = await getKey(ctx, one.id);
    expect(after.groupsThatCanView).toEqual([]);
    expect(after.groupsThatCanEdit.map((g) => g.id)).toEqual([editors.id]);
    const grants = await ctx.db.db.selectFrom('api_key_grants').select('group_id').execute();
    expect(grants.map((g) => g.group_id)).toEqual([editors.id]);
  });

  it('removes its members from the group only: the users stay in the organization', async () => {
    const group = await customGroup('Temporary');
    const { userId } = await ctx.userWith({ apiKeyAccess: 'VIEW_ALL' });
    expect(
      (await ctx.call('POST', `${base}/${group.id}/members`, { token: ctx.adminToken, body: { userId } })).status,
    ).toBe(201);
    expect((await ctx.call('DELETE', `${base}/${group.id}`, { token: ctx.adminToken })).status).toBe(204);
    const members = (await bodyOf(
      await ctx.call('GET', `/rest/organizations/${ORG}/members`, { token: ctx.adminToken }),
    )) as { id: string }[];
    expect(members.map((m) => m.id)).toContain(userId);
  });
});
