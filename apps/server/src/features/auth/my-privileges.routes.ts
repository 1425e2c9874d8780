import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { MyPrivilegesSchema } from '@keyward/contract';
import { requires } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonResponse, problemResponses } from '../../http/openapi.ts';
import { OrgParamsSchema } from '../../http/params.ts';

const myPrivilegesRoute = createRoute({
  method: 'get',
  path: '/rest/organizations/{org}/privileges/me',
  tags: ['Session'],
  summary: "The caller's privileges in the organization (a user's effective privileges, or an API key's own)",
  middleware: [requires({ apiKeys: 'allowed' })] as const,
  request: { params: OrgParamsSchema },
  responses: { 200: jsonResponse(MyPrivilegesSchema, 'The privileges'), ...problemResponses(401, 403) },
});

export function registerMyPrivilegesRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(myPrivilegesRoute, (c) => c.json(c.var.orgAccess.privileges, 200));
}
