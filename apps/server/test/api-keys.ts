import { expect } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { ORG, type TestContext } from './harness.ts';

export const B = `/rest/organizations/${ORG}/apikeys`;

export async function jsonOf<T = unknown>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** A valid create body per template (Custom needs privileges and an expiration). */
export const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'anonymous-search': {
    displayName: 'Search page',
    additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'main' } } },
  },
  'view-all-content': {
    displayName: 'Troubleshooting',
    lifetimeDuration: 'P7D',
    additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'support' } } },
  },
  'push-api': { displayName: 'Connector', sourceIds: ['src-a', 'src-b'], allowedIps: ['203.0.113.0/24'] },
  custom: {
    displayName: 'Reports',
    privileges: [{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' }],
    lifetimeDuration: 'NEVER',
  },
};

export async function createKey(
  ctx: TestContext,
  template = 'anonymous-search',
  overrides: Record<string, unknown> = {},
  token = ctx.adminToken,
): Promise<ApiKey> {
  const query = template === 'custom' ? '' : `?apiKeyTemplateId=${template}`;
  const res = await ctx.call('POST', `${B}${query}`, { token, body: { ...VALID_BODIES[template], ...overrides } });
  const body = await jsonOf<ApiKey>(res);
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body;
}

export async function getKey(ctx: TestContext, id: string, token = ctx.adminToken): Promise<ApiKey> {
  const res = await ctx.call('GET', `${B}/${id}`, { token });
  expect(res.status).toBe(200);
  return jsonOf<ApiKey>(res);
}

export async function activitiesOf(
  ctx: TestContext,
  resourceId?: string,
): Promise<{ operation: string; content: Record<string, unknown>; resourceId: string }[]> {
  const res = await ctx.call('POST', `/rest/organizations/${ORG}/activities/public?perPage=1000`, {
    token: ctx.adminToken,
    body: resourceId ? { resourceIds: [resourceId] } : {},
  });
  expect(res.status).toBe(200);
  return (await jsonOf<{ items: never[] }>(res)).items;
}

/** Moves the test clock; the administrator's access token (4 hours) is renewed. */
export async function advanceTo(ctx: TestContext, epochMs: number): Promise<void> {
  ctx.clock.set(epochMs);
  ctx.adminToken = await ctx.tokenFor(ctx.adminId);
}
