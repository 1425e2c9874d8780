import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privilege } from '@keyward/domain';
import { ADMIN_EMAIL, ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf, insertApiKey, postLogin } from '../../../test/session.ts';

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

const base = `/rest/organizations/${ORG}/members`;
const newMember = (groups: string[]) => ({
  email: 'Dana@Example.com',
  displayName: 'Dana',
  password: 'a long password',
  groups,
});

describe('organization members', () => {
  it('lists the users of the organization', async () => {
    await ctx.createOrganization('other');
    await ctx.userWith({ apiKeyAccess: 'NONE', org: 'other', email: 'elsewhere@example.com' });
    const res = await ctx.call('GET', base, { token: ctx.adminToken });
    expect(res.status).toBe(200);
    expect(await bodyOf(res)).toEqual([{ id: ctx.adminId, email: ADMIN_EMAIL, displayName: 'Administrator' }]);
  });

  it('creates a user who can log in and belongs to the groups', async () => {
    const res = await ctx.call('POST', base, { token: ctx.adminToken, body: newMember([adminsId]) });
    expect(res.status).toBe(201);
    const member = await bodyOf(res);
    expect(member).toEqual({ id: expect.any(String), email: 'dana@example.com', displayName: 'Dana' });
    expect((await postLogin(ctx, { email: 'dana@example.com', password: 'a long password' })).status).toBe(200);
    const inGroup = await bodyOf(
      await ctx.call('GET', `/rest/organizations/${ORG}/groups/${adminsId}/members`, { token: ctx.adminToken }),
    );
    expect(inGroup.map((m: { id: string }) => m.id)).toContain(member.id);
    expect(await bodyOf(await ctx.call('GET', base, { token: ctx.adminToken }))).toHaveLength(2);
  });

  it('answers 409 for an e-mail that already has an account', async () => {
    expect((await ctx.call('POST', base, { token: ctx.adminToken, body: newMember([adminsId]) })).status).toBe(201);
    const dup = await ctx.call('POST', base, {
      token: ctx.adminToken,
      body: { ...newMember([adminsId]), email: 'dana@EXAMPLE.com' },
    });
    expect(dup.status).toBe(409);
  });

  it('answers 422 for a group of another organization or no such group', async () => {
    await ctx.createOrganization('other');
    const { groupId } = await ctx.userWith({ apiKeyAccess: 'NONE', org: 'other' });
    const res = await ctx.call('POST', base, { token: ctx.adminToken, body: newMember([adminsId, groupId]) });
    expect(res.status).toBe(422);
    expect((await bodyOf(res)).errors).toEqual([expect.objectContaining({ path: 'groups.1' })]);
    expect((await ctx.call('POST', base, { token: ctx.adminToken, body: newMember(['nosuchgroup']) })).status).toBe(
      422,
    );
  });

  it('answers 400 for missing or malformed fields', async () => {
    const res = await ctx.call('POST', base, {
      token: ctx.adminToken,
      body: { email: 'not-an-email', displayName: '', password: 'short', groups: [] },
    });
    expect(res.status).toBe(400);
    const paths = (await bodyOf(res)).errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'displayName', 'password', 'groups']));
    expect((await ctx.call('POST', base, { token: ctx.adminToken, body: '{' })).status).toBe(400);
    expect(
      (
        await ctx.call('POST', base, {
          token: ctx.adminToken,
          body: { ...newMember([adminsId]), password: 'x'.repeat(1024 * 1024) },
        })
      ).status,
    ).toBe(413);
  });

  it('refuses anonymous callers, API keys, readers and outsiders', async () => {
    expect((await ctx.call('GET', base)).status).toBe(401);
    const key = await insertApiKey(ctx);
    const byKey = await ctx.call('POST', base, { token: key, body: newMember([adminsId]) });
    expect(byKey.status).toBe(403);
    expect((await bodyOf(byKey)).detail).toMatch(/An API key can never/);
    const viewer = await ctx.userWith({ apiKeyAccess: 'NONE', privileges: [privilege('PLATFORM/GROUP:VIEW')] });
    expect((await ctx.call('GET', base, { token: viewer.token })).status).toBe(200);
    expect((await ctx.call('POST', base, { token: viewer.token, body: newMember([viewer.groupId]) })).status).toBe(403);
    const none = await ctx.userWith({ apiKeyAccess: 'VIEW_ALL' });
    expect((await ctx.call('GET', base, { token: none.token })).status).toBe(403);
  });
});
