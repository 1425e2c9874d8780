import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ApiKeySchema, DuplicateApiKeyRequestSchema } from '@keyward/contract';
import type { AppEnv } from '../../http/context.ts';
import { jsonResponse, problemResponses } from '../../http/openapi.ts';
import { BASE, callerOf, canDuplicate, canEdit, KeyParamsSchema, tags } from './api-key-routing.ts';
import type { KeyServiceDeps } from './key-access.ts';
import { ACTIVATE, changeKeyStates, DISABLE, EXTEND } from './api-key-state.service.ts';
import { duplicateApiKey } from './duplicate-api-key.service.ts';

// A body sent to activate, disable or extend (the platform client's toggle sends the whole model)
// is ignored.

const activateRoute = createRoute({
  method: 'put',
  path: `${BASE}/{id}/activate`,
  tags,
  summary: 'Reactivate an API key',
  middleware: [canEdit] as const,
  description:
    'Allowed for keys disabled by a person, except Custom keys; never for expired keys or keys deactivated because exposed (409).',
  request: { params: KeyParamsSchema },
  responses: { 204: { description: 'Activated' }, ...problemResponses(401, 403, 404, 409) },
});

const disableRoute = createRoute({
  method: 'put',
  path: `${BASE}/{id}/disable`,
  tags,
  summary: 'Deactivate an API key',
  middleware: [canEdit] as const,
  description: 'Takes effect immediately. A key that is already deactivated answers 409.',
  request: { params: KeyParamsSchema },
  responses: { 204: { description: 'Deactivated' }, ...problemResponses(401, 403, 404, 409) },
});

const extendRoute = createRoute({
  method: 'put',
  path: `${BASE}/{id}/activation/extend`,
  tags,
  summary: 'Keep an API key active for a year',
  middleware: [canEdit] as const,
  description:
    'Resets the activation date to now, so the key is deactivated for inactivity one year after its next use (or now).',
  request: { params: KeyParamsSchema },
  responses: { 204: { description: 'Extended' }, ...problemResponses(401, 403, 404, 409) },
});

const duplicateRoute = createRoute({
  method: 'put',
  path: `${BASE}/{id}/duplicate`,
  tags,
  summary: 'Create an API key from an existing one',
  middleware: [canDuplicate] as const,
  description: 'Same template, privileges, IPs, configuration and access; the original is unchanged.',
  request: {
    params: KeyParamsSchema,
    body: { required: false, content: { 'application/json': { schema: DuplicateApiKeyRequestSchema } } },
  },
  responses: {
    201: jsonResponse(ApiKeySchema, 'The new key, with its value'),
    ...problemResponses(400, 401, 403, 404, 413, 422),
  },
});

export function registerApiKeyActionRoutes(app: OpenAPIHono<AppEnv>, deps: KeyServiceDeps): void {
  app.openapi(activateRoute, async (c) => {
    await changeKeyStates(deps, callerOf(c), [c.req.valid('param').id], ACTIVATE);
    return c.body(null, 204);
  });

  app.openapi(disableRoute, async (c) => {
    await changeKeyStates(deps, callerOf(c), [c.req.valid('param').id], DISABLE);
    return c.body(null, 204);
  });

  app.openapi(extendRoute, async (c) => {
    await changeKeyStates(deps, callerOf(c), [c.req.valid('param').id], EXTEND);
    return c.body(null, 204);
  });

  app.openapi(duplicateRoute, async (c) => {
    const key = await duplicateApiKey(deps, callerOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json(key, 201);
  });
}
