import { requestIdFrom, requestIdGenerator } from '../../http/request-log.ts';
import { API_SECURITY_HEADERS, HSTS_HEADER } from '../../http/security-headers.ts';

/**
 * The headers the verification fast path sends besides Content-Type, Content-Length and
 * X-Request-Id, as a flat [name, value, …] list (node's fastest form): those of the generic
 * pipeline's API answers: the API security headers and `Cache-Control: no-store` (a test keeps them equal).
 */
export const FAST_PATH_API_HEADERS: readonly string[] = [
  ...Object.entries(API_SECURITY_HEADERS).flat(),
  'Cache-Control',
  'no-store',
];
const FAST_PATH_HTTPS_HEADERS: readonly string[] = [...FAST_PATH_API_HEADERS, ...HSTS_HEADER];

const REQUEST_ID_HEADER = 'x-request-id';
const nextRequestId = requestIdGenerator();

/** The caller's X-Request-Id when acceptable (the access log's rule), else a new one. */
export function requestIdFor(incoming: string | undefined): string {
  return requestIdFrom(incoming, nextRequestId);
}

const template = (extra: readonly string[]) => [
  'content-type',
  '',
  'content-length',
  '',
  REQUEST_ID_HEADER,
  '',
  ...extra,
];
const PLAIN_TEMPLATE = template(FAST_PATH_API_HEADERS);
const HTTPS_TEMPLATE = template(FAST_PATH_HTTPS_HEADERS);

/** Every header of a fast-path answer, flat, for `res.writeHead(status, headers)`. */
export function answerHeaders(contentType: string, contentLength: number, requestId: string, https = false): string[] {
  const headers = (https ? HTTPS_TEMPLATE : PLAIN_TEMPLATE).slice();
  headers[1] = contentType;
  headers[3] = String(contentLength);
  headers[5] = requestId;
  return headers;
}
