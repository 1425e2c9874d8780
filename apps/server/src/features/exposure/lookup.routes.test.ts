import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, createKey, jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
let key: ApiKey;
beforeEach(async () => {
  ctx = await createTestContext();
  key = await createKey(ctx, 'push-api');
});
afterEach(() => ctx.close());

const lookup = (body: unknown, token: string = ctx.adminToken) =>
  ctx.call('POST', `${B}/lookup`, { ...(token ? { token } : {}), body });

describe('POST B/lookup', () => {
  it('answers the key whose value it is, masked', async () => {
    const res = await lookup({ value: key.value });
    expect(res.status).toBe(200);
    const found = await jsonOf<ApiKey>(res);
    expect(found).toMatchObject({ id: key.id, displayName: key.displayName, maskedValue: key.maskedValue });
    expect(found.value).toBeUndefined();
    expect(JSON.stringify(found)).not.toContain(key.value);
  });

  it('accepts surrounding spaces (a pasted value) and a security contact (API keys View)', async () => {
    const contact = await ctx.userWith({
      apiKeyAccess: 'VIEW_ALL',
      privileges: [REQUIRED_PRIVILEGES.manageExposures],
    });
    const res = await lookup({ value: `  ${key.value ?? ''}\n` }, contact.token);
    expect(res.status).toBe(200);
    expect((await jsonOf<ApiKey>(res)).id).toBe(key.id);
  });

  it('never stores the value looked up', async () => {
    await lookup({ value: key.value });
    const tables = await ctx.db.db.selectFrom('activities').selectAll().execute();
    expect(JSON.stringify(tables)).not.toContain(key.value);
  });

  it.each([
    ['a well-formed value of no key', 'kwprv_000000000000000000000000000000' + '000000'],
    ['a bad checksum', () => `${(key.value ?? '').slice(0, -1)}${(key.value ?? '').endsWith('A') ? 'B' : 'A'}`],
    ['not a key at all', 'hello'],
  ])('answers 404 for %s', async (_name, value) => {
    const res = await lookup({ value: typeof value === 'function' ? value() : value });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 404 for a key of another organization and for a key a CUSTOM user may not see', async () => {
    await ctx.createOrganization('otherorganization');
    const other = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL', org: 'otherorganization' });
    expect(
      (
        await ctx.call('POST', '/rest/organizations/otherorganization/apikeys/lookup', {
          token: other.token,
          body: { value: key.value },
        })
      ).status,
    ).toBe(404);
    const custom = await ctx.userWith({ apiKeyAccess: 'CUSTOM' });
    expect((await lookup({ value: key.value }, custom.token)).status).toBe(404);
  });

  it.each([
    ['no value', {}],
    ['a value that is not a string', { value: 42 }],
    ['an empty value', { value: '' }],
    ['a body that is not JSON', '{value'],
  ])('answers 400 for %s', async (_name, body) => {
    const res = await lookup(body);
    expect(res.status).toBe(400);
  });

  it('refuses members without API keys View (403), API keys (403) and anonymous callers (401)', async () => {
    const none = await ctx.userWith({ apiKeyAccess: 'NONE' });
    expect((await lookup({ value: key.value }, none.token)).status).toBe(403);
    expect((await lookup({ value: key.value }, key.value)).status).toBe(403);
    expect((await lookup({ value: key.value }, '')).status).toBe(401);
  });
});
