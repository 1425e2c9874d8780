import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { logAccess, type AccessEntry, type Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { AppEnv } from './context.ts';
import type { Principal } from './principal.ts';
import { setResponseHeader } from './response-headers.ts';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's own request id is kept when it is short and plain (a proxy's or a client's correlation id). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Request ids: a random prefix per process and a counter (unique enough to find a request, no crypto per request). */
export function requestIdGenerator(): () => string {
  const prefix = randomBytes(5).toString('hex');
  let counter = 0;
  return () => {
    counter += 1;
    return `${prefix}-${counter.toString(36)}`;
  };
}

/** The caller's X-Request-Id when it is short and plain, else a new one. */
export function requestIdFrom(incoming: string | undefined | null, next: () => string): string {
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : next();
}

/** The route pattern that answered ("/rest/organizations/:org/apikeys/:id"), never the raw path. */
export function routeOf(c: Context, status: number): string {
  const route = routePath(c) || '(none)';
  return status === 404 &&
    (route === '*' || route.endsWith('/*')) &&
    !c.res.headers.get('content-type')?.includes('html')
    ? '(unmatched)'
    : route;
}

function withPrincipal(entry: AccessEntry, principal: Principal | null | undefined): AccessEntry {
  if (!principal) return entry;
  if (principal.kind === 'user') {
    entry.principalKind = 'user';
    entry.principalId = principal.userId;
  } else {
    entry.principalKind = 'apiKey';
    entry.principalId = principal.keyId;
  }
  return entry;
}

/**
 * Gives every request an id (c.var.requestId, and the X-Request-Id header of the answer), then
 * writes one access log line and the request metrics. Logs the method, route pattern, status,
 * duration and who called (kind and id): never the path, query, headers or body, which may carry
 * a key value or a token.
 */
export function requestLog(logger: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  const nextId = requestIdGenerator();
  return async (c, next) => {
    const started = performance.now();
    const id = requestIdFrom(c.req.header(REQUEST_ID_HEADER), nextId);
    c.set('requestId', id);
    await next();
    setResponseHeader(c, REQUEST_ID_HEADER, id);
    const seconds = (performance.now() - started) / 1000;
    const status = c.res.status;
    const route = routeOf(c, status);
    metrics.observeRequest(c.req.method, route, status, seconds);
    if (logger.isLevelEnabled('info')) {
      const entry = { reqId: id, method: c.req.method, route, status, durationMs: Math.round(seconds * 1e4) / 10 };
      logAccess(logger, withPrincipal(entry, c.var.principal));
    }
  };
}
