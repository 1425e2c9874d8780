import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { UsageResponseSchema, type UsageResponse } from '@keyward/contract';
import { DAY_MS, utcDateString } from '@keyward/domain';
import { z } from 'zod';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonResponse, problemResponses } from '../../http/openapi.ts';
import { BASE, callerOf, canView, KeyParamsSchema } from '../api-keys/api-key-routing.ts';
import { loadKey } from '../api-keys/api-keys.service.ts';
import type { UsageBuffer } from './usage-buffer.ts';

export interface UsageRouteDeps {
  db: Db;
  clock: Clock;
  usage: Pick<UsageBuffer, 'flush'>;
}

const usageRoute = createRoute({
  method: 'get',
  path: `${BASE}/{id}/usage`,
  tags: ['API keys'],
  summary: 'Daily usage of an API key',
  description:
    'Allowed and denied uses per UTC day (oldest first, days without use included), the last use and its address.',
  middleware: [canView] as const,
  request: { params: KeyParamsSchema, query: z.object({ days: z.coerce.number().int().min(1).max(366).default(30) }) },
  responses: { 200: jsonResponse(UsageResponseSchema, 'Usage'), ...problemResponses(400, 401, 403, 404) },
});

export function registerUsageRoutes(app: OpenAPIHono<AppEnv>, deps: UsageRouteDeps): void {
  app.openapi(usageRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { days } = c.req.valid('query');
    await deps.usage.flush();
    const { row } = await loadKey(deps.db, callerOf(c), id, 'VIEW');
    return c.json(await usageOf(deps, row.id, days, row.last_used_date, row.last_used_ip), 200);
  });
}

async function usageOf(
  deps: Pick<UsageRouteDeps, 'db' | 'clock'>,
  keyId: string,
  days: number,
  lastUsedDate: number | null,
  lastUsedIp: string | null,
): Promise<UsageResponse> {
  const now = deps.clock.now();
  const dates = Array.from({ length: days }, (_, i) => utcDateString(now - (days - 1 - i) * DAY_MS));
  const rows = await deps.db
    .selectFrom('api_key_usage_daily')
    .select(['day', 'allowed', 'denied', 'by_code_json'])
    .where('api_key_id', '=', keyId)
    .where('day', '>=', dates[0] as string)
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return {
    lastUsedDate,
    lastUsedIp,
    days: dates.map((date) => {
      const r = byDay.get(date);
      return {
        date,
        allowed: r?.allowed ?? 0,
        denied: r?.denied ?? 0,
        byCode: r ? (JSON.parse(r.by_code_json) as Record<string, number>) : {},
      };
    }),
  };
}
