import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { VerifyRequestSchema, VerifyResponseSchema } from '@keyward/contract';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';
import { OrgParamsSchema } from '../../http/params.ts';
import { registerPrivilegeUsageRoutes } from './privilege-usage.routes.ts';
import { registerUsageRoutes, type UsageRouteDeps } from './usage.routes.ts';

const verifyRoute = createRoute({
  method: 'post',
  path: '/rest/organizations/{org}/apikeys/verify',
  tags: ['Verification'],
  summary: 'Verify a key presented to a service',
  description:
    'Answers whether the key may be used from `ip` (default: the caller) with the `privileges` and `searchHub` asked. ' +
    'The key itself is the credential: no other authentication is needed. Every call counts as a use of the key.',
  request: {
    params: OrgParamsSchema,
    body: jsonBody(VerifyRequestSchema),
  },
  responses: {
    200: jsonResponse(VerifyResponseSchema, 'The verdict'),
    ...problemResponses(400, 413),
  },
});

export function registerVerificationRoutes(app: OpenAPIHono<AppEnv>, deps: UsageRouteDeps): void {
  registerUsageRoutes(app, deps);
  registerPrivilegeUsageRoutes(app, deps);
  // Served by verify-fast-path.ts (node:http) and verify-endpoint.ts (Hono, before the generic middleware); documented here.
  app.openAPIRegistry.registerPath(verifyRoute);
}
