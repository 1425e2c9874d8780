import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALL_CONSOLE_PRIVILEGES, privilege } from '@keyward/domain';
import { ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf, insertApiKey } from '../../../test/session.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const base = `/rest/organizations/${ORG}/groups`;
const GROUP_VIEW = privilege('PLATFORM/GROUP:VIEW');
const GROUP_EDIT = privilege('PLATFORM/GROUP:EDIT');

async function groups(): Promise<{ id: string; displayName: string; builtIn: string | null }[]> {
  return bodyOf(await ctx.call('GET', base, { token: ctx.adminToken }));
}
async function builtIn(kind: 'ADMINISTRATORS' | 'SECURITY_CONTACTS') {
  const g = (await groups()).find((x) => x.builtIn === kind);
  if (!g) throw new Error(`no ${kind} group`);
  return g;
}
const create = (body: unknown, token = ctx.adminToken) => ctx.call('POST', base, { token, body });

describe('groups: happy paths', () => {
  it('lists the built-in groups with their member counts', async () => {
    const res = await ctx.call('GET', base, { token: ctx.adminToken });
    expect(res.status).toBe(200);
    const list = await bodyOf(res);
    expect(list).toEqual([
      expect.objectContaining({
        displayName: 'Administrators',
        apiKeyAccess: 'EDIT_ALL',
        builtIn: 'ADMINISTRATORS',
        memberCount: 1,
      }),
      expect.objectContaining({
        displayName: 'Security contacts',
        apiKeyAccess: 'VIEW_ALL',
        builtIn: 'SECURITY_CONTACTS',
        memberCount: 0,
      }),
    ]);
    expect(list[0].privileges).toHaveLength(ALL_CONSOLE_PRIVILEGES.length);
  });

  it('creates, reads, changes and deletes a group', async () => {
    const created = await create({
      displayName: 'Pushers',
      apiKeyAccess: 'CUSTOM',
      privileges: [
        { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetIds: ['a', 'b'] },
        { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' },
      ],
    });
    expect(created.status).toBe(201);
    const group = await bodyOf(created);
    expect(group).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{25}$/),
      displayName: 'Pushers',
      apiKeyAccess: 'CUSTOM',
      privileges: [
        privilege('PLATFORM/SOURCE_PUSH', 'a'),
        privilege('PLATFORM/SOURCE_PUSH', 'b'),
        privilege('PLATFORM/SOURCE:VIEW'),
      ],
      builtIn: null,
      memberCount: 0,
    });
    expect(await bodyOf(await ctx.call('GET', `${base}/${group.id}`, { token: ctx.adminToken }))).toEqual(group);

    const changed = await ctx.call('PUT', `${base}/${group.id}`, {
      token: ctx.adminToken,
      body: { displayName: 'Pushers!', apiKeyAccess: 'VIEW_ALL', privileges: [] },
    });
    expect(changed.status).toBe(200);
    expect(await bodyOf(changed)).toMatchObject({ displayName: 'Pushers!', apiKeyAccess: 'VIEW_ALL', privileges: [] });

    const deleted = await ctx.call('DELETE', `${base}/${group.id}`, { token: ctx.adminToken });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    expect((await ctx.call('GET', `${base}/${group.id}`, { token: ctx.adminToken })).status).toBe(404);
  });

  it('creates a group that grants nothing when only a name is given', async () => {
    const res = await create({ displayName: 'Nobody' });
    expect(await bodyOf(res)).toMatchObject({ apiKeyAccess: 'NONE', privileges: [] });
  });

  it('keeps absent fields on PUT and ignores unknown ones (the whole model may be sent)', async () => {
    const group = await bodyOf(
      await create({ displayName: 'Viewers', apiKeyAccess: 'VIEW_ALL', privileges: [GROUP_VIEW] }),
    );
    const res = await ctx.call('PUT', `${base}/${group.id}`, {
      token: ctx.adminToken,
      body: { ...group, displayName: 'Watchers', memberCount: 99 },
    });
    expect(await bodyOf(res)).toEqual({ ...group, displayName: 'Watchers' });
    const renamed = await ctx.call('PUT', `${base}/${group.id}`, {
      token: ctx.adminToken,
      body: { displayName: 'Lookers' },
    });
    expect(await bodyOf(renamed)).toEqual({ ...group, displayName: 'Lookers' });
  });

  it('lets the built-in groups be renamed', async () => {
    const admins = await builtIn('ADMINISTRATORS');
    const res = await ctx.call('PUT', `${base}/${admins.id}`, {
      token: ctx.adminToken,
      body: { displayName: 'Admins' },
    });
    expect(res.status).toBe(200);
  });
});

describe('groups: bad input', () => {
  it('answers 400 for malformed JSON, wrong types and unknown access levels', async () => {
    const malformed = await ctx.call('POST', base, { token: ctx.adminToken, body: '{"displayName":' });
    expect(malformed.status).toBe(400);
    const wrong = await create({ displayName: 3, apiKeyAccess: 'EVERYTHING', privileges: 'all' });
    expect(wrong.status).toBe(400);
    const body = await bodyOf(wrong);
    expect(body.errorCode).toBe('MALFORMED_REQUEST');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['displayName', 'apiKeyAccess', 'privileges']),
    );
    expect((await create({ displayName: '   ' })).status).toBe(400);
    const put = await ctx.call('PUT', `${base}/whatever`, { token: ctx.adminToken, body: { apiKeyAccess: 'ALL' } });
    expect(put.status).toBe(400);
  });

  it('answers 413 for a body over 1 MiB', async () => {
    expect((await create({ displayName: 'x'.repeat(1024 * 1024 + 1) })).status).toBe(413);
  });

  it('answers 422 for a privilege outside the catalog, naming it', async () => {
    const res = await create({
      displayName: 'Odd',
      privileges: [GROUP_VIEW, { owner: 'PLATFORM', targetDomain: 'TELEPORT', type: 'EDIT' }],
    });
    expect(res.status).toBe(422);
    const body = await bodyOf(res);
    expect(body.errors).toEqual([expect.objectContaining({ path: 'privileges.1', rule: 'catalog' })]);
    const wrongType = await create({
      displayName: 'Odd',
      privileges: [{ owner: 'PLATFORM', targetDomain: 'GROUP', type: 'CREATE' }],
    });
    expect(wrongType.status).toBe(422);
  });

  it('answers 422 for targets on a privilege that has none', async () => {
    const res = await create({
      displayName: 'Odd',
      privileges: [{ owner: 'PLATFORM', targetDomain: 'GROUP', type: 'VIEW', targetIds: ['x'] }],
    });
    expect(res.status).toBe(422);
    expect((await bodyOf(res)).errors[0].path).toBe('privileges.0.targetIds');
  });

  it('answers 409 for a name already used, whatever its case', async () => {
    expect((await create({ displayName: 'Auditors' })).status).toBe(201);
    const dup = await create({ displayName: 'auditors' });
    expect(dup.status).toBe(409);
    const other = await bodyOf(await create({ displayName: 'Others' }));
    expect(
      (await ctx.call('PUT', `${base}/${other.id}`, { token: ctx.adminToken, body: { displayName: 'AUDITORS' } }))
        .status,
    ).toBe(409);
  });

  it('answers 404 for unknown groups and groups of another organization', async () => {
    expect((await ctx.call('GET', `${base}/nosuchgroup`, { token: ctx.adminToken })).status).toBe(404);
    expect(
      (await ctx.call('PUT', `${base}/nosuchgroup`, { token: ctx.adminToken, body: { displayName: 'X' } })).status,
    ).toBe(404);
    expect((await ctx.call('DELETE', `${base}/nosuchgroup`, { token: ctx.adminToken })).status).toBe(404);
    await ctx.createOrganization('other');
    const { groupId } = await ctx.userWith({ apiKeyAccess: 'NONE', org: 'other' });
    expect((await ctx.call('GET', `${base}/${groupId}`, { token: ctx.adminToken })).status).toBe(404);
  });

  it('answers 409 when deleting a built-in group', async () => {
    for (const kind of ['ADMINISTRATORS', 'SECURITY_CONTACTS'] as const) {
      const g = await builtIn(kind);
      const res = await ctx.call('DELETE', `${base}/${g.id}`, { token: ctx.adminToken });
      expect(res.status).toBe(409);
    }
  });

  it('answers 409 when the Administrators group would lose EDIT_ALL or a privilege', async () => {
    const admins = await builtIn('ADMINISTRATORS');
    const lessAccess = await ctx.call('PUT', `${base}/${admins.id}`, {
      token: ctx.adminToken,
      body: { apiKeyAccess: 'VIEW_ALL' },
    });
    expect(lessAccess.status).toBe(409);
    const fewer = await ctx.call('PUT', `${base}/${admins.id}`, {
      token: ctx.adminToken,
      body: { privileges: [GROUP_VIEW, GROUP_EDIT] },
    });
    expect(fewer.status).toBe(409);
    expect((await bodyOf(fewer)).detail).toMatch(/every privilege/);
  });
});

describe('groups: forbidden callers', () => {
  it('answers 401 to anonymous callers', async () => {
    expect((await ctx.call('GET', base)).status).toBe(401);
    expect((await ctx.call('POST', base, { body: { displayName: 'X' } })).status).toBe(401);
  });

  it('answers 403 without Groups View to read, without Groups Edit to change', async () => {
    const none = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL' });
    const viewer = await ctx.userWith({ apiKeyAccess: 'NONE', privileges: [GROUP_VIEW] });
    const forbidden = await ctx.call('GET', base, { token: none.token });
    expect(forbidden.status).toBe(403);
    expect((await bodyOf(forbidden)).detail).toMatch(/PLATFORM\/GROUP:VIEW/);
    expect((await ctx.call('GET', base, { token: viewer.token })).status).toBe(200);
    expect((await ctx.call('GET', `${base}/${viewer.groupId}`, { token: viewer.token })).status).toBe(200);
    expect((await create({ displayName: 'X' }, viewer.token)).status).toBe(403);
    expect(
      (await ctx.call('PUT', `${base}/${viewer.groupId}`, { token: viewer.token, body: { displayName: 'Y' } })).status,
    ).toBe(403);
    expect((await ctx.call('DELETE', `${base}/${viewer.groupId}`, { token: viewer.token })).status).toBe(403);
  });

  it('answers 403 to an API key, saying an API key can never do this', async () => {
    const key = await insertApiKey(ctx, { privileges: [privilege('PLATFORM/SOURCE:VIEW')] });
    const res = await ctx.call('GET', base, { token: key });
    expect(res.status).toBe(403);
    expect((await bodyOf(res)).detail).toMatch(/An API key can never/);
    expect((await ctx.call('POST', base, { token: key, body: { displayName: 'X' } })).status).toBe(403);
  });

  it("answers 403 to another organization's administrator", async () => {
    await ctx.createOrganization('other');
    const otherAdmin = await ctx.userWith({
      apiKeyAccess: 'EDIT_ALL',
      privileges: [...ALL_CONSOLE_PRIVILEGES],
      org: 'other',
    });
    expect((await ctx.call('GET', base, { token: otherAdmin.token })).status).toBe(403);
    expect((await create({ displayName: 'X' }, otherAdmin.token)).status).toBe(403);
  });

  it('answers 403 when granting privileges the caller does not hold', async () => {
    const editor = await ctx.userWith({ apiKeyAccess: 'NONE', privileges: [GROUP_VIEW, GROUP_EDIT] });
    expect((await create({ displayName: 'Same', privileges: [GROUP_VIEW] }, editor.token)).status).toBe(201);
    const more = await create(
      { displayName: 'More', privileges: [privilege('PLATFORM/ACTIVITIES:VIEW')] },
      editor.token,
    );
    expect(more.status).toBe(403);
    expect((await bodyOf(more)).detail).toMatch(/PLATFORM\/ACTIVITIES:VIEW/);
    expect((await create({ displayName: 'Keys', apiKeyAccess: 'VIEW_ALL' }, editor.token)).status).toBe(403);
    const sc = await builtIn('SECURITY_CONTACTS');
    const renamed = await ctx.call('PUT', `${base}/${sc.id}`, {
      token: editor.token,
      body: { displayName: 'Security team' },
    });
    expect(renamed.status).toBe(200);
  });
});
