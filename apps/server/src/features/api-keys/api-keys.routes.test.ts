import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { DAY_MS, endOfUtcDay, parseKeyValue, privilege, templatePrivileges } from '@keyward/domain';
import { ADMIN_EMAIL, ORG, T0, createTestContext, type TestContext } from '../../../test/harness.ts';
import { B, activitiesOf, createKey, getKey, jsonOf } from '../../../test/api-keys.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(async () => {
  await ctx.close();
});

type Problem = {
  status: number;
  errorCode: string;
  detail: string;
  errors?: { path: string; rule: string; message: string }[];
};

async function createStatus(template: string | null, body: unknown): Promise<{ status: number; problem: Problem }> {
  const res = await ctx.call('POST', template ? `${B}?apiKeyTemplateId=${template}` : B, {
    token: ctx.adminToken,
    body,
  });
  return { status: res.status, problem: await jsonOf<Problem>(res) };
}

describe('POST B (create)', () => {
  it('creates a key from a template and shows its value once', async () => {
    const key = await createKey(ctx, 'anonymous-search');
    expect(parseKeyValue(key.value ?? '')).toEqual({ ok: true, privacy: 'PUBLIC' });
    expect(key).toMatchObject({
      organizationId: ORG,
      displayName: 'Search page',
      description: '',
      enabled: true,
      status: 'ENABLED',
      statusLabel: 'Active',
      apiKeyTemplateId: 'anonymous-search',
      privacyLevel: 'PUBLIC',
      privileges: templatePrivileges('anonymous-search'),
      additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'main' } } },
      allowedIps: [],
      deniedIps: [],
      groupsThatCanEdit: [],
      groupsThatCanView: [],
      apiKeysThatCanEdit: [],
      createdBy: ADMIN_EMAIL,
      createdDate: T0,
      activationDate: T0,
      lastUsedDate: null,
      expirationDate: null,
      disabledDate: null,
      exposureReport: null,
      access: 'EDIT',
      reactivation: { allowed: false, reason: 'NOT_DISABLED' },
    });
    expect(key.id).toMatch(/^[a-z0-9]{25}$/);
    expect(key.maskedValue).toBe(`${key.value?.slice(0, 6)}${'*'.repeat(32)}${key.value?.slice(-4)}`);
    const again = await getKey(ctx, key.id);
    expect(again).not.toHaveProperty('value');
    expect(again.maskedValue).toBe(key.maskedValue);
  });

  it('makes a Custom key without apiKeyTemplateId, with targets from targetId or targetIds', async () => {
    const key = await createKey(ctx, 'custom', {
      privileges: [
        { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetIds: ['s1', 's2'] },
        { owner: 'PLATFORM', targetDomain: 'SECURITY_PROVIDER_PUSH', targetId: 'p1', global: false },
      ],
    });
    expect(key.value).toMatch(/^kwprv_/);
    expect(key).toMatchObject({ apiKeyTemplateId: 'custom', privacyLevel: 'PRIVATE', expirationDate: null });
    expect(key.privileges).toEqual([
      { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 's1' },
      { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 's2' },
      { owner: 'PLATFORM', targetDomain: 'SECURITY_PROVIDER_PUSH', targetId: 'p1' },
    ]);
  });

  it('applies chosen sources, IPs, expiration and access groups', async () => {
    const viewers = await ctx.userWith({ apiKeyAccess: 'CUSTOM' });
    const editors = await ctx.userWith({ apiKeyAccess: 'CUSTOM' });
    const key = await createKey(ctx, 'push-api', {
      lifetimeDuration: 'P30D',
      groupsThatCanView: [viewers.groupId],
      groupsThatCanEdit: [{ id: editors.groupId, displayName: 'x' }],
    });
    expect(key.privileges).toEqual(templatePrivileges('push-api', { sourceIds: ['src-a', 'src-b'] }));
    expect(key.allowedIps).toEqual(['203.0.113.0/24']);
    expect(key.expirationDate).toBe(endOfUtcDay(T0 + 30 * DAY_MS));
    expect(key.groupsThatCanView).toEqual([{ id: viewers.groupId, displayName: expect.any(String) }]);
    expect(key.groupsThatCanEdit).toEqual([{ id: editors.groupId, displayName: expect.any(String) }]);
  });

  it('accepts the template in the body and ignores unknown fields', async () => {
    const { status } = await createStatus(null, {
      apiKeyTemplateId: 'usage-analytics',
      displayName: 'UA',
      whatever: 1,
      status: 'DISABLED',
    });
    expect(status).toBe(201);
  });

  it('records a CREATE activity without the value', async () => {
    const key = await createKey(ctx, 'custom');
    const [activity] = await activitiesOf(ctx, key.id);
    expect(activity).toMatchObject({
      operation: 'CREATE',
      resourceId: key.id,
      content: { resourceState: 'ENABLED', after: { displayName: 'Reports' } },
    });
    expect(JSON.stringify(activity)).not.toContain(key.value);
  });

  const rules: [string, string | null, Record<string, unknown>, string, string][] = [
    ['an unknown template', 'nope', { displayName: 'x' }, 'apiKeyTemplateId', 'UNKNOWN_TEMPLATE'],
    ['a missing name', 'anonymous-search', {}, 'displayName', 'REQUIRED'],
    ['a name over 125 characters', 'anonymous-search', { displayName: 'n'.repeat(126) }, 'displayName', 'MAX_LENGTH'],
    [
      'a description over 1000 characters',
      'anonymous-search',
      { displayName: 'x', description: 'd'.repeat(1001) },
      'description',
      'MAX_LENGTH',
    ],
    [
      'added privileges on a fixed template',
      'usage-analytics',
      { displayName: 'x', privileges: [{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' }] },
      'privileges',
      'TEMPLATE_PRIVILEGES_FIXED',
    ],
    [
      'a privilege forbidden in Custom',
      null,
      {
        displayName: 'x',
        lifetimeDuration: 'NEVER',
        privileges: [{ owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' }],
      },
      'privileges[0]',
      'FORBIDDEN_IN_CUSTOM',
    ],
    [
      'a privilege no key may hold',
      null,
      {
        displayName: 'x',
        lifetimeDuration: 'NEVER',
        privileges: [{ owner: 'PLATFORM', targetDomain: 'API_KEY', type: 'VIEW' }],
      },
      'privileges[0]',
      'NOT_ASSIGNABLE_TO_KEYS',
    ],
    [
      'an unknown privilege',
      null,
      { displayName: 'x', lifetimeDuration: 'NEVER', privileges: [{ owner: 'PLATFORM', targetDomain: 'NOPE' }] },
      'privileges[0]',
      'UNKNOWN_PRIVILEGE',
    ],
    [
      'a Custom key without privileges',
      null,
      { displayName: 'x', lifetimeDuration: 'NEVER' },
      'privileges',
      'PRIVILEGES_REQUIRED',
    ],
    [
      'a potent privilege without search hub',
      null,
      {
        displayName: 'x',
        lifetimeDuration: 'P1D',
        privileges: [{ owner: 'SEARCH_API', targetDomain: 'VIEW_ALL_CONTENT' }],
      },
      'additionalConfiguration.search.enforcedQueryPipelineConfiguration.searchHub',
      'SEARCH_HUB_REQUIRED',
    ],
    [
      'a commerce key with a search hub',
      'anonymous-search',
      {
        displayName: 'x',
        additionalConfiguration: {
          commerce: { catalogId: 'c' },
          search: { enforcedQueryPipelineConfiguration: { searchHub: 'h' } },
        },
      },
      'additionalConfiguration.search.enforcedQueryPipelineConfiguration.searchHub',
      'COMMERCE_WITH_SEARCH_HUB',
    ],
    [
      'a Custom key without expiration',
      null,
      { displayName: 'x', privileges: [{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' }] },
      'lifetimeDuration',
      'EXPIRATION_REQUIRED',
    ],
    [
      'View all content beyond 14 days',
      'view-all-content',
      {
        displayName: 'x',
        lifetimeDuration: 'P30D',
        additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'h' } } },
      },
      'lifetimeDuration',
      'EXPIRATION_RANGE',
    ],
    [
      'View all content without search hub',
      'view-all-content',
      { displayName: 'x', lifetimeDuration: 'P2D' },
      'additionalConfiguration.search.enforcedQueryPipelineConfiguration.searchHub',
      'SEARCH_HUB_REQUIRED',
    ],
    [
      'both lifetime and date',
      'anonymous-search',
      { displayName: 'x', lifetimeDuration: 'P1D', expirationDate: T0 + DAY_MS },
      'expirationDate',
      'EXPIRATION_CONFLICT',
    ],
    [
      'a malformed duration',
      'anonymous-search',
      { displayName: 'x', lifetimeDuration: 'P1X' },
      'lifetimeDuration',
      'INVALID_DURATION',
    ],
    [
      'an expiration in the past',
      'anonymous-search',
      { displayName: 'x', expirationDate: T0 - 2 * DAY_MS },
      'expirationDate',
      'EXPIRATION_IN_PAST',
    ],
    ['a private IP', 'push-api', { displayName: 'x', allowedIps: ['10.0.0.1'] }, 'allowedIps[0]', 'NON_PUBLIC'],
    ['an IP with a space', 'push-api', { displayName: 'x', deniedIps: ['203.0.113.1 '] }, 'deniedIps[0]', 'SPACES'],
    ['a malformed IP', 'push-api', { displayName: 'x', allowedIps: ['300.1.1.1'] }, 'allowedIps[0]', 'INVALID'],
    [
      'an unknown group',
      'anonymous-search',
      { displayName: 'x', groupsThatCanView: ['nogroup'] },
      'groupsThatCanView[0]',
      'UNKNOWN_GROUP',
    ],
  ];
  it.each(rules)('refuses %s with 422 naming the field and rule', async (_what, template, body, path, rule) => {
    const { status, problem } = await createStatus(template, body);
    expect(status).toBe(422);
    expect(problem.errorCode).toBe('INVALID_REQUEST');
    expect(problem.errors).toContainEqual(expect.objectContaining({ path, rule }));
  });

  const malformed: [string, unknown][] = [
    ['a name that is a number', { displayName: 42 }],
    ['privileges that are not a list', { displayName: 'x', privileges: 'all' }],
    ['IPs that are not strings', { displayName: 'x', allowedIps: [1] }],
    ['an array body', [{ displayName: 'x' }]],
    ['a date that is a string', { displayName: 'x', expirationDate: 'tomorrow' }],
  ];
  it.each(malformed)('answers 400 for %s', async (_what, body) => {
    const { status, problem } = await createStatus('anonymous-search', body);
    expect(status).toBe(400);
    expect(problem.errorCode).toBe('MALFORMED_REQUEST');
  });

  it('answers 400 for malformed JSON', async () => {
    const res = await ctx.call('POST', `${B}?apiKeyTemplateId=anonymous-search`, {
      token: ctx.adminToken,
      body: '{"displayName": ',
    });
    expect(res.status).toBe(400);
  });

  it('writes nothing (no key, no activity) when refused', async () => {
    await createStatus('anonymous-search', { displayName: '' });
    expect(await ctx.db.db.selectFrom('api_keys').selectAll().execute()).toHaveLength(0);
    expect(await ctx.db.db.selectFrom('activities').selectAll().execute()).toHaveLength(0);
  });
});

describe('GET B/{id}', () => {
  it('answers 404 for an unknown key and for a key of another organization', async () => {
    expect((await ctx.call('GET', `${B}/nosuchkey`, { token: ctx.adminToken })).status).toBe(404);
    await ctx.createOrganization('other');
    const theirs = await createInOther();
    expect((await ctx.call('GET', `${B}/${theirs}`, { token: ctx.adminToken })).status).toBe(404);
    expect((await ctx.call('PUT', `${B}/${theirs}/disable`, { token: ctx.adminToken })).status).toBe(404);
    expect((await ctx.call('DELETE', `${B}/${theirs}`, { token: ctx.adminToken })).status).toBe(404);
    expect(
      (await ctx.call('GET', `/rest/organizations/other/apikeys/${theirs}`, { token: ctx.adminToken })).status,
    ).toBe(403);
  });
});

/** A key in organization "other", created through its own administrator. */
async function createInOther(): Promise<string> {
  const admin = await ctx.userWith({
    apiKeyAccess: 'EDIT_ALL',
    org: 'other',
    privileges: [privilege('PLATFORM/API_KEY:CREATE')],
  });
  const res = await ctx.call('POST', '/rest/organizations/other/apikeys?apiKeyTemplateId=usage-analytics', {
    token: admin.token,
    body: { displayName: 'theirs' },
  });
  expect(res.status).toBe(201);
  return (await jsonOf<ApiKey>(res)).id;
}
