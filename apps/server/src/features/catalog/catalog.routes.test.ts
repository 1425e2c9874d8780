import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKeyTemplate, AssignablePrivilegeDto } from '@keyward/contract';
import { TEMPLATE_IDS, assignablePrivileges, templatePrivileges } from '@keyward/domain';
import { ORG, createTestContext, type TestContext } from '../../../test/harness.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

const get = async <T>(path: string, token = ctx.adminToken): Promise<{ status: number; body: T }> => {
  const res = await ctx.call('GET', `/rest/organizations/${ORG}${path}`, { token });
  return { status: res.status, body: (await res.json()) as T };
};

describe('templates', () => {
  it('lists every template with its rules', async () => {
    const { status, body } = await get<ApiKeyTemplate[]>('/templates/apikeys');
    expect(status).toBe(200);
    expect(body.map((t) => t.id)).toEqual([...TEMPLATE_IDS]);
    expect(body.find((t) => t.id === 'view-all-content')).toMatchObject({
      displayName: 'View all content',
      privacyLevel: 'PRIVATE',
      privacyLabel: 'Must remain private',
      privileges: templatePrivileges('view-all-content'),
      configuration: { searchHub: 'required', ips: true },
      expiration: { kind: 'required', minDays: 1, maxDays: 14 },
      allowedIps: [],
      deniedIps: [],
    });
  });

  it('gets one template, 404 for an unknown one', async () => {
    expect((await get<ApiKeyTemplate>('/templates/apikeys/custom')).body).toMatchObject({
      id: 'custom',
      privileges: [],
      expiration: { kind: 'required-or-never' },
    });
    expect((await get('/templates/apikeys/nope')).status).toBe(404);
  });
});

describe('assignable privileges', () => {
  it('lists ALL (default) or CUSTOM in the platform format', async () => {
    const all = await get<AssignablePrivilegeDto[]>('/privileges/apikeys');
    expect(all.body).toEqual(assignablePrivileges('ALL'));
    expect(all.body[0]).toMatchObject({ targetIds: [], global: false });
    const custom = await get<AssignablePrivilegeDto[]>('/privileges/apikeys?filter=CUSTOM');
    expect(custom.body).toEqual(assignablePrivileges('CUSTOM'));
    expect(custom.body.length).toBeLessThan(all.body.length);
    expect(custom.body).not.toContainEqual(
      expect.objectContaining({ owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' }),
    );
    expect((await get('/privileges/apikeys?filter=SOME')).status).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the API-key, template, privilege and activity routes', async () => {
    const doc = (await (await ctx.call('GET', '/rest/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const base = '/rest/organizations/{org}/apikeys';
    const expected: [string, string][] = [
      [base, 'get'],
      [base, 'post'],
      [`${base}/{id}`, 'get'],
      [`${base}/{id}`, 'put'],
      [`${base}/{id}`, 'delete'],
      [`${base}/delete/bulk`, 'post'],
      [`${base}/{id}/activate`, 'put'],
      [`${base}/{id}/disable`, 'put'],
      [`${base}/activate/bulk`, 'put'],
      [`${base}/disable/bulk`, 'put'],
      [`${base}/{id}/activation/extend`, 'put'],
      [`${base}/{id}/duplicate`, 'put'],
      ['/rest/organizations/{org}/templates/apikeys', 'get'],
      ['/rest/organizations/{org}/templates/apikeys/{id}', 'get'],
      ['/rest/organizations/{org}/privileges/apikeys', 'get'],
      ['/rest/organizations/{org}/activities/public', 'post'],
    ];
    for (const [path, method] of expected) expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});
