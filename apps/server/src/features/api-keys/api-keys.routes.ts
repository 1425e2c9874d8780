import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  ApiKeyListQuerySchema,
  ApiKeyListSchema,
  ApiKeySchema,
  CreateApiKeyQuerySchema,
  CreateApiKeyRequestSchema,
  UpdateApiKeyRequestSchema,
} from '@keyward/contract';
import { z } from 'zod';
import type { AppEnv } from '../../http/context.ts';
import { OrgParamsSchema } from '../../http/params.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';
import { registerApiKeyActionRoutes } from './api-key-actions.routes.ts';
import { registerApiKeyBulkRoutes } from './api-key-bulk.routes.ts';
import { BASE, callerOf, canCreate, canEdit, canView, KeyParamsSchema, tags } from './api-key-routing.ts';
import type { KeyServiceDeps } from './key-access.ts';
import { deleteApiKeys } from './api-key-state.service.ts';
import { getApiKey, listApiKeys } from './api-keys.service.ts';
import { createApiKey } from './create-api-key.service.ts';
import { updateApiKey } from './update-api-key.service.ts';

const listRoute = createRoute({
  method: 'get',
  path: BASE,
  tags,
  summary: 'List API keys (values masked)',
  middleware: [canView] as const,
  description:
    'Filtered, searched, sorted and paged on the server. Without `page`, every matching key. The total is in `X-Total-Count`.',
  request: { params: OrgParamsSchema, query: ApiKeyListQuerySchema },
  responses: {
    200: { ...jsonResponse(ApiKeyListSchema, 'The page of keys'), headers: z.object({ 'X-Total-Count': z.string() }) },
    ...problemResponses(400, 401, 403),
  },
});

const createKeyRoute = createRoute({
  method: 'post',
  path: BASE,
  tags,
  summary: 'Create an API key',
  middleware: [canCreate] as const,
  description:
    'From the template `apiKeyTemplateId` (default: Custom). The answer carries the full `value`: the only time it is shown.',
  request: { params: OrgParamsSchema, query: CreateApiKeyQuerySchema, body: jsonBody(CreateApiKeyRequestSchema) },
  responses: {
    201: jsonResponse(ApiKeySchema, 'The new key, with its value'),
    ...problemResponses(400, 401, 403, 413, 422),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: `${BASE}/{id}`,
  tags,
  summary: 'Get an API key (value masked)',
  middleware: [canView] as const,
  request: { params: KeyParamsSchema },
  responses: { 200: jsonResponse(ApiKeySchema, 'The key'), ...problemResponses(401, 403, 404) },
});

const updateRoute = createRoute({
  method: 'put',
  path: `${BASE}/{id}`,
  tags,
  summary: 'Edit an API key',
  middleware: [canEdit] as const,
  description:
    'The whole model may be sent. Name, description, allowed and denied IPs, search hub and access apply; ' +
    'privileges and expiration cannot be edited (identical values are ignored, others are refused with 422); other fields are ignored.',
  request: { params: KeyParamsSchema, body: jsonBody(UpdateApiKeyRequestSchema) },
  responses: { 204: { description: 'Saved' }, ...problemResponses(400, 401, 403, 404, 413, 422) },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: `${BASE}/{id}`,
  tags,
  summary: 'Delete an API key',
  middleware: [canEdit] as const,
  request: { params: KeyParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404) },
});

/** Every route of the API keys feature (these, the per-key actions and the bulk calls). */
export function registerApiKeyRoutes(app: OpenAPIHono<AppEnv>, deps: KeyServiceDeps): void {
  registerApiKeyBulkRoutes(app, deps);
  registerApiKeyActionRoutes(app, deps);
  app.openapi(listRoute, async (c) => {
    const { items, total } = await listApiKeys(deps, callerOf(c), c.req.valid('query'));
    c.header('X-Total-Count', String(total));
    return c.json(items, 200);
  });

  app.openapi(createKeyRoute, async (c) => {
    const key = await createApiKey(deps, callerOf(c), c.req.valid('query').apiKeyTemplateId, c.req.valid('json'));
    return c.json(key, 201);
  });

  app.openapi(getRoute, async (c) => c.json(await getApiKey(deps, callerOf(c), c.req.valid('param').id), 200));

  app.openapi(updateRoute, async (c) => {
    await updateApiKey(deps, callerOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.body(null, 204);
  });

  app.openapi(deleteRoute, async (c) => {
    await deleteApiKeys(deps, callerOf(c), [c.req.valid('param').id]);
    return c.body(null, 204);
  });
}
