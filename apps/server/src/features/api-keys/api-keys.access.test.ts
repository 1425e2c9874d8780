import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, createKey, jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
let key!: ApiKey;
beforeEach(async () => {
  ctx = await createTestContext();
  key = await createKey(ctx, 'anonymous-search');
});
afterEach(async () => {
  await ctx.close();
});

type Case = [name: string, method: string, path: () => string, body?: () => unknown];
const reads: Case[] = [
  ['list', 'GET', () => B],
  ['get', 'GET', () => `${B}/${key.id}`],
  ['templates', 'GET', () => `/rest/organizations/${ORG}/templates/apikeys`],
  ['one template', 'GET', () => `/rest/organizations/${ORG}/templates/apikeys/custom`],
  ['assignable privileges', 'GET', () => `/rest/organizations/${ORG}/privileges/apikeys?filter=CUSTOM`],
];
const changes: Case[] = [
  ['update', 'PUT', () => `${B}/${key.id}`, () => ({ displayName: 'x' })],
  ['delete', 'DELETE', () => `${B}/${key.id}`],
  ['bulk delete', 'POST', () => `${B}/delete/bulk`, () => [key.id]],
  ['disable', 'PUT', () => `${B}/${key.id}/disable`],
  ['activate', 'PUT', () => `${B}/${key.id}/activate`],
  ['bulk disable', 'PUT', () => `${B}/disable/bulk`, () => [key.id]],
  ['bulk activate', 'PUT', () => `${B}/activate/bulk`, () => [key.id]],
  ['extend', 'PUT', () => `${B}/${key.id}/activation/extend`],
];
const creates: Case[] = [
  ['create', 'POST', () => `${B}?apiKeyTemplateId=usage-analytics`, () => ({ displayName: 'x' })],
  ['duplicate', 'PUT', () => `${B}/${key.id}/duplicate`, () => ({})],
];
const activities: Case[] = [['activities', 'POST', () => `/rest/organizations/${ORG}/activities/public`, () => ({})]];
const all = [...reads, ...changes, ...creates, ...activities];

async function statusOf(c: Case, token?: string): Promise<number> {
  const [, method, path, body] = c;
  return (
    await ctx.call(method, path(), { ...(token ? { token } : {}), ...(body !== undefined ? { body: body() } : {}) })
  ).status;
}

describe('who may call the API-key routes', () => {
  it.each(all)('%s: anonymous → 401', async (...c) => {
    expect(await statusOf(c)).toBe(401);
  });

  it.each(all)('%s: an API key → 403, saying so', async (...c) => {
    const [, method, path, body] = c;
    const res = await ctx.call(method, path(), {
      token: key.value ?? '',
      ...(body !== undefined ? { body: body() } : {}),
    });
    expect(res.status).toBe(403);
    expect((await jsonOf<{ detail: string }>(res)).detail).toMatch(/API key can never/);
  });

  it.each(all)('%s: the administrator of another organization → 403', async (...c) => {
    await ctx.createOrganization('other');
    const other = await ctx.userWith({
      apiKeyAccess: 'EDIT_ALL',
      org: 'other',
      privileges: Object.values(REQUIRED_PRIVILEGES),
    });
    expect(await statusOf(c, other.token)).toBe(403);
  });

  it.each(all)('%s: a member without API-key access → 403', async (...c) => {
    const none = await ctx.userWith({ apiKeyAccess: 'NONE' });
    expect(await statusOf(c, none.token)).toBe(403);
  });

  it('a view-only group reads but may not change (403) or create (403)', async () => {
    const viewer = await ctx.userWith({ apiKeyAccess: 'VIEW_ALL' });
    for (const c of reads) expect(await statusOf(c, viewer.token), c[0]).toBe(200);
    for (const c of [...changes, ...creates]) expect(await statusOf(c, viewer.token), c[0]).toBe(403);
    expect((await jsonOf<ApiKey>(await ctx.call('GET', `${B}/${key.id}`, { token: viewer.token }))).access).toBe(
      'VIEW',
    );
  });

  it('a CUSTOM group sees only granted keys: no grant → 404, view grant → 403 on changes, edit grant → allowed', async () => {
    const custom = await ctx.userWith({ apiKeyAccess: 'CUSTOM' });
    const listed = await ctx.call('GET', B, { token: custom.token });
    expect(listed.headers.get('x-total-count')).toBe('0');
    for (const c of [...reads.slice(1, 2), ...changes]) expect(await statusOf(c, custom.token), c[0]).toBe(404);

    const viewed = await createKey(ctx, 'anonymous-search', {
      displayName: 'viewed',
      groupsThatCanView: [custom.groupId],
    });
    const list = await jsonOf<ApiKey[]>(await ctx.call('GET', B, { token: custom.token }));
    expect(list.map((k) => [k.displayName, k.access])).toEqual([['viewed', 'VIEW']]);
    key = viewed;
    expect(await statusOf(reads[1] as Case, custom.token)).toBe(200);
    for (const c of changes) expect(await statusOf(c, custom.token), c[0]).toBe(403);

    key = await createKey(ctx, 'anonymous-search', { displayName: 'edited', groupsThatCanEdit: [custom.groupId] });
    expect(await statusOf(changes[0] as Case, custom.token)).toBe(204);
    expect(await statusOf(changes[3] as Case, custom.token)).toBe(204);
    expect(await statusOf(changes[1] as Case, custom.token)).toBe(204);
  });

  it('creating needs API keys Create; the creator may lack access to the key made', async () => {
    const creator = await ctx.userWith({ apiKeyAccess: 'NONE', privileges: [REQUIRED_PRIVILEGES.createApiKeys] });
    const res = await ctx.call('POST', `${B}?apiKeyTemplateId=usage-analytics`, {
      token: creator.token,
      body: { displayName: 'mine' },
    });
    expect(res.status).toBe(201);
    expect((await jsonOf<ApiKey>(res)).access).toBe('NONE');
  });
});
