import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  PrivilegeUsageQuerySchema,
  PrivilegeUsageResponseSchema,
  type PrivilegeUsageResponse,
} from '@keyward/contract';
import { DAY_MS, privilegeUsageId, utcDateString, type Privilege } from '@keyward/domain';
import type { AppEnv } from '../../http/context.ts';
import type { UsageRouteDeps } from './usage.routes.ts';
import { jsonResponse, problemResponses } from '../../http/openapi.ts';
import { BASE, callerOf, canView, KeyParamsSchema } from '../api-keys/api-key-routing.ts';
import { loadKey } from '../api-keys/api-keys.service.ts';

const privilegeUsageRoute = createRoute({
  method: 'get',
  path: `${BASE}/{id}/privileges/usage`,
  tags: ['API keys'],
  summary: 'When each privilege of an API key was last exercised',
  description:
    "Each of the key's privileges with the last time, within the last `days` UTC days (default 90), that a " +
    'verification asked for it (and the key held it) or a REST call made with the key required it; ' +
    '`lastExercisedDate` is null when it was not exercised in that window (the least-privilege hint).',
  middleware: [canView] as const,
  request: { params: KeyParamsSchema, query: PrivilegeUsageQuerySchema },
  responses: {
    200: jsonResponse(PrivilegeUsageResponseSchema, "The key's privileges, in the key's order"),
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerPrivilegeUsageRoutes(app: OpenAPIHono<AppEnv>, deps: UsageRouteDeps): void {
  app.openapi(privilegeUsageRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { days } = c.req.valid('query');
    await deps.usage.flush();
    const { row } = await loadKey(deps.db, callerOf(c), id, 'VIEW');
    const privileges = JSON.parse(row.privileges_json) as Privilege[];
    return c.json(await privilegeUsageOf(deps, row.id, privileges, days), 200);
  });
}

async function privilegeUsageOf(
  deps: UsageRouteDeps,
  keyId: string,
  privileges: readonly Privilege[],
  days: number,
): Promise<PrivilegeUsageResponse> {
  const firstDay = utcDateString(deps.clock.now() - (days - 1) * DAY_MS);
  const rows = await deps.db
    .selectFrom('api_key_privilege_usage')
    .select(['privilege', (eb) => eb.fn.max('last_exercised_date').as('last')])
    .where('api_key_id', '=', keyId)
    .where('day', '>=', firstDay)
    .groupBy('privilege')
    .execute();
  const last = new Map(rows.map((r) => [r.privilege, Number(r.last)]));
  return privileges.map((p) => ({
    owner: p.owner,
    targetDomain: p.targetDomain,
    ...(p.type === undefined ? {} : { type: p.type }),
    ...(p.targetId === undefined ? {} : { targetId: p.targetId }),
    lastExercisedDate: last.get(privilegeUsageId(p)) ?? null,
  }));
}
