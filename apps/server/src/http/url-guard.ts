import type { MiddlewareHandler } from 'hono';
import { AppError, type FieldError } from './problem.ts';
import { NUL_MESSAGE } from './validate.ts';

/**
 * Refuses a URL with an encoded NUL character (%00) in its path or query with 400 naming the
 * parameter, before any middleware (access checks read the path's organization) sends it to SQL.
 * Query parameters that routes validate are also checked by the validation hook; this also covers
 * path segments and the few values read before validation. One substring test per request.
 */
export const refuseNulInUrl: MiddlewareHandler = async (c, next) => {
  const url = c.req.url;
  if (!url.includes('%00')) return next();
  const parsed = new URL(url);
  const errors: FieldError[] = [];
  if (parsed.pathname.includes('%00')) errors.push({ path: '(path)', message: NUL_MESSAGE, rule: 'no_nul' });
  for (const [name, value] of parsed.searchParams) {
    if (name.includes('\u0000') || value.includes('\u0000'))
      errors.push({ path: name.replaceAll('\u0000', '\\0'), message: NUL_MESSAGE, rule: 'no_nul' });
  }
  if (errors.length === 0) return next();
  throw new AppError('MALFORMED_REQUEST', 'The request does not match the expected shape.', errors);
};
