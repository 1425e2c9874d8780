import crypto from 'node:crypto';

/**
 * The headers the verification fast path sends besides Content-Type, Content-Length and
 * X-Request-Id, as a flat [name, value, …] list (node's fastest form). They must stay those of the
 * generic pipeline's API JSON answers (today: none; the security headers and `Cache-Control:
 * no-store` of the hardening work belong here too when they land, from the module that defines them).
 */
export const FAST_PATH_API_HEADERS: readonly string[] = [];

const REQUEST_ID_HEADER = 'x-request-id';
// Cheap and unique: a random prefix per process and a counter (hono/request-id would make a UUID each time).
const PREFIX = crypto.randomBytes(6).toString('base64url');
let counter = 0;

/** The caller's X-Request-Id when acceptable (the rule of hono/request-id), else a new one. */
export function requestIdFor(incoming: string | undefined): string {
  if (incoming && incoming.length <= 255 && !/[^\w\-=]/.test(incoming)) return incoming;
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `${PREFIX}-${counter.toString(36)}`;
}

/** Every header of a fast-path answer, flat, for `res.writeHead(status, headers)`. */
export function answerHeaders(contentType: string, contentLength: number, requestId: string): string[] {
  return [
    'content-type',
    contentType,
    'content-length',
    String(contentLength),
    REQUEST_ID_HEADER,
    requestId,
    ...FAST_PATH_API_HEADERS,
  ];
}
