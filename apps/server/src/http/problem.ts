import type { FieldError } from '@keyward/contract';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Error codes and the HTTP status each maps to: the one table of the server's error path. */
export const ERROR_STATUS = {
  MALFORMED_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  API_KEY_FORBIDDEN: 403,
  CSRF_TOKEN_MISSING: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_REQUEST: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type { FieldError };

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  constructor(code: ErrorCode, detail: string, errors?: FieldError[], headers?: Record<string, string>) {
    super(detail);
    this.code = code;
    this.errors = errors;
    this.headers = headers;
  }
  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errorCode: string;
  errors?: FieldError[];
}

export function problemBody(status: number, errorCode: string, detail: string, errors?: FieldError[]): ProblemBody {
  return {
    type: `https://keyward.dev/problems/${errorCode.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    errorCode,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function problemResponse(c: Context, err: AppError): Response {
  const body = problemBody(err.status, err.code, err.message, err.errors);
  return new Response(JSON.stringify(body), {
    status: err.status,
    headers: { 'content-type': 'application/problem+json', ...err.headers },
  });
}

/** The one way a domain verdict becomes an error answer: a refusal throws `code` with the verdict's message. */
export function throwIfRefused(verdict: { ok: true } | { ok: false; message: string }, code: ErrorCode): void {
  if (!verdict.ok) throw new AppError(code, verdict.message);
}
