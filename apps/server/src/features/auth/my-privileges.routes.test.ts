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

const url = `/rest/organizations/${ORG}/privileges/me`;

describe('GET /rest/organizations/{org}/privileges/me', () => {
  it("answers a user's effective privileges in the organization", async () => {
    const admin = await bodyOf(await ctx.call('GET', url, { token: ctx.adminToken }));
    expect(admin).toHaveLength(ALL_CONSOLE_PRIVILEGES.length);
    const { token } = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL', privileges: [privilege('PLATFORM/GROUP:VIEW')] });
    const res = await ctx.call('GET', url, { token });
    expect(res.status).toBe(200);
    const privileges = await bodyOf(res);
    expect(privileges).toContainEqual(privilege('PLATFORM/GROUP:VIEW'));
    expect(privileges).toContainEqual(privilege('PLATFORM/API_KEY:EDIT'));
  });

  it("answers an API key's own privileges", async () => {
    const own = [privilege('PLATFORM/SOURCE:VIEW'), privilege('PLATFORM/SOURCE_PUSH', 'my-source')];
    const key = await insertApiKey(ctx, { privileges: own });
    const res = await ctx.call('GET', url, { token: key });
    expect(res.status).toBe(200);
    expect(await bodyOf(res)).toEqual(own);
  });

  it('refuses an API key of another organization, a non-member and anonymous callers', async () => {
    await ctx.createOrganization('other');
    const key = await insertApiKey(ctx, { org: 'other' });
    expect((await ctx.call('GET', url, { token: key })).status).toBe(403);
    const { token } = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL', org: 'other' });
    expect((await ctx.call('GET', url, { token })).status).toBe(403);
    expect((await ctx.call('GET', url)).status).toBe(401);
  });
});
