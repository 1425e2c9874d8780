import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ApiKeySchema, ReplaceKeyRequestSchema, RotateKeyRequestSchema } from '@keyward/contract';
import { requires } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';
import { BASE, callerOf, KeyParamsSchema, tags } from '../api-keys/api-key-routing.ts';
import type { KeyServiceDeps } from '../api-keys/api-key-access.ts';
import { replaceApiKey } from './replace-key.service.ts';
import { rotateApiKey } from './rotation.service.ts';

/**
 * Rotating creates a key and changes the old one: API keys Create and Edit access to the old key, or
 * a security contact's privilege for an exposed key (domain rotateAuthority, checked by the service).
 */
const canRotate = requires({ keyAccess: 'VIEW' });

const rotateRoute = createRoute({
  method: 'post',
  path: `${BASE}/{id}/rotate`,
  tags,
  summary: 'Rotate an API key',
  middleware: [canRotate] as const,
  description:
    'Creates a new key with the settings of this one (the answer carries its `value`, shown once) and deactivates this one when ' +
    '`previousKeyExpirationPeriod` ends: an ISO-8601 duration from `PT0S` (now) to `P30D`. Only an active key that was not rotated yet. ' +
    'Requires API keys Create and Edit access to the key, or, for an exposed key, the security contact privilege (API_KEY_EXPOSURE:EDIT).',
  request: { params: KeyParamsSchema, body: jsonBody(RotateKeyRequestSchema) },
  responses: {
    201: jsonResponse(ApiKeySchema, 'The new key, with its value'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 422),
  },
});

/** Retiring a key changes only it: Edit access to it (and View access to its replacement). */
const canReplace = requires({ keyAccess: 'EDIT' });

const replaceRoute = createRoute({
  method: 'post',
  path: `${BASE}/{id}/replace`,
  tags,
  summary: 'Retire an API key in favour of another',
  middleware: [canReplace] as const,
  description:
    'After Create from existing: links this key to `replacementKeyId` (an active key of the organization) and deactivates it when ' +
    '`previousKeyExpirationPeriod` ends (`PT0S`: now, to `P30D`), as a rotation does. Only an active key that was not rotated yet.',
  request: { params: KeyParamsSchema, body: jsonBody(ReplaceKeyRequestSchema) },
  responses: { 204: { description: 'Scheduled' }, ...problemResponses(400, 401, 403, 404, 409, 413) },
});

export function registerRotationRoutes(app: OpenAPIHono<AppEnv>, deps: KeyServiceDeps): void {
  app.openapi(rotateRoute, async (c) => {
    const { id } = c.req.valid('param');
    const key = await rotateApiKey(deps, callerOf(c), id, c.req.valid('json').previousKeyExpirationPeriod);
    return c.json(key, 201);
  });
  app.openapi(replaceRoute, async (c) => {
    await replaceApiKey(deps, callerOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.body(null, 204);
  });
}
