import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { PlatformClient } from '@coveo/platform-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { privilege } from '@keyward/domain';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ORG, createTestContext, type TestContext } from '../../../test/harness.ts';
import { bodyOf } from '../../../test/session.ts';

let ctx: TestContext;
let server: ServerType;
let host: string;
beforeEach(async () => {
  ctx = await createTestContext();
  await new Promise<void>((resolve) => {
    server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

describe('@coveo/platform-client against the real server', () => {
  it('logs in, initializes, reads its privileges and manages groups', async () => {
    const login = await fetch(`${host}/rest/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    });
    const { accessToken } = (await bodyOf(login)) as { accessToken: string };
    const client = new PlatformClient({ host, accessToken, organizationId: ORG });
    await client.initialize();
    expect((client as unknown as { API: { currentUser: { email: string } } }).API.currentUser.email).toBe(ADMIN_EMAIL);

    expect(await client.organization.listMyPrivileges()).toContainEqual(privilege('PLATFORM/GROUP:EDIT'));
    const created = await client.group.create({ displayName: 'Readers' } as never);
    expect(created).toMatchObject({ displayName: 'Readers', apiKeyAccess: 'NONE', privileges: [] });
    await client.group.update({ ...(created as object), displayName: 'Readers 2' } as never);
    expect(await client.group.get((created as { id: string }).id)).toMatchObject({ displayName: 'Readers 2' });
    await client.group.member.add((created as { id: string }).id, { username: ADMIN_EMAIL } as never);
    expect(await client.group.member.list((created as { id: string }).id)).toHaveLength(1);
    await client.group.member.delete((created as { id: string }).id, ADMIN_EMAIL);
    await client.group.delete((created as { id: string }).id);
    expect((await client.group.list()).map((g: { displayName: string }) => g.displayName)).not.toContain('Readers 2');
  });

  it('fails initialize() with a bad token', async () => {
    const client = new PlatformClient({ host, accessToken: 'bad', organizationId: ORG });
    await expect(client.initialize()).rejects.toMatchObject({ status: 401 });
  });
});
