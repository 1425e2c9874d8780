import { ProblemSchema } from '@keyward/contract';
import type { z } from 'zod';

const PROBLEM_DESCRIPTIONS = {
  400: 'Malformed request: bad JSON, wrong content type, or fields of the wrong shape (named in `errors`).',
  401: 'Not authenticated, or the access token has expired.',
  403: 'Authenticated, but not allowed (a missing privilege, an API key, or a missing X-CSRF-Token).',
  404: 'No such resource in this organization.',
  409: 'The request conflicts with the current state.',
  413: 'The request body is over 1 MiB.',
  422: 'A rule was broken (named in `errors`).',
  429: 'Too many requests: retry after the delay in Retry-After.',
} as const;

type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

const ProblemDocSchema = ProblemSchema.meta({ id: 'Problem' });

/** OpenAPI `responses` entries for the listed error statuses, all application/problem+json. */
export function problemResponses<S extends ProblemStatus>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: PROBLEM_DESCRIPTIONS[s], content: { 'application/problem+json': { schema: ProblemDocSchema } } },
    ]),
  ) as unknown as Record<
    S,
    { description: string; content: { 'application/problem+json': { schema: typeof ProblemDocSchema } } }
  >;
}

/** A JSON request body that must be present (so a missing or non-JSON body is a 400). */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return {
    required: true,
    ...(description ? { description } : {}),
    content: { 'application/json': { schema } },
  } as const;
}

/** A JSON response entry. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}
