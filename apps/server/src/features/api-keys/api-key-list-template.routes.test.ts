import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, createKey, jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

async function list(query: string): Promise<{ status: number; total: string | null; names: string[] }> {
  const res = await ctx.call('GET', `${B}${query}`, { token: ctx.adminToken });
  const keys = res.status === 200 ? await jsonOf<ApiKey[]>(res) : [];
  return { status: res.status, total: res.headers.get('x-total-count'), names: keys.map((k) => k.displayName).sort() };
}

describe('GET B?apiKeyTemplateId (template filter)', () => {
  beforeEach(async () => {
    await createKey(ctx, 'anonymous-search', { displayName: 'search one' });
    await createKey(ctx, 'anonymous-search', { displayName: 'search two' });
    await createKey(ctx, 'usage-analytics', { displayName: 'analytics one' });
    const disabled = await createKey(ctx, 'usage-analytics', { displayName: 'analytics off' });
    expect((await ctx.call('PUT', `${B}/${disabled.id}/disable`, { token: ctx.adminToken })).status).toBe(204);
  });

  it('answers only the keys of that template, with their total, paged or not', async () => {
    expect(await list('?apiKeyTemplateId=anonymous-search')).toEqual({
      status: 200,
      total: '2',
      names: ['search one', 'search two'],
    });
    const paged = await list('?apiKeyTemplateId=usage-analytics&page=0&perPage=1');
    expect(paged.total).toBe('2');
    expect(paged.names).toHaveLength(1);
    expect((await list('?apiKeyTemplateId=custom&page=0&perPage=10')).total).toBe('0');
  });

  it('combines with the status filter and the text search', async () => {
    expect(await list('?apiKeyTemplateId=usage-analytics&status=DEACTIVATED&page=0&perPage=10')).toMatchObject({
      total: '1',
      names: ['analytics off'],
    });
    expect(await list('?apiKeyTemplateId=usage-analytics&status=ACTIVE&page=0&perPage=10')).toMatchObject({
      total: '1',
      names: ['analytics one'],
    });
    expect(await list('?apiKeyTemplateId=anonymous-search&filter=two&page=0&perPage=10')).toMatchObject({
      total: '1',
      names: ['search two'],
    });
    expect((await list('?apiKeyTemplateId=usage-analytics&filter=search&page=0&perPage=10')).total).toBe('0');
  });

  it('answers 400 for a template that does not exist', async () => {
    expect((await list('?apiKeyTemplateId=nope')).status).toBe(400);
  });
});
