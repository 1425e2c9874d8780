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

/** Request validation failures (wrong types, missing fields, malformed values) answer 400 naming each field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const validationHook: Hook<any, AppEnv, any, any> = (result) => {
  if (!result.success) {
    throw new AppError('MALFORMED_REQUEST', 'The request does not match the expected shape.', zodIssues(result.error));
  }
};
