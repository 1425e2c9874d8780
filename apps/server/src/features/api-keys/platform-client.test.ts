import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { PlatformClient } from '@coveo/platform-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityPage, ApiKey } from '@keyward/contract';
import { assignablePrivileges, parseKeyValue, templatePrivileges } from '@keyward/domain';
import { ORG, createTestContext, type TestContext } from '../../../test/harness.ts';

// The real @coveo/platform-client against the real server: paths, verbs, bodies and answers.

let ctx: TestContext;
let server: ServerType;
let client: PlatformClient;
beforeEach(async () => {
  ctx = await createTestContext();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = new PlatformClient({ host, accessToken: ctx.adminToken, organizationId: ORG });
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

const create = async (displayName: string, template = 'anonymous-search'): Promise<ApiKey> =>
  (await client.apiKey.create({ displayName, lifetimeDuration: 'P30D' } as never, {
    apiKeyTemplateId: template,
  })) as unknown as ApiKey;
const get = async (id: string): Promise<ApiKey> => (await client.apiKey.get(id)) as unknown as ApiKey;

describe('@coveo/platform-client apiKey', () => {
  it('creates, lists, gets and updates keys', async () => {
    const key = await create('Storefront');
    expect(parseKeyValue(key.value ?? '').ok).toBe(true);
    expect(key).toMatchObject({
      displayName: 'Storefront',
      apiKeyTemplateId: 'anonymous-search',
      privileges: templatePrivileges('anonymous-search'),
    });
    const custom = (await client.apiKey.create({
      displayName: 'Fields',
      privileges: [{ owner: 'PLATFORM', targetDomain: 'FIELD', type: 'VIEW', level: 'NORMAL' }],
      lifetimeDuration: 'NEVER',
    } as never)) as unknown as ApiKey;
    expect(custom.apiKeyTemplateId).toBe('custom');

    const listed = (await client.apiKey.list()) as unknown as ApiKey[];
    expect(listed.map((k) => k.id).sort()).toEqual([key.id, custom.id].sort());
    expect(listed.every((k) => k.value === undefined)).toBe(true);
    expect(((await client.apiKey.list({ status: 'ACTIVE' } as never)) as unknown as ApiKey[]).length).toBe(2);

    const model = await get(key.id);
    expect(
      await client.apiKey.update({ ...model, displayName: 'Storefront v2', allowedIps: ['203.0.113.0/24'] } as never),
    ).toEqual({});
    expect(await get(key.id)).toMatchObject({
      displayName: 'Storefront v2',
      allowedIps: ['203.0.113.0/24'],
      privileges: model.privileges,
    });
    await expect(client.apiKey.update({ ...model, privileges: [] } as never)).rejects.toMatchObject({ status: 422 });
  });

  it('toggles, disables, activates and extends, single and bulk', async () => {
    const [a, b] = [await create('a'), await create('b')];
    await client.apiKey.toggle((await get(a.id)) as never);
    expect((await get(a.id)).status).toBe('DISABLED');
    await client.apiKey.toggle((await get(a.id)) as never);
    expect((await get(a.id)).status).toBe('ENABLED');
    await client.apiKey.disable([a.id, b.id]);
    expect([(await get(a.id)).enabled, (await get(b.id)).enabled]).toEqual([false, false]);
    await client.apiKey.activate([a.id, b.id]);
    expect([(await get(a.id)).enabled, (await get(b.id)).enabled]).toEqual([true, true]);
    await client.apiKey.disable(a.id);
    await client.apiKey.activate([a.id]);
    expect((await get(a.id)).enabled).toBe(true);
    expect(await client.apiKey.extend(a.id)).toEqual({});
    const custom = (await client.apiKey.create({
      displayName: 'c',
      privileges: [{ owner: 'PLATFORM', targetDomain: 'FIELD', type: 'VIEW' }],
      lifetimeDuration: 'P1D',
    } as never)) as unknown as ApiKey;
    await client.apiKey.disable(custom.id);
    await expect(client.apiKey.activate(custom.id)).rejects.toMatchObject({ status: 409, errorCode: 'CONFLICT' });
  });

  it('duplicates and deletes, single and bulk', async () => {
    const original = await create('original', 'push-api');
    const copy = (await client.apiKey.duplicate(original.id, {
      displayName: 'copy',
      lifetimeDuration: 'P10D',
    })) as unknown as ApiKey;
    expect(copy).toMatchObject({ displayName: 'copy', apiKeyTemplateId: 'push-api', privileges: original.privileges });
    expect(parseKeyValue(copy.value ?? '').ok).toBe(true);
    const other = await create('other');
    expect(await client.apiKey.delete(original.id)).toEqual({});
    await client.apiKey.delete([copy.id, other.id]);
    expect(await client.apiKey.list()).toEqual([]);
    await expect(client.apiKey.get(original.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe('@coveo/platform-client catalog and activities', () => {
  it('lists assignable privileges and reads a template', async () => {
    expect(await client.organization.listApiKeysPrivileges()).toEqual(assignablePrivileges('ALL'));
    expect(await client.organization.listApiKeysPrivileges({ filter: 'CUSTOM' } as never)).toEqual(
      assignablePrivileges('CUSTOM'),
    );
    expect(await client.apiKeyTemplate.get('push-api')).toMatchObject({ id: 'push-api', displayName: 'Push API' });
  });

  it('lists activities', async () => {
    const key = await create('audited');
    await client.apiKey.disable(key.id);
    const page = (await client.activity.list({ page: 0, perPage: 10 }, {
      resourceTypes: ['API_KEY'],
      resourceIds: [key.id],
    } as never)) as unknown as ActivityPage;
    expect(page.items.map((a) => a.operation)).toEqual(['DISABLE', 'CREATE']);
    expect(page).toMatchObject({ totalEntries: 2, totalPages: 1 });
  });
});
