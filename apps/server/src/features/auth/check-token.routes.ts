import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { CheckTokenRequestSchema, CheckTokenResponseSchema } from '@keyward/contract';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonResponse, problemResponses } from '../../http/openapi.ts';
import { checkToken } from './auth.service.ts';

const checkTokenRoute = createRoute({
  method: 'post',
  path: '/oauth/check_token',
  tags: ['Session'],
  summary: "Describe an access token (what @coveo/platform-client's initialize() calls)",
  request: {
    body: {
      required: true,
      content: {
        'application/x-www-form-urlencoded': { schema: CheckTokenRequestSchema },
        'multipart/form-data': { schema: CheckTokenRequestSchema },
      },
    },
  },
  responses: { 200: jsonResponse(CheckTokenResponseSchema, 'The token is valid'), ...problemResponses(400, 401, 413) },
});

export function registerCheckTokenRoutes(app: OpenAPIHono<AppEnv>, deps: { db: Db; clock: Clock }): void {
  app.openapi(checkTokenRoute, async (c) => {
    const { token } = c.req.valid('form');
    c.header('Cache-Control', 'no-store');
    return c.json(await checkToken(deps, token), 200);
  });
}
