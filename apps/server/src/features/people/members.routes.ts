import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { CreateMemberSchema, MemberListSchema, MemberSchema } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { requires } from '../../http/access.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';
import { createMember, listMembersOf } from './members.service.ts';
import { OrgParamsSchema } from '../../http/params.ts';

const tags = ['Members'];

const listRoute = createRoute({
  method: 'get',
  path: '/rest/organizations/{org}/members',
  tags,
  summary: 'List the members of the organization',
  middleware: [requires({ privileges: [REQUIRED_PRIVILEGES.viewGroups] })] as const,
  request: { params: OrgParamsSchema },
  responses: {
    200: jsonResponse(MemberListSchema, 'Users who belong to at least one group of the organization'),
    ...problemResponses(401, 403),
  },
});

const createMemberRoute = createRoute({
  method: 'post',
  path: '/rest/organizations/{org}/members',
  tags,
  summary: 'Create a user in some groups of the organization',
  middleware: [requires({ privileges: [REQUIRED_PRIVILEGES.editGroups] })] as const,
  request: { params: OrgParamsSchema, body: jsonBody(CreateMemberSchema) },
  responses: { 201: jsonResponse(MemberSchema, 'The new member'), ...problemResponses(400, 401, 403, 409, 413, 422) },
});

export function registerMemberRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  app.openapi(listRoute, async (c) => {
    const { org } = c.req.valid('param');
    return c.json(await listMembersOf(deps.db, org), 200);
  });

  app.openapi(createMemberRoute, async (c) => {
    const { org } = c.req.valid('param');
    return c.json(await createMember(deps.db, c.var.orgAccess, org, c.req.valid('json'), deps.clock.now()), 201);
  });
}
