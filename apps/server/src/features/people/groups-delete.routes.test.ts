import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf } from '../../../test/session.ts';
import { activitiesOf, createKey, getKey } from '../../../test/api-keys.ts';

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

  it('writes one activity per key that loses a grant, in the deletion, naming the group', async () => {
    const viewers = await customGroup('Viewers');
    const editors = await customGroup('Editors');
    const both = await createKey(ctx, 'usage-analytics', {
      displayName: 'both',
      groupsThatCanView: [{ id: viewers.id }],
      groupsThatCanEdit: [{ id: editors.id }],
    });
    const edited = await createKey(ctx, 'usage-analytics', {
      displayName: 'edited',
      groupsThatCanEdit: [{ id: editors.id }],
    });
    const untouched = await createKey(ctx, 'usage-analytics', {
      displayName: 'untouched',
      groupsThatCanView: [{ id: viewers.id }],
    });
    const updatesOf = async (id: string) => (await activitiesOf(ctx, id)).filter((a) => a.operation === 'UPDATE');

    expect((await ctx.call('DELETE', `${base}/${editors.id}`, { token: ctx.adminToken })).status).toBe(204);

    const [onBoth] = await updatesOf(both.id);
    expect(onBoth).toMatchObject({
      resourceId: both.id,
      resourceName: 'both',
      triggeredBy: { type: 'USER', displayName: 'admin@example.com' },
      content: {
        resourceState: 'ENABLED',
        before: { groupsThatCanEdit: [editors.id] },
        after: { groupsThatCanEdit: [] },
        groupDeleted: { id: editors.id, displayName: 'Editors', level: 'EDIT' },
      },
    });
    // Only the list that changed: the view grant of the other group stays as it was.
    expect(onBoth?.content.before).not.toHaveProperty('groupsThatCanView');
    expect(await updatesOf(both.id)).toHaveLength(1);
    expect((await updatesOf(edited.id))[0]?.content).toMatchObject({
      groupDeleted: { displayName: 'Editors', level: 'EDIT' },
    });
    expect(await updatesOf(untouched.id)).toEqual([]);
  });

  it('writes nothing when the deletion is refused', async () => {
    const viewers = await customGroup('Viewers');
    const key = await createKey(ctx, 'usage-analytics', { displayName: 'k', groupsThatCanView: [{ id: viewers.id }] });
    const groups = (await bodyOf(await ctx.call('GET', base, { token: ctx.adminToken }))) as {
      id: string;
      builtIn: string | null;
    }[];
    const admins = groups.find((g) => g.builtIn === 'ADMINISTRATORS');
    expect((await ctx.call('DELETE', `${base}/${admins?.id}`, { token: ctx.adminToken })).status).toBe(409);
    const { token } = await ctx.userWith({
      apiKeyAccess: 'EDIT_ALL',
      privileges: [REQUIRED_PRIVILEGES.viewGroups],
    });
    expect((await ctx.call('DELETE', `${base}/${viewers.id}`, { token })).status).toBe(403);
    expect((await activitiesOf(ctx, key.id)).map((a) => a.operation)).toEqual(['CREATE']);
    expect((await getKey(ctx, key.id)).groupsThatCanView.map((g) => g.id)).toEqual([viewers.id]);
  });
});
