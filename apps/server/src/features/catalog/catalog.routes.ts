import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  ApiKeyTemplateListSchema,
  ApiKeyTemplateSchema,
  AssignablePrivilegeListSchema,
  AssignablePrivilegeQuerySchema,
} from '@keyward/contract';
import { z } from 'zod';
import { requires } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { OrgParamsSchema } from '../../http/params.ts';
import { jsonResponse, problemResponses } from '../../http/openapi.ts';
import { findTemplate, listAssignablePrivileges, listTemplates } from './catalog.service.ts';

const canView = requires({ keyAccess: 'VIEW' });

const listTemplatesRoute = createRoute({
  method: 'get',
  path: '/rest/organizations/{org}/templates/apikeys',
  tags: ['API key templates'],
  summary: 'List the API key templates',
  middleware: [canView] as const,
  request: { params: OrgParamsSchema },
  responses: { 200: jsonResponse(ApiKeyTemplateListSchema, 'Every template'), ...problemResponses(401, 403) },
});

const getTemplateRoute = createRoute({
  method: 'get',
  path: '/rest/organizations/{org}/templates/apikeys/{id}',
  tags: ['API key templates'],
  summary: 'Get an API key template',
  middleware: [canView] as const,
  request: { params: OrgParamsSchema.extend({ id: z.string().min(1).max(100) }) },
  responses: { 200: jsonResponse(ApiKeyTemplateSchema, 'The template'), ...problemResponses(401, 403, 404) },
});

const privilegesRoute = createRoute({
  method: 'get',
  path: '/rest/organizations/{org}/privileges/apikeys',
  tags: ['API key templates'],
  summary: 'List the privileges an API key may hold',
  middleware: [canView] as const,
  description: 'ALL (default): every privilege an API key may hold; CUSTOM: those a Custom key may hold.',
  request: { params: OrgParamsSchema, query: AssignablePrivilegeQuerySchema },
  responses: { 200: jsonResponse(AssignablePrivilegeListSchema, 'The privileges'), ...problemResponses(400, 401, 403) },
});

export function registerCatalogRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listTemplatesRoute, (c) => c.json(listTemplates(), 200));
  app.openapi(getTemplateRoute, (c) => c.json(findTemplate(c.req.valid('param').id), 200));
  app.openapi(privilegesRoute, (c) => c.json(listAssignablePrivileges(c.req.valid('query').filter ?? 'ALL'), 200));
}
