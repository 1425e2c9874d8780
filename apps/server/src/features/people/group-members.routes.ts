import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { AddGroupMemberSchema, MemberListSchema, MemberSchema } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { requires } from '../../http/access.ts';
import type { Db } from '../../db/database.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';
import { addMemberToGroup, listMembersOfGroup, removeMemberFromGroup } from './group-members.service.ts';
import { GroupMemberParamsSchema, GroupParamsSchema } from './params.ts';

const canView = requires({ privileges: [REQUIRED_PRIVILEGES.viewGroups] });
const canEdit = requires({ privileges: [REQUIRED_PRIVILEGES.editGroups] });
const tags = ['Groups'];

const listRoute = createRoute({
  method: 'get',
  path: '/rest/organizations/{org}/groups/{id}/members',
  tags,
  summary: 'List the members of a group',
  middleware: [canView] as const,
  request: { params: GroupParamsSchema },
  responses: { 200: jsonResponse(MemberListSchema, 'The members'), ...problemResponses(401, 403, 404) },
});

const addRoute = createRoute({
  method: 'post',
  path: '/rest/organizations/{org}/groups/{id}/members',
  tags,
  summary: 'Add an existing user to a group',
  middleware: [canEdit] as const,
  request: { params: GroupParamsSchema, body: jsonBody(AddGroupMemberSchema) },
  responses: {
    201: jsonResponse(MemberSchema, 'Added'),
    200: jsonResponse(MemberSchema, 'Already a member: nothing changed'),
    ...problemResponses(400, 401, 403, 404, 413),
  },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/rest/organizations/{org}/groups/{id}/members/{userId}',
  tags,
  summary: 'Remove a member from a group',
  middleware: [canEdit] as const,
  request: { params: GroupMemberParamsSchema },
  responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404, 409) },
});

export function registerGroupMemberRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }): void {
  app.openapi(listRoute, async (c) => {
    const { org, id } = c.req.valid('param');
    return c.json(await listMembersOfGroup(deps.db, org, id), 200);
  });

  app.openapi(addRoute, async (c) => {
    const { org, id } = c.req.valid('param');
    const { member, added } = await addMemberToGroup(deps.db, c.var.orgAccess, org, id, c.req.valid('json'));
    return added ? c.json(member, 201) : c.json(member, 200);
  });

  app.openapi(removeRoute, async (c) => {
    const { org, id, userId } = c.req.valid('param');
    await removeMemberFromGroup(deps.db, org, id, userId);
    return c.body(null, 204);
  });
}
