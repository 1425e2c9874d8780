import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { NotificationListQuerySchema, NotificationSchema } from '@keyward/contract';
import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import { z } from 'zod';
import { requires } from '../../http/access.ts';
import type { Db } from '../../db/database.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonResponse, problemResponses } from '../../http/openapi.ts';
import { OrgParamsSchema } from '../../http/params.ts';
import { listNotifications } from './notifications.service.ts';

/** The outbox names keys and what happens to them, as the activity log does: the same privilege. */
const canView = requires({ privileges: [REQUIRED_PRIVILEGES.viewActivities] });

const listRoute = createRoute({
  method: 'get',
  path: '/rest/organizations/{org}/notifications',
  tags: ['Notifications'],
  summary: 'List the e-mail notifications (the outbox)',
  description:
    'Newest first; `page` is 0-based (default 0), `perPage` at most 500 (default 50); the total is in `X-Total-Count`. ' +
    'Status: PENDING (to be sent, retried with backoff while SMTP fails), SENT, HELD (no SMTP server configured), FAILED (refused).',
  middleware: [canView] as const,
  request: { params: OrgParamsSchema, query: NotificationListQuerySchema },
  responses: {
    200: {
      ...jsonResponse(z.array(NotificationSchema), 'One page of notifications'),
      headers: z.object({ 'X-Total-Count': z.string() }),
    },
    ...problemResponses(400, 401, 403),
  },
});

export function registerNotificationRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db }): void {
  app.openapi(listRoute, async (c) => {
    const { org } = c.req.valid('param');
    const { items, total } = await listNotifications(deps.db, org, c.req.valid('query'));
    c.header('X-Total-Count', String(total));
    return c.json(items, 200);
  });
}
