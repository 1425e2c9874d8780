import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { DAY_MS } from '@keyward/domain';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, advanceTo, createKey, jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function list(query = ''): Promise<{ status: number; total: string | null; keys: ApiKey[] }> {
  const res = await ctx.call('GET', `${B}${query}`, { token: ctx.adminToken });
  return {
    status: res.status,
    total: res.headers.get('x-total-count'),
    keys: res.status === 200 ? await jsonOf<ApiKey[]>(res) : [],
  };
}

async function seed(): Promise<ApiKey[]> {
  const keys: ApiKey[] = [];
  for (const [i, name] of ['beta', 'Alpha', 'gamma', 'delta'].entries()) {
    await advanceTo(ctx, ctx.clock.now() + 1000);
    keys.push(
      await createKey(ctx, 'anonymous-search', { displayName: name, description: i === 2 ? 'for the 100% shop' : '' }),
    );
  }
  return keys;
}

describe('GET B (list)', () => {
  it('answers every key, newest first, masked, with X-Total-Count', async () => {
    const keys = await seed();
    const { status, total, keys: listed } = await list();
    expect(status).toBe(200);
    expect(total).toBe('4');
    expect(listed.map((k) => k.displayName)).toEqual(['delta', 'gamma', 'Alpha', 'beta']);
    for (const k of listed) expect(k).not.toHaveProperty('value');
    expect(listed[3]?.maskedValue).toBe(keys[0]?.maskedValue);
  });

  it('pages (0-based) and keeps the total of all matches', async () => {
    await seed();
    const page = await list('?page=1&perPage=3');
    expect(page.total).toBe('4');
    expect(page.keys.map((k) => k.displayName)).toEqual(['beta']);
    expect((await list('?perPage=2')).keys).toHaveLength(2);
  });

  it('sorts by name case-insensitively, and by other fields both ways', async () => {
    await seed();
    expect((await list('?sortBy=displayName&order=asc')).keys.map((k) => k.displayName)).toEqual([
      'Alpha',
      'beta',
      'delta',
      'gamma',
    ]);
    expect((await list('?sortBy=displayName&order=DESC')).keys.map((k) => k.displayName)).toEqual([
      'gamma',
      'delta',
      'beta',
      'Alpha',
    ]);
    expect((await list('?sortBy=createdDate&order=asc')).keys.map((k) => k.displayName)).toEqual([
      'beta',
      'Alpha',
      'gamma',
      'delta',
    ]);
    for (const sortBy of ['lastUsedDate', 'expirationDate', 'status'])
      expect((await list(`?sortBy=${sortBy}`)).keys).toHaveLength(4);
  });

  it('searches name, description and id, with % taken literally', async () => {
    const keys = await seed();
    expect((await list('?filter=ALP')).keys.map((k) => k.displayName)).toEqual(['Alpha']);
    expect((await list('?filter=100%25')).keys.map((k) => k.displayName)).toEqual(['gamma']);
    expect((await list(`?filter=${keys[3]?.id.slice(3, 12)}`)).keys.map((k) => k.displayName)).toEqual(['delta']);
    expect((await list('?filter=%25')).total).toBe('1');
  });

  it('keeps the text search in step with renames and deletions', async () => {
    const [beta] = await seed();
    await ctx.call('PUT', `${B}/${beta?.id}`, { token: ctx.adminToken, body: { displayName: 'Renamed "quoted" key' } });
    expect((await list('?filter=beta')).total).toBe('0');
    expect((await list('?filter=%22quoted%22')).keys.map((k) => k.id)).toEqual([beta?.id]);
    expect((await list('?filter=RENAMED&status=ACTIVE&page=0&perPage=10')).keys.map((k) => k.id)).toEqual([beta?.id]);
    await ctx.call('DELETE', `${B}/${beta?.id}`, { token: ctx.adminToken });
    expect((await list('?filter=renamed')).total).toBe('0');
    // Two letters are matched by LIKE, ids included: a random id may hold "ta" too.
    const ta = (await list('?filter=ta')).keys.filter((k) => !k.id.includes('ta'));
    expect(ta.map((k) => k.displayName)).toEqual(['delta']);
    expect(
      (await list('?filter=a&sortBy=displayName&order=asc&page=0&perPage=2')).keys.map((k) => k.displayName),
    ).toEqual(['Alpha', 'delta']);
  });

  it('filters by status', async () => {
    const [a] = await seed();
    await createKey(ctx, 'anonymous-search', { displayName: 'short', lifetimeDuration: 'P3D' });
    expect((await ctx.call('PUT', `${B}/${a?.id}/disable`, { token: ctx.adminToken })).status).toBe(204);
    expect((await list('?status=DEACTIVATED')).keys.map((k) => k.id)).toEqual([a?.id]);
    expect((await list('?status=ACTIVE')).total).toBe('4');
    expect((await list('?status=SOON_TO_BE_EXPIRED')).keys.map((k) => k.displayName)).toEqual(['short']);
    expect((await list('?status=WITH_WARNING')).keys.map((k) => k.displayName)).toEqual(['short']);
    await advanceTo(ctx, ctx.clock.now() + 340 * DAY_MS);
    const soon = await list('?status=SOON_TO_BE_DISABLED');
    expect(soon.keys.map((k) => k.displayName).sort()).toEqual(['Alpha', 'delta', 'gamma']);
    expect(
      soon.keys.every((k) => k.status === 'SOON_TO_BE_DISABLED' && k.statusLabel === 'Soon to be deactivated'),
    ).toBe(true);
    expect((await list('?status=DEACTIVATED')).keys.map((k) => k.status).sort()).toEqual(['DISABLED', 'EXPIRED']);
    expect((await list('?status=ALL_EXPOSED')).total).toBe('0');
  });

  it('pages sorted by status in the order of the whole list, both ways, with or without a filter', async () => {
    const [a, b] = await seed();
    await createKey(ctx, 'anonymous-search', { displayName: 'short', lifetimeDuration: 'P3D' });
    await createKey(ctx, 'anonymous-search', { displayName: 'longer', lifetimeDuration: 'P20D' });
    await ctx.call('PUT', `${B}/${a?.id}/disable`, { token: ctx.adminToken });
    await ctx.call('POST', `${B}/${b?.id}/exposure`, {
      token: ctx.adminToken,
      body: { reason: 'pasted in a forum', severity: 'LOW' },
    });
    for (const days of [0, 5, 25, 340, 400]) {
      await advanceTo(ctx, ctx.clock.now() + days * DAY_MS);
      for (const filter of ['', '&status=ACTIVE', '&status=DEACTIVATED', '&status=ALL_EXPOSED']) {
        for (const order of ['asc', 'desc']) {
          const all = (await list(`?sortBy=status&order=${order}${filter}`)).keys.map((k) => k.id);
          const paged: string[] = [];
          for (let page = 0; page * 2 < all.length + 2; page++)
            paged.push(
              ...(await list(`?sortBy=status&order=${order}${filter}&page=${page}&perPage=2`)).keys.map((k) => k.id),
            );
          expect(paged, `${days} days later, ${order}${filter}`).toEqual(all);
        }
      }
    }
  });

  const bad = ['?status=NOPE', '?perPage=501', '?perPage=0', '?page=-1', '?page=x', '?sortBy=value', '?order=up'];
  it.each(bad)('answers 400 for %s', async (query) => {
    expect((await list(query)).status).toBe(400);
  });
});
