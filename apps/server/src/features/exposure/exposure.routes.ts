import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ApiKeySchema, ReportExposureRequestSchema } from '@keyward/contract';
import type { AppEnv } from '../../http/context.ts';
import type { Db } from '../../db/database.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';
import { BASE, callerOf, KeyParamsSchema } from '../api-keys/api-key-routing.ts';
import { toDtos } from '../api-keys/api-keys.service.ts';
import { canManageExposures, canReportExposure } from './exposure-access.ts';
import { dismissExposure, reportExposure, type ExposureDeps } from './exposure.service.ts';

const tags = ['Exposure'];

const reportRoute = (db: Db) =>
  createRoute({
    method: 'post',
    path: `${BASE}/{id}/exposure`,
    tags,
    summary: 'Report an API key as exposed',
    middleware: [...canReportExposure(db)] as const,
    description:
      "Adds a reason to the key's exposure report. The report keeps the most severe severity and the earliest deactivation date: " +
      'CRITICAL deactivates now, HIGH in 2 days, MEDIUM in 7, LOW in 30; WARN is a warning only. ' +
      'Requires PLATFORM/API_KEY_EXPOSURE:EDIT, or Edit access to the key. Administrators and the security contact are e-mailed.',
    request: { params: KeyParamsSchema, body: jsonBody(ReportExposureRequestSchema) },
    responses: {
      200: jsonResponse(ApiKeySchema, 'The key, with its exposure report'),
      ...problemResponses(400, 401, 403, 404, 413),
    },
  });

const dismissRoute = createRoute({
  method: 'delete',
  path: `${BASE}/{id}/exposure`,
  tags,
  summary: 'Dismiss an exposure report',
  middleware: [canManageExposures] as const,
  description:
    'By a security contact or an administrator (PLATFORM/API_KEY_EXPOSURE:EDIT), only while the key is still active (409 otherwise).',
  request: { params: KeyParamsSchema },
  responses: { 204: { description: 'Dismissed' }, ...problemResponses(401, 403, 404, 409) },
});

export function registerExposureRoutes(app: OpenAPIHono<AppEnv>, deps: ExposureDeps): void {
  app.openapi(reportRoute(deps.db), async (c) => {
    const { org, id } = c.req.valid('param');
    const body = c.req.valid('json');
    const caller = callerOf(c);
    const input = { severity: body.severity, reason: body.reason, source: 'MANUAL' as const, url: body.url ?? null };
    const row = await reportExposure(deps, org, id, input, caller.actor);
    const [dto] = await toDtos(deps.db, caller, [row], deps.clock.now());
    return c.json(dto as NonNullable<typeof dto>, 200);
  });

  app.openapi(dismissRoute, async (c) => {
    const { org, id } = c.req.valid('param');
    await dismissExposure(deps, org, id, callerOf(c).actor);
    return c.body(null, 204);
  });
}
