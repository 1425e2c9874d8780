import type { MiddlewareHandler } from 'hono';
import { setResponseHeader } from './response-headers.ts';

/**
 * API answers are never stored by a browser or a proxy: some carry a key value (create, duplicate,
 * rotate) or a token (login), and the others describe an organization's keys. A route that wants
 * caching (the documentation's assets) says so itself; everything else gets `no-store`.
 */
export const noStoreByDefault: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) setResponseHeader(c, 'Cache-Control', 'no-store');
};
