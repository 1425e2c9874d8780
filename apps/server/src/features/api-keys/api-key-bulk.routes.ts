import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ApiKeyIdListSchema } from '@keyward/contract';
import type { AppEnv } from '../../http/context.ts';
import { OrgParamsSchema } from '../../http/params.ts';
import { jsonBody, problemResponses } from '../../http/openapi.ts';
import { BASE, callerOf, canEdit, tags } from './api-key-routing.ts';
import type { KeyServiceDeps } from './key-access.ts';
import { ACTIVATE, changeKeyStates, deleteApiKeys, DISABLE } from './api-key-state.service.ts';

// Bulk calls are all or nothing: one unknown key (404), one the caller can't edit (403) or one
// that can't change state (409) and none is changed.

const request = { params: OrgParamsSchema, body: jsonBody(ApiKeyIdListSchema, 'The ids of the keys') };

const deleteBulkRoute = createRoute({
  method: 'post',
  path: `${BASE}/delete/bulk`,
  tags,
  summary: 'Delete API keys',
  middleware: [canEdit] as const,
  request,
  responses: { 204: { description: 'Deleted' }, ...problemResponses(400, 401, 403, 404, 413) },
});

const activateBulkRoute = createRoute({
  method: 'put',
  path: `${BASE}/activate/bulk`,
  tags,
  summary: 'Reactivate API keys',
  middleware: [canEdit] as const,
  request,
  responses: { 204: { description: 'Activated' }, ...problemResponses(400, 401, 403, 404, 409, 413) },
});

const disableBulkRoute = createRoute({
  method: 'put',
  path: `${BASE}/disable/bulk`,
  tags,
  summary: 'Deactivate API keys',
  middleware: [canEdit] as const,
  request,
  responses: { 204: { description: 'Deactivated' }, ...problemResponses(400, 401, 403, 404, 409, 413) },
});

export function registerApiKeyBulkRoutes(app: OpenAPIHono<AppEnv>, deps: KeyServiceDeps): void {
  app.openapi(deleteBulkRoute, async (c) => {
    await deleteApiKeys(deps, callerOf(c), c.req.valid('json'));
    return c.body(null, 204);
  });

  app.openapi(activateBulkRoute, async (c) => {
    await changeKeyStates(deps, callerOf(c), c.req.valid('json'), ACTIVATE);
    return c.body(null, 204);
  });

  app.openapi(disableBulkRoute, async (c) => {
    await changeKeyStates(deps, callerOf(c), c.req.valid('json'), DISABLE);
    return c.body(null, 204);
  });
}
