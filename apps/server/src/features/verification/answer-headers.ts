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

/** Every header of a fast-path answer, flat, for `res.writeHead(status, headers)`. */
export function answerHeaders(contentType: string, contentLength: number, requestId: string, https = false): string[] {
  return [
    'content-type',
    contentType,
    'content-length',
    String(contentLength),
    REQUEST_ID_HEADER,
    requestId,
    ...(https ? FAST_PATH_HTTPS_HEADERS : FAST_PATH_API_HEADERS),
  ];
}
