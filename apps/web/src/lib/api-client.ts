import { problemMessage } from './user-messages.ts';

/**
 * The one way the console talks to the server: same-origin cookies, the CSRF header on writes,
 * problem+json turned into ApiError, and a 401 anywhere sends the user back to the login page.
 */

import type { FieldError } from '@keyward/contract';

interface ProblemBody {
  title?: string;
  status?: number;
  detail?: string;
  errorCode?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly errorCode: string;
  readonly title: string;
  readonly errors: FieldError[];
  /** Seconds to wait before trying again (429: the Retry-After header). */
  readonly retryAfterS: number | undefined;

  constructor(status: number, body: ProblemBody, retryAfterS?: number) {
    super(body.detail || body.title || `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.errorCode = body.errorCode ?? 'UNKNOWN';
    this.title = body.title ?? 'Error';
    this.errors = Array.isArray(body.errors) ? body.errors : [];
    this.retryAfterS = retryAfterS;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

/** A message fit for a toast or an error state, in the user's words (see user-messages.ts). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return problemMessage(error);
  if (error instanceof TypeError) return 'The server could not be reached. Check your connection and try again.';
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

let csrfToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** Registered by the app: what to do when the session is gone (go to /login). */
export function setUnauthorizedHandler(handler: (() => void) | undefined): void {
  onUnauthorized = handler;
}

type QueryValue = string | number | boolean | undefined | null;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not redirect to the login page on 401 (the login call itself). */
  allowUnauthorized?: boolean;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** How long an early response waits for its request: past that, it is too old to show. */
const EARLY_MAX_AGE_MS = 10_000;
const early = new Map<string, { sentAt: number; response: Promise<Response> }>();

/**
 * Sends a GET now, before the app that will ask for it has loaded (app/boot.ts): the first
 * apiRequest for the same URL within a few seconds takes its response instead of sending it again.
 */
export function requestEarly(path: string, query?: Record<string, QueryValue>): void {
  const url = buildUrl(path, query);
  const response = fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  response.catch(() => undefined); // a failure is the taker's to report (or nobody's)
  early.set(url, { sentAt: Date.now(), response });
}

function takeEarly(url: string): Promise<Response> | undefined {
  const entry = early.get(url);
  if (!entry) return undefined;
  early.delete(url);
  return Date.now() - entry.sentAt <= EARLY_MAX_AGE_MS ? entry.response : undefined;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  const url = buildUrl(path, options.query);
  const response = await ((method === 'GET' ? takeEarly(url) : undefined) ??
    fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    }));

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && !options.allowUnauthorized) onUnauthorized?.();
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new ApiError(
      response.status,
      problem,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  const data = (await readBody(response)) as T;
  return { data, headers: response.headers, status: response.status };
}

/** The body only: most callers need nothing else. */
export async function api<T>(path: string, options?: RequestOptions): Promise<T> {
  return (await apiRequest<T>(path, options)).data;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  return JSON.parse(text) as unknown;
}

async function readProblem(response: Response): Promise<ProblemBody> {
  try {
    const text = await response.text();
    const parsed = text ? (JSON.parse(text) as unknown) : {};
    return parsed && typeof parsed === 'object' ? (parsed as ProblemBody) : {};
  } catch {
    return { detail: response.statusText };
  }
}

export function orgPath(org: string, rest = ''): string {
  return `/rest/organizations/${encodeURIComponent(org)}${rest}`;
}
