import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { createTestContext, type TestContext } from '../../test/harness.ts';
import { B, createKey, jsonOf } from '../../test/api-keys.ts';
import { TEST_DATABASE_URL } from '../../test/test-database.ts';
import type { OpenedSqlite } from './database.ts';
import { moveIntoTextIndex, startTextIndexMover } from './text-index.ts';

// SQLite only (PostgreSQL's pg_trgm index is kept by PostgreSQL): keys wait in api_keys_text_later
// until moved into the FTS5 index, and a search finds them on both sides of the move.

let ctx: TestContext;
let sqlite: OpenedSqlite['sqlite'];
beforeEach(async () => {
  ctx = await createTestContext();
  if (TEST_DATABASE_URL) return;
  const opened = ctx.db as OpenedSqlite;
  opened.textIndex.stop(); // this test moves the keys itself
  sqlite = opened.sqlite;
});
afterEach(async () => {
  await ctx.close();
});

const waiting = () => sqlite.prepare('select key_id from api_keys_text_later order by seq').pluck().all();
const indexed = (id: string) =>
  sqlite.prepare(`select count(*) from api_keys_text where api_keys_text match ?`).pluck().get(`id : "${id}"`);

async function found(text: string): Promise<string[]> {
  const res = await ctx.call('GET', `${B}?filter=${encodeURIComponent(text)}&sortBy=displayName&order=asc`, {
    token: ctx.adminToken,
  });
  expect(res.status).toBe(200);
  return (await jsonOf<ApiKey[]>(res)).map((k) => k.displayName);
}

describe.skipIf(TEST_DATABASE_URL)('the text index, caught up after the writes (SQLite)', () => {
  it('finds written keys before and after they move into the index, oldest moved first', async () => {
    const keys: ApiKey[] = [];
    for (const name of ['Alpha shop', 'Beta shop', 'Gamma lab'])
      keys.push(await createKey(ctx, 'anonymous-search', { displayName: name }));
    expect(waiting()).toEqual(keys.map((k) => k.id));
    expect(keys.map((k) => indexed(k.id))).toEqual([0, 0, 0]);
    expect(await found(' shop')).toEqual(['Alpha shop', 'Beta shop']);

    expect(moveIntoTextIndex(sqlite, 2)).toBe(2);
    expect(waiting()).toEqual([keys[2]?.id]);
    expect(keys.map((k) => indexed(k.id))).toEqual([1, 1, 0]);
    expect(await found(' shop')).toEqual(['Alpha shop', 'Beta shop']);
    expect(await found(' lab')).toEqual(['Gamma lab']);

    expect(moveIntoTextIndex(sqlite)).toBe(1);
    expect(moveIntoTextIndex(sqlite)).toBe(0);
    expect(waiting()).toEqual([]);
    expect(await found('a ')).toEqual(['Alpha shop', 'Beta shop', 'Gamma lab']);
    expect(await found(keys[1]?.id.slice(2, 14) ?? '')).toEqual(['Beta shop']);
  });

  it('takes a renamed key out of the index until it moves again, and a deleted key out of both', async () => {
    const alpha = await createKey(ctx, 'anonymous-search', { displayName: 'Alpha shop' });
    const beta = await createKey(ctx, 'anonymous-search', { displayName: 'Beta shop' });
    moveIntoTextIndex(sqlite);
    const rename = await ctx.call('PUT', `${B}/${alpha.id}`, {
      token: ctx.adminToken,
      body: { displayName: 'Renamed lab' },
    });
    expect(rename.status).toBe(204);
    expect(waiting()).toEqual([alpha.id]);
    expect(indexed(alpha.id)).toBe(0);
    expect(await found(' shop')).toEqual(['Beta shop']);
    expect(await found(' lab')).toEqual(['Renamed lab']);
    moveIntoTextIndex(sqlite);
    expect(await found(' shop')).toEqual(['Beta shop']);
    expect(await found(' lab')).toEqual(['Renamed lab']);

    const gamma = await createKey(ctx, 'anonymous-search', { displayName: 'Gamma lab' });
    for (const id of [gamma.id, beta.id])
      expect((await ctx.call('DELETE', `${B}/${id}`, { token: ctx.adminToken })).status).toBe(204);
    expect(waiting()).toEqual([]);
    expect(indexed(beta.id)).toBe(0);
    expect(await found(' lab')).toEqual(['Renamed lab']);
    expect(await found(' shop')).toEqual([]);
  });

  it('moves on its own, batch after batch, and waits while a transaction is open on the connection', async () => {
    for (let i = 0; i < 600; i += 50)
      await Promise.all(
        Array.from({ length: 50 }, (_, j) => createKey(ctx, 'anonymous-search', { displayName: `Key ${i + j}` })),
      );
    expect(waiting()).toHaveLength(600);
    sqlite.exec('begin');
    const mover = startTextIndexMover(sqlite, 5);
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(waiting()).toHaveLength(600);
      sqlite.exec('commit');
      await vi.waitFor(() => expect(waiting()).toEqual([]), { timeout: 2000, interval: 10 });
    } finally {
      mover.stop();
    }
    expect(sqlite.prepare('select count(*) from api_keys_text').pluck().get()).toBe(600);
    expect(await found('Key 29')).toEqual([
      'Key 29',
      'Key 290',
      'Key 291',
      'Key 292',
      'Key 293',
      'Key 294',
      'Key 295',
      'Key 296',
      'Key 297',
      'Key 298',
      'Key 299',
    ]);
  });
});
