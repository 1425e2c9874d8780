import type { Hook } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import type { AppEnv } from './context.ts';
import { AppError, type FieldError } from './problem.ts';

export function zodIssues(error: ZodError): FieldError[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    message: i.message,
    rule: i.code,
  }));
}

export const NUL_MESSAGE = 'must not contain a NUL character (U+0000)';

/** Paths of the strings in a validated input that hold a NUL character (SQLite's FTS and PostgreSQL refuse them). */
export function nulPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || '(body)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => nulPaths(v, path ? `${path}.${i}` : String(i)));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(k.includes('\u0000') ? [path ? `${path}.${k}` : k] : []),
      ...nulPaths(v, path ? `${path}.${k}` : k),
    ]);
  }
  return [];
}

/**
 * Request validation failures (wrong types, missing fields, malformed values) answer 400 naming each
 * field. A text holding a NUL character is refused the same way, in every input, before it reaches SQL.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) {
    throw new AppError('MALFORMED_REQUEST', 'The request does not match the expected shape.', zodIssues(result.error));
  }
  const withNul = nulPaths(result.data);
  if (withNul.length > 0) {
    throw new AppError(
      'MALFORMED_REQUEST',
      'The request does not match the expected shape.',
      withNul.map((path) => ({ path, message: NUL_MESSAGE, rule: 'no_nul' })),
    );
  }
};
