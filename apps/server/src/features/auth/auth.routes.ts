import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  MeResponseSchema,
} from '@keyward/contract';
import { currentUser, requiresUser } from '../../http/access.ts';
import { clientAddress, isHttps } from '../../http/client-address.ts';
import type { Clock } from '../../clock.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import type { AppEnv } from '../../http/context.ts';
import { jsonBody, jsonResponse, problemResponses } from '../../http/openapi.ts';
import { ACCESS_TOKEN_LIFETIME_MS, login, logout, me } from './auth.service.ts';
import { changeOwnPassword } from './change-password.service.ts';
import { createLoginThrottle, type LoginLimits } from './login-throttle.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';

const tags = ['Session'];

const loginRoute = createRoute({
  method: 'post',
  path: '/rest/auth/login',
  tags,
  security: [],
  summary: 'Log in: answers an access token and sets the session cookie',
  request: { body: jsonBody(LoginRequestSchema) },
  responses: { 200: jsonResponse(LoginResponseSchema, 'Logged in'), ...problemResponses(400, 401, 413, 429) },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/rest/auth/logout',
  tags,
  summary: 'Log out: revokes the access token and clears the cookie',
  responses: { 204: { description: 'Logged out' }, ...problemResponses(401, 403) },
});

const meRoute = createRoute({
  method: 'get',
  path: '/rest/auth/me',
  tags,
  summary: 'The logged-in user, their organizations and privileges, and the CSRF token',
  middleware: [requiresUser] as const,
  responses: { 200: jsonResponse(MeResponseSchema, 'The session'), ...problemResponses(401, 403) },
});

const passwordRoute = createRoute({
  method: 'put',
  path: '/rest/auth/password',
  tags,
  summary: 'Change your own password (the current one is required); your other sessions are ended',
  middleware: [requiresUser] as const,
  request: { body: jsonBody(ChangePasswordRequestSchema) },
  responses: { 204: { description: 'Changed' }, ...problemResponses(400, 401, 403, 413, 422, 429) },
});

export function registerAuthRoutes(
  app: OpenAPIHono<AppEnv>,
  deps: { db: Db; clock: Clock; config: Pick<Config, 'trustProxy' | 'allowPrivateIps'> },
  limits?: LoginLimits,
): void {
  const throttle = createLoginThrottle(deps.db, deps.clock, limits);
  const trustProxy = deps.config.trustProxy;

  app.openapi(loginRoute, async (c) => {
    const session = await login(deps, throttle, c.req.valid('json'), clientAddress(c, trustProxy));
    setSessionCookie(c, session.accessToken, ACCESS_TOKEN_LIFETIME_MS / 1000, isHttps(c, trustProxy));
    c.header('Cache-Control', 'no-store');
    return c.json(session, 200);
  });

  app.openapi(logoutRoute, async (c) => {
    const principal = c.var.principal;
    if (principal?.kind === 'user') await logout(deps.db, principal);
    clearSessionCookie(c, isHttps(c, trustProxy));
    return c.body(null, 204);
  });

  app.openapi(passwordRoute, async (c) => {
    const principal = currentUser(c.var.principal);
    await changeOwnPassword(deps.db, throttle, principal, c.req.valid('json'), clientAddress(c, trustProxy));
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(
      await me(deps.db, currentUser(c.var.principal), { allowPrivateIps: deps.config.allowPrivateIps }),
      200,
    );
  });
}
