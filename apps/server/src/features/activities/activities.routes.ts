import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ActivityFiltersSchema, ActivityListQuerySchema, ActivityPageSchema } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { requires } from '../../http/access.ts';
import type { Db } from '../../db/database.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonResponse, problemResponses } from '../../http/openapi.ts';
import { OrgParamsSchema } from '../../http/params.ts';
import { listActivities } from './activities.service.ts';

const listRoute = createRoute({
  method: 'post',
  path: '/rest/organizations/{org}/activities/public',
  tags: ['Activities'],
  summary: 'List activities, newest first',
  description: 'Every change to an API key, with who did it, when, and a before/after of the changed fields.',
  middleware: [requires({ privileges: [REQUIRED_PRIVILEGES.viewActivities] })] as const,
  request: {
    params: OrgParamsSchema,
    query: ActivityListQuerySchema,
    body: { required: false, content: { 'application/json': { schema: ActivityFiltersSchema } } },
  },
  responses: {
    200: jsonResponse(ActivityPageSchema, 'One page of activities'),
    ...problemResponses(400, 401, 403),
  },
});

export function registerActivityRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }): void {
  app.openapi(listRoute, async (c) => {
    const { org } = c.req.valid('param');
    const page = await listActivities(deps.db, org, c.req.valid('query'), c.req.valid('json'));
    return c.json(page, 200);
  });
}
