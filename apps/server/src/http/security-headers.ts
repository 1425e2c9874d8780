import type { MiddlewareHandler } from 'hono';
import { secureHeaders, type SecureHeadersVariables } from 'hono/secure-headers';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;
import { isHttps } from './client-address.ts';
import { setResponseHeader } from './response-headers.ts';

// The security headers of every Keyward answer, in two profiles chosen by path (apiAnswerPath):
// - documents (the console's pages and assets, /rest/docs and its assets, anything else): the full
//   set below, CSP naming what the console and Swagger UI load;
// - API answers (JSON and problem+json under /rest, /oauth, /healthz, /readyz, /metrics), which no
//   browser renders as a page: CSP `default-src 'none'; frame-ancestors 'none'`, nosniff, DENY
//   framing, no referrer, same-origin opener and resource policies (GitHub's and OWASP's REST set).
//   The document-only headers would add 500 bytes to every answer: a fifth of the floor's
//   throughput on verification (PRODUCT.md §9).
// Any path that answers without the generic pipeline (the verification fast path) sends
// API_SECURITY_HEADERS, plus HSTS under the same condition as `securityHeaders`.
/**
 * Only the server's own origin: no inline or injected script (the built console and /rest/docs load
 * every script from files). `style-src 'unsafe-inline'` is needed by the console's Radix primitives,
 * which inject <style> elements (scroll locking) whose contents vary, so a hash cannot name them;
 * style injection cannot run script. `data:` images: the SVG icons that CSS inlines.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

const SECURE_HEADERS_OPTIONS: SecureHeadersOptions = {
  contentSecurityPolicy: Object.fromEntries(
    Object.entries(CONTENT_SECURITY_POLICY).map(([directive, values]) => [directive, [...values]]),
  ) as SecureHeadersOptions['contentSecurityPolicy'],
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  xContentTypeOptions: 'nosniff',
  // Only over https, decided per request below.
  strictTransportSecurity: false,
};

const API_OPTIONS: SecureHeadersOptions = {
  contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  xContentTypeOptions: 'nosniff',
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  strictTransportSecurity: false,
};

function cspValue(policy: Record<string, readonly string[]>): string {
  return Object.entries(policy)
    .map(([directive, values]) => `${directive.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');
}

/** The static headers of documents (what `secureHeaders(SECURE_HEADERS_OPTIONS)` sets; a test keeps them equal). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': cspValue(CONTENT_SECURITY_POLICY),
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Frame-Options': 'DENY',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'X-XSS-Protection': '0',
});

/** The static headers of API answers (what `secureHeaders(API_OPTIONS)` sets; a test keeps them equal). */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
});

const API_ROOTS = ['/healthz', '/readyz', '/metrics'];

/** Answers for programs (API profile): /rest except /rest/docs, /oauth, and the probes. */
export function apiAnswerPath(path: string): boolean {
  if (path.startsWith('/rest/')) return !(path === '/rest/docs' || path.startsWith('/rest/docs/'));
  return path === '/rest' || path.startsWith('/oauth/') || API_ROOTS.includes(path);
}

/** Sent only on answers over https: the connection's own, or X-Forwarded-Proto from a trusted proxy. */
export const HSTS_HEADER = ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as const;

/** Hono's secureHeaders with Keyward's two profiles (by path), and HSTS when the request came over https. */
export function securityHeaders(
  trustProxy: readonly string[],
): MiddlewareHandler<{ Variables: SecureHeadersVariables }> {
  const documents = secureHeaders(SECURE_HEADERS_OPTIONS);
  const api = secureHeaders(API_OPTIONS);
  return async (c, next) => {
    await (apiAnswerPath(c.req.path) ? api : documents)(c, next);
    if (isHttps(c, trustProxy)) setResponseHeader(c, HSTS_HEADER[0], HSTS_HEADER[1]);
  };
}
