import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privilege } from '@keyward/domain';
import { ADMIN_EMAIL, ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf, insertApiKey } from '../../../test/session.ts';

let ctx: TestContext;
let adminsId: string;
beforeEach(async () => {
  ctx = await createTestContext();
  const list: { id: string; builtIn: string | null }[] = await bodyOf(
    await ctx.call('GET', `/rest/organizations/${ORG}/groups`, { token: ctx.adminToken }),
  );
  adminsId = list.find((g) => g.builtIn === 'ADMINISTRATORS')?.id ?? '';
});
afterEach(async () => {
  await ctx.close();
});

const members = (groupId: string) => `/rest/organizations/${ORG}/groups/${groupId}/members`;
const GROUP_VIEW = privilege('PLATFORM/GROUP:VIEW');
const GROUP_EDIT = privilege('PLATFORM/GROUP:EDIT');

describe('group members: happy paths', () => {
  it('lists the members of a group', async () => {
    const res = await ctx.call('GET', members(adminsId), { token: ctx.adminToken });
    expect(res.status).toBe(200);
    expect(await bodyOf(res)).toEqual([{ id: ctx.adminId, email: ADMIN_EMAIL, displayName: 'Administrator' }]);
  });

  it('adds a user by id (201), again (200, unchanged), and removes them (204)', async () => {
    const { userId } = await ctx.userWith({ apiKeyAccess: 'NONE', email: 'bob@example.com' });
    const added = await ctx.call('POST', members(adminsId), { token: ctx.adminToken, body: { userId } });
    expect(added.status).toBe(201);
    expect(await bodyOf(added)).toEqual({ id: userId, email: 'bob@example.com', displayName: expect.any(String) });
    expect((await ctx.call('POST', members(adminsId), { token: ctx.adminToken, body: { userId } })).status).toBe(200);
    expect(await bodyOf(await ctx.call('GET', members(adminsId), { token: ctx.adminToken }))).toHaveLength(2);
    const removed = await ctx.call('DELETE', `${members(adminsId)}/${userId}`, { token: ctx.adminToken });
    expect(removed.status).toBe(204);
    expect(await bodyOf(await ctx.call('GET', members(adminsId), { token: ctx.adminToken }))).toHaveLength(1);
  });

  it('adds and removes a user by e-mail', async () => {
    const { userId } = await ctx.userWith({ apiKeyAccess: 'NONE', email: 'carol@example.com' });
    const added = await ctx.call('POST', members(adminsId), {
      token: ctx.adminToken,
      body: { email: 'Carol@Example.com' },
    });
    expect(added.status).toBe(201);
    expect((await bodyOf(added)).id).toBe(userId);
    expect((await ctx.call('DELETE', `${members(adminsId)}/carol@example.com`, { token: ctx.adminToken })).status).toBe(
      204,
    );
  });
});

describe('group members: bad input', () => {
  it('answers 400 without userId or email, and for malformed JSON', async () => {
    const res = await ctx.call('POST', members(adminsId), { token: ctx.adminToken, body: {} });
    expect(res.status).toBe(400);
    expect((await bodyOf(res)).errors[0].path).toBe('userId');
    expect((await ctx.call('POST', members(adminsId), { token: ctx.adminToken, body: '[' })).status).toBe(400);
    expect((await ctx.call('POST', members(adminsId), { token: ctx.adminToken, body: { userId: 7 } })).status).toBe(
      400,
    );
  });

  it('answers 404 for an unknown group or user, and for removing a non-member', async () => {
    expect((await ctx.call('GET', members('nosuchgroup'), { token: ctx.adminToken })).status).toBe(404);
    expect(
      (await ctx.call('POST', members('nosuchgroup'), { token: ctx.adminToken, body: { userId: ctx.adminId } })).status,
    ).toBe(404);
    expect(
      (await ctx.call('POST', members(adminsId), { token: ctx.adminToken, body: { userId: 'nosuchuser' } })).status,
    ).toBe(404);
    const { userId } = await ctx.userWith({ apiKeyAccess: 'NONE' });
    expect((await ctx.call('DELETE', `${members(adminsId)}/${userId}`, { token: ctx.adminToken })).status).toBe(404);
    expect((await ctx.call('DELETE', `${members(adminsId)}/nosuchuser`, { token: ctx.adminToken })).status).toBe(404);
  });

  it('answers 409 when removing the last administrator', async () => {
    const res = await ctx.call('DELETE', `${members(adminsId)}/${ctx.adminId}`, { token: ctx.adminToken });
    expect(res.status).toBe(409);
    expect((await bodyOf(res)).detail).toMatch(/last administrator/);
    const { userId } = await ctx.userWith({ apiKeyAccess: 'NONE' });
    await ctx.call('POST', members(adminsId), { token: ctx.adminToken, body: { userId } });
    expect((await ctx.call('DELETE', `${members(adminsId)}/${ctx.adminId}`, { token: ctx.adminToken })).status).toBe(
      204,
    );
  });
});

describe('group members: forbidden callers', () => {
  it('answers 401, and 403 without Groups View / Edit', async () => {
    expect((await ctx.call('GET', members(adminsId))).status).toBe(401);
    const none = await ctx.userWith({ apiKeyAccess: 'NONE' });
    expect((await ctx.call('GET', members(adminsId), { token: none.token })).status).toBe(403);
    const viewer = await ctx.userWith({ apiKeyAccess: 'NONE', privileges: [GROUP_VIEW] });
    expect((await ctx.call('GET', members(adminsId), { token: viewer.token })).status).toBe(200);
    expect(
      (await ctx.call('POST', members(viewer.groupId), { token: viewer.token, body: { userId: none.userId } })).status,
    ).toBe(403);
    expect(
      (await ctx.call('DELETE', `${members(viewer.groupId)}/${viewer.userId}`, { token: viewer.token })).status,
    ).toBe(403);
  });

  it('answers 403 to an API key and to another organization admin', async () => {
    const key = await insertApiKey(ctx);
    const res = await ctx.call('GET', members(adminsId), { token: key });
    expect(res.status).toBe(403);
    expect((await bodyOf(res)).detail).toMatch(/An API key can never/);
    await ctx.createOrganization('other');
    const other = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL', privileges: [GROUP_VIEW, GROUP_EDIT], org: 'other' });
    expect(
      (await ctx.call('POST', members(adminsId), { token: other.token, body: { userId: other.userId } })).status,
    ).toBe(403);
  });

  it('does not let a Groups editor join anyone to a group granting more than they hold', async () => {
    const editor = await ctx.userWith({ apiKeyAccess: 'NONE', privileges: [GROUP_VIEW, GROUP_EDIT] });
    const res = await ctx.call('POST', members(adminsId), { token: editor.token, body: { userId: editor.userId } });
    expect(res.status).toBe(403);
    expect((await bodyOf(res)).detail).toMatch(/only grant privileges you hold/);
    const other = await ctx.userWith({ apiKeyAccess: 'NONE' });
    expect(
      (await ctx.call('POST', members(editor.groupId), { token: editor.token, body: { userId: other.userId } })).status,
    ).toBe(201);
  });
});
