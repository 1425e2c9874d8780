import {
  PrivilegeOwnerSchema,
  PrivilegeTypeSchema,
  VerifyRequestSchema,
  type PrivilegeInput,
  type VerifyRequest,
  type VerifyResponse,
} from '@keyward/contract';
import type { Privilege, VerificationCode } from '@keyward/domain';
import { isDatabaseUnavailable } from '../../db/database.ts';
import { problemBody } from '../../http/problem.ts';
import { zodIssues } from '../../http/validate.ts';
import type { CachedKey } from './key-cache.ts';
import type { Config } from '../../config.ts';
import type { Verdict, Verifier } from './verifier.ts';
import type { Logger } from '../../observability/logger.ts';
import type { Metrics } from '../../observability/metrics.ts';

/**
 * `POST …/apikeys/verify` without the generic pipeline (PRODUCT.md §9): from the body's text to the
 * answer's text, for both transports (verify-fast-path.ts on node:http, verify-endpoint.ts in Hono).
 * Bad input answers exactly as the generic pipeline did: the same checks in the same order (body
 * limit, media type, JSON, then the contract's zod schema), the same problem+json bodies.
 */
export const VERIFY_BODY_LIMIT = 1024 * 1024;

/** What both transports of the verify route need. */
export interface VerifyEndpointDeps {
  verifier: Verifier;
  config: Pick<Config, 'trustProxy'>;
  /** Verdicts by code, and (for the node:http transport, which bypasses the access-log middleware) the request metrics. */
  metrics: Pick<Metrics, 'countVerdict' | 'observeRequest'>;
  /** The access log, written by the node:http transport itself (the Hono one goes through requestLog). */
  logger: Logger;
}

/** The route pattern of the verify call, as the access log and the request metrics name it. */
export const VERIFY_ROUTE = '/rest/organizations/:org/apikeys/verify';

export interface VerifyAnswer {
  status: 200 | 400 | 413 | 500 | 503;
  contentType: 'application/json' | 'application/problem+json';
  body: string;
  /** The verdict's code and the key it concerns, for a 200 (metrics and the access log; never the value). */
  code?: VerificationCode;
  keyId?: string;
}

// @hono/zod-openapi's test for a JSON request body (its media type gate).
const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
let lastJsonType = 'application/json';

const problem = (status: 400 | 413 | 500 | 503, code: string, detail: string, errors?: ReturnType<typeof zodIssues>) =>
  ({
    status,
    contentType: 'application/problem+json',
    body: JSON.stringify(problemBody(status, code, detail, errors)),
  }) as const;

export const TOO_LARGE: VerifyAnswer = problem(413, 'PAYLOAD_TOO_LARGE', 'The request body is over 1 MiB.');
const UNSUPPORTED = problem(400, 'MALFORMED_REQUEST', 'Unsupported Content-Type: send the body as application/json.');
const MALFORMED = problem(400, 'MALFORMED_REQUEST', 'Malformed JSON in request body');
const NOT_FOUND_BODY = JSON.stringify({ valid: false, code: 'NOT_FOUND' } satisfies VerifyResponse);

/**
 * Answers a verify call. `text` is the body as received (already within the limit, decoded as
 * UTF-8); `callerIp` is asked only when the body carries no `ip`.
 */
export function answerVerify(
  verifier: Verifier,
  org: string,
  contentType: string | undefined,
  text: string,
  callerIp: () => string | null,
): VerifyAnswer | Promise<VerifyAnswer> {
  let value: unknown = {};
  if (contentType) {
    if (contentType !== lastJsonType) {
      if (!JSON_REQUEST.test(contentType)) return UNSUPPORTED;
      lastJsonType = contentType; // callers send the same Content-Type every time: tested once
    }
    try {
      value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      return MALFORMED;
    }
  } else if (text.length > 0) return UNSUPPORTED;
  let request = plainVerifyRequest(value);
  if (request === null) {
    const parsed = VerifyRequestSchema.safeParse(value);
    if (!parsed.success)
      return problem(
        400,
        'MALFORMED_REQUEST',
        'The request does not match the expected shape.',
        zodIssues(parsed.error),
      );
    request = parsed.data;
  }
  const verdict = verifier.verify(
    {
      key: request.key,
      ip: request.ip ?? callerIp(),
      origin: request.origin ?? null,
      privileges: request.privileges ? request.privileges.map(toPrivilege) : null,
      searchHub: request.searchHub ?? null,
    },
    org,
  );
  const ok = (v: Verdict): VerifyAnswer => {
    const answer: VerifyAnswer = { status: 200, contentType: 'application/json', body: responseText(v) };
    answer.code = v.code;
    if (v.key) answer.keyId = v.key.id;
    return answer;
  };
  // PostgreSQL: a key not in the cache is read through the pool.
  if (verdict instanceof Promise)
    return verdict.then(ok, (err: unknown) =>
      isDatabaseUnavailable(err)
        ? problem(503, 'SERVICE_UNAVAILABLE', 'The database is unreachable; try again shortly.')
        : problem(500, 'INTERNAL_ERROR', 'Unexpected error.'),
    );
  return ok(verdict);
}

function toPrivilege(p: PrivilegeInput): Privilege {
  const targetId = p.targetId || p.targetIds?.[0] ? (p.targetId ?? p.targetIds?.[0]) : undefined;
  const out: Privilege = { owner: p.owner, targetDomain: p.targetDomain };
  if (p.type) out.type = p.type;
  if (targetId !== undefined) out.targetId = targetId;
  return out;
}

/** The verdict's answer; it depends on the key and the code only, so it is serialized once per key and code. */
function responseText(verdict: Verdict): string {
  const key = verdict.key;
  if (!key) return NOT_FOUND_BODY;
  return (key.answers[verdict.code] ??= JSON.stringify(responseOf(key, verdict.code, verdict.valid)));
}

function responseOf(key: CachedKey, code: VerificationCode, valid: boolean): VerifyResponse {
  return {
    valid,
    code,
    keyId: key.id,
    displayName: key.displayName,
    ...(valid
      ? { privileges: key.privileges, enforcedSearchHub: key.searchHub, expirationDate: key.facts.expirationDate }
      : {}),
  };
}

const OWNERS = new Set<unknown>(PrivilegeOwnerSchema.options);
const TYPES = new Set<unknown>(PrivilegeTypeSchema.options);
const isNullish = (v: unknown) => v === undefined || v === null;
const isShortString = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;

/**
 * The common shape of a verify body, checked by hand: the value itself when VerifyRequestSchema
 * would accept it unchanged, null otherwise (unknown fields, wrong types, anything unusual), in which
 * case the schema decides and names the fields. Equivalence is tested in verify-request.test.ts.
 */
export function plainVerifyRequest(value: unknown): VerifyRequest | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  // JSON.parse makes plain objects: for…in sees exactly their own fields (`__proto__` included, as unknown).
  for (const name in v) {
    if (name !== 'key' && name !== 'ip' && name !== 'origin' && name !== 'privileges' && name !== 'searchHub')
      return null;
  }
  if (!isShortString(v.key, 200)) return null;
  if (!isNullish(v.ip) && !isShortString(v.ip, 100)) return null;
  if (!isNullish(v.origin) && !isShortString(v.origin, 2000)) return null;
  if (!isNullish(v.searchHub) && !isShortString(v.searchHub, 255)) return null;
  const privileges = v.privileges;
  if (!isNullish(privileges)) {
    if (!Array.isArray(privileges) || privileges.length > 100) return null;
    for (const p of privileges) if (!isPlainPrivilege(p)) return null;
  }
  return v as VerifyRequest;
}

function isPlainPrivilege(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const p = value as Record<string, unknown>;
  for (const name in p) {
    if (
      name !== 'owner' &&
      name !== 'targetDomain' &&
      name !== 'type' &&
      name !== 'targetId' &&
      name !== 'targetIds' &&
      name !== 'global'
    )
      return false;
  }
  if (!OWNERS.has(p.owner)) return false;
  if (typeof p.targetDomain !== 'string' || p.targetDomain.length === 0) return false;
  if (!isNullish(p.type) && !TYPES.has(p.type)) return false;
  if (!isNullish(p.targetId) && typeof p.targetId !== 'string') return false;
  if (!isNullish(p.global) && typeof p.global !== 'boolean') return false;
  const ids = p.targetIds;
  if (!isNullish(ids)) {
    if (!Array.isArray(ids)) return false;
    for (const id of ids) if (typeof id !== 'string') return false;
  }
  return true;
}
