import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, createKey, jsonOf } from '../../../test/api-keys.ts';

// PRODUCT.md §3.3: searching the list by the last 4 characters of the masked value finds the key.
let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.close());

const search = async (filter: string) =>
  (
    await jsonOf<ApiKey[]>(
      await ctx.call('GET', `${B}?filter=${encodeURIComponent(filter)}&page=0&perPage=50`, { token: ctx.adminToken }),
    )
  ).map((k) => k.id);

describe('GET B?filter=<last 4>', () => {
  it('finds the key whose masked value ends with them, by the 4 characters or the masked value', async () => {
    const keys = await Promise.all(['One', 'Two', 'Three'].map((n) => createKey(ctx, 'push-api', { displayName: n })));
    const target = keys[1] as ApiKey;
    const last4 = target.maskedValue.slice(-4);
    expect(await search(last4)).toContain(target.id);
    expect(await search(`****${last4}`)).toContain(target.id);
    expect(await search(target.maskedValue)).toEqual([target.id]);
    const others = keys.filter((k) => k.maskedValue.slice(-4) !== last4).map((k) => k.id);
    for (const id of others) expect(await search(target.maskedValue)).not.toContain(id);
  });

  it('is case-sensitive (base62) and scoped to the organization', async () => {
    const key = await createKey(ctx, 'push-api');
    const last4 = key.maskedValue.slice(-4);
    const flipped = [...last4].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    if (flipped !== last4) expect(await search(`****${flipped}`)).not.toContain(key.id);
    await ctx.createOrganization('otherorganization');
    const other = await ctx.userWith({ apiKeyAccess: 'EDIT_ALL', org: 'otherorganization' });
    const res = await ctx.call('GET', `/rest/organizations/otherorganization/apikeys?filter=${last4}`, {
      token: other.token,
    });
    expect(await jsonOf<ApiKey[]>(res)).toEqual([]);
  });
});
