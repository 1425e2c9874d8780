import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { GroupInputSchema, GroupListSchema, GroupSchema, GroupUpdateSchema } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { requires } from '../../http/access.ts';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';
import {
  createGroup,
  listGroupsOf,
  removeGroup,
  updateGroupOf,
  requireGroup,
  toGroupDto,
  type BeforeGroupDelete,
} from './groups.service.ts';
import { AppError } from '../../http/problem.ts';
import { OrgParamsSchema } from '../../http/params.ts';
import { GroupParamsSchema } from './params.ts';

const canView = requires({ privileges: [REQUIRED_PRIVILEGES.viewGroups] });
const canEdit = requires({ privileges: [REQUIRED_PRIVILEGES.editGroups] });
const tags = ['Groups'];

const listRoute = createRoute({
  method: 'get',
  path: '/rest/organizations/{org}/groups',
  tags,
  summary: 'List the groups',
  middleware: [canView] as const,
  request: { params: OrgParamsSchema },
  responses: { 200: jsonResponse(GroupListSchema, 'The groups of the organization'), ...problemResponses(401, 403) },
});

const createGroupRoute = createRoute({
  method: 'post',
  path: '/rest/organizations/{org}/groups',
  tags,
  summary: 'Create a group',
  middleware: [canEdit] as const,
  request: { params: OrgParamsSchema, body: jsonBody(GroupInputSchema) },
  responses: { 201: jsonResponse(GroupSchema, 'The new group'), ...problemResponses(400, 401, 403, 409, 413, 422) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/rest/organizations/{org}/groups/{id}',
  tags,
  summary: 'Get a group',
  middleware: [canView] as const,
  request: { params: GroupParamsSchema },
  responses: { 200: jsonResponse(GroupSchema, 'The group'), ...problemResponses(401, 403, 404) },
});

const replaceRoute = createRoute({
  method: 'put',
  path: '/rest/organizations/{org}/groups/{id}',
  tags,
  summary: 'Change a group (name, API-key access, privileges)',
  middleware: [canEdit] as const,
  request: { params: GroupParamsSchema, body: jsonBody(GroupUpdateSchema) },
  responses: {
    200: jsonResponse(GroupSchema, 'The group as changed'),
    ...problemResponses(400, 401, 403, 404, 409, 413, 422),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/rest/organizations/{org}/groups/{id}',
  tags,
  summary: 'Delete a group (not a built-in one)',
  middleware: [canEdit] as const,
  request: { params: GroupParamsSchema },
  responses: { 204: { description: 'Deleted' }, ...problemResponses(401, 403, 404, 409) },
});

export function registerGroupRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: { db: Db; clock: Clock; beforeGroupDelete?: BeforeGroupDelete },
): void {
  app.openapi(listRoute, async (c) => {
    const { org } = c.req.valid('param');
    return c.json(await listGroupsOf(deps.db, org), 200);
  });

  app.openapi(createGroupRoute, async (c) => {
    const { org } = c.req.valid('param');
    return c.json(await createGroup(deps.db, c.var.orgAccess, org, c.req.valid('json'), deps.clock.now()), 201);
  });

  app.openapi(getRoute, async (c) => {
    const { org, id } = c.req.valid('param');
    return c.json(toGroupDto(await requireGroup(deps.db, org, id)), 200);
  });

  app.openapi(replaceRoute, async (c) => {
    const { org, id } = c.req.valid('param');
    return c.json(await updateGroupOf(deps.db, c.var.orgAccess, org, id, c.req.valid('json')), 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const { org, id } = c.req.valid('param');
    const principal = c.var.principal;
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Authentication is required.');
    await removeGroup(
      deps.db,
      { organizationId: org, groupId: id, principal, now: deps.clock.now() },
      deps.beforeGroupDelete,
    );
    return c.body(null, 204);
  });
}
