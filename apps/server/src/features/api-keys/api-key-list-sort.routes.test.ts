import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { nameSortKey } from '@keyward/domain';
import * as m1301 from '../../db/migrations/2026_12_02_1301_api_key_name_sort.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, createKey, jsonOf } from '../../../test/api-keys.ts';

// Sorting by name gives the same order on SQLite and on PostgreSQL (this file runs on both: npm
// run test:pg), non-ASCII names included: by the domain's nameSortKey, compared bytewise.

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const NAMES = ['zebra', 'Émile', 'Zulu', 'ångström', 'éclair', 'Ωmega', 'Eclair', 'apple', 'Ærø', 'Straße'];
/** Without case and accents first (accented letters among their base letters), then the folded name. */
const ASCENDING = ['ångström', 'apple', 'Eclair', 'éclair', 'Émile', 'Straße', 'zebra', 'Zulu', 'Ærø', 'Ωmega'];

async function names(query: string): Promise<string[]> {
  const res = await ctx.call('GET', `${B}?${query}`, { token: ctx.adminToken });
  expect(res.status).toBe(200);
  return (await jsonOf<ApiKey[]>(res)).map((k) => k.displayName);
}

describe('GET B?sortBy=displayName', () => {
  beforeEach(async () => {
    for (const displayName of NAMES) await createKey(ctx, 'anonymous-search', { displayName, description: 'sorted' });
  });

  it('orders non-ASCII names the same way on every database, both ways', async () => {
    expect(await names('sortBy=displayName&order=asc')).toEqual(ASCENDING);
    expect(await names('sortBy=displayName&order=desc')).toEqual([...ASCENDING].reverse());
  });

  it('orders the same way when a status or text filter picks the keys, and page by page', async () => {
    expect(await names('sortBy=displayName&order=asc&status=ACTIVE')).toEqual(ASCENDING);
    expect(await names('sortBy=displayName&order=asc&filter=sorted')).toEqual(ASCENDING);
    const pages = [];
    for (let page = 0; page < 4; page += 1)
      pages.push(...(await names(`sortBy=displayName&order=asc&perPage=3&page=${page}`)));
    expect(pages).toEqual(ASCENDING);
  });

  it('sorts a renamed key by its new name', async () => {
    const [zulu] = (await jsonOf<ApiKey[]>(await ctx.call('GET', `${B}?filter=Zulu`, { token: ctx.adminToken }))) ?? [];
    expect(zulu?.displayName).toBe('Zulu');
    const res = await ctx.call('PUT', `${B}/${zulu?.id}`, {
      token: ctx.adminToken,
      body: { ...zulu, displayName: 'Äpfel' },
    });
    expect(res.status).toBeLessThan(300);
    expect((await names('sortBy=displayName&order=asc')).slice(0, 3)).toEqual(['ångström', 'Äpfel', 'apple']);
  });

  it('migration 1301 gives the keys that existed before it their sort key', async () => {
    await m1301.down(ctx.db.db);
    await m1301.up(ctx.db.db);
    const rows = await ctx.db.db.selectFrom('api_keys').select(['display_name', 'name_sort']).execute();
    expect(rows).toHaveLength(NAMES.length);
    for (const r of rows) expect(r.name_sort).toBe(nameSortKey(r.display_name));
    expect(await names('sortBy=displayName&order=asc')).toEqual(ASCENDING);
  });
});
