import fs from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { KEY_PREFIX_LENGTH, KEY_RANDOM_LENGTH } from '@keyward/domain';
import { sha256Hex } from '../../crypto/tokens.ts';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, createKey, jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await ctx.close();
});

/** Everything stored: the SQLite file and its WAL, or (PostgreSQL) every row of every table as text. */
async function storedBytes(): Promise<Buffer> {
  if (ctx.dbFile === '') {
    const { rows: tables } = await sql<{
      name: string;
    }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
      ctx.db.db,
    );
    expect(tables.map((t) => t.name)).toContain('api_keys');
    const texts: string[] = [];
    for (const { name } of tables) {
      const { rows } = await sql<{ row: string }>`select row_to_json(t)::text as row from ${sql.table(name)} t`.execute(
        ctx.db.db,
      );
      texts.push(...rows.map((r) => r.row));
    }
    return Buffer.from(texts.join('\n'), 'utf8');
  }
  const files = [ctx.dbFile, `${ctx.dbFile}-wal`].filter((f) => fs.existsSync(f));
  expect(files).toContain(`${ctx.dbFile}-wal`);
  return Buffer.concat(files.map((f) => fs.readFileSync(f)));
}

it('stores only the hash, the prefix and the last 4 characters; never logs the value', async () => {
  const logged: string[] = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
  const keys: ApiKey[] = [
    await createKey(ctx, 'anonymous-search'),
    await createKey(ctx, 'custom'),
    await createKey(ctx, 'push-api'),
  ];
  const dup = await ctx.call('PUT', `${B}/${keys[0]?.id}/duplicate`, { token: ctx.adminToken, body: {} });
  keys.push(await jsonOf<ApiKey>(dup));
  const bytes = await storedBytes();
  for (const key of keys) {
    const value = key.value ?? '';
    expect(value).toHaveLength(42);
    const random = value.slice(KEY_PREFIX_LENGTH, KEY_PREFIX_LENGTH + KEY_RANDOM_LENGTH);
    for (const secret of [value, random, value.slice(KEY_PREFIX_LENGTH), random.slice(0, 16), random.slice(-16)]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8')), `a part of the value is stored: ${secret.length} chars`).toBe(
        false,
      );
      expect(logged.join('\n')).not.toContain(secret);
    }
    expect(bytes.includes(Buffer.from(sha256Hex(value)))).toBe(true);
    const row = await ctx.db.db.selectFrom('api_keys').selectAll().where('id', '=', key.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      value_hash: sha256Hex(value),
      value_prefix: value.slice(0, 6),
      value_last4: value.slice(-4),
    });
  }
});
