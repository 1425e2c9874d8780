import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { looksLikeKeyValue, type Privilege } from '@keyward/domain';
import { clientAddress } from './client-address.ts';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { loadOrgAccess } from './access.ts';
import type { AppEnv } from './context.ts';
import type { Principal } from './principal.ts';
import { sha256Hex } from '../crypto/tokens.ts';
import { AppError } from './problem.ts';

export const SESSION_COOKIE = 'kw_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Logging in reads no credentials: a leftover session cookie or token must not stand in its way. */
const CREDENTIAL_FREE_PATHS = new Set(['/rest/auth/login']);

interface ApiKeyVerdict {
  valid: boolean;
  code: string;
  key: { id: string; organizationId: string; displayName: string; privileges: Privilege[] } | null;
}

/** Verification of an API key presented as a bearer token (verification's Verifier fits; a promise on PostgreSQL). */
export interface ApiKeyVerifier {
  verify(
    input: { key: string; ip: string | null; origin: string | null },
    organizationId: null,
  ): ApiKeyVerdict | Promise<ApiKeyVerdict>;
  /** Least-privilege record (PRODUCT.md §7): the privileges a route required of the key, all held. */
  recordExercised(keyId: string, held: readonly Privilege[], required: readonly Privilege[]): void;
}

export interface AuthenticationDeps {
  db: Db;
  clock: Clock;
  trustProxy: readonly string[];
  verifier: ApiKeyVerifier;
  /** Bound once by the composition root: `verifier.recordExercised`. */
  recordKeyPrivileges: ApiKeyVerifier['recordExercised'];
}

/**
 * Resolves who is calling (session cookie, bearer access token, or an API key presented as a bearer
 * token) and enforces CSRF for cookie-authenticated writes. Anonymous callers pass through with a
 * null principal: each route's `requires` decides.
 */
export const authenticate = (deps: AuthenticationDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    c.set('loadOrgAccess', (userId, orgId) => loadOrgAccess(deps.db, userId, orgId));
    c.set('recordKeyPrivileges', deps.recordKeyPrivileges);
    if (CREDENTIAL_FREE_PATHS.has(c.req.path)) {
      c.set('principal', null);
      return next();
    }
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    let principal: Principal | null = null;
    if (bearer) {
      principal = looksLikeKeyValue(bearer)
        ? await apiKeyPrincipal(deps, bearer, clientAddress(c, deps.trustProxy), c.req.header('origin') ?? null)
        : await userPrincipal(deps, bearer, false);
      if (!principal) throw new AppError('UNAUTHENTICATED', 'The access token is invalid or has expired.');
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      if (cookie) principal = await userPrincipal(deps, cookie, true);
    }
    if (principal?.kind === 'user' && principal.viaCookie && !SAFE_METHODS.has(c.req.method)) {
      if (c.req.header('x-csrf-token') !== principal.csrfToken) {
        throw new AppError(
          'CSRF_TOKEN_MISSING',
          'A request authenticated by the session cookie must carry a valid X-CSRF-Token header.',
        );
      }
    }
    c.set('principal', principal);
    await next();
  });

async function userPrincipal(
  deps: Pick<AuthenticationDeps, 'db' | 'clock'>,
  token: string,
  viaCookie: boolean,
): Promise<Principal | null> {
  const tokenHash = sha256Hex(token);
  const row = await deps.db
    .selectFrom('access_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.id', 'u.email', 'u.display_name', 't.csrf_token', 't.expires_at'])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row || row.expires_at <= deps.clock.now()) return null;
  return {
    kind: 'user',
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    tokenHash,
    csrfToken: row.csrf_token,
    viaCookie,
  };
}

/**
 * An API key presented as a bearer token goes through verification (status, IP lists) and counts
 * as a use of the key, like POST .../apikeys/verify.
 */
async function apiKeyPrincipal(
  deps: Pick<AuthenticationDeps, 'verifier'>,
  value: string,
  ip: string | null,
  origin: string | null,
): Promise<Principal | null> {
  const verdict = await deps.verifier.verify({ key: value, ip, origin }, null);
  if (!verdict.key) return null;
  if (!verdict.valid) throw new AppError('FORBIDDEN', `This API key cannot be used: ${verdict.code}.`);
  return {
    kind: 'apiKey',
    keyId: verdict.key.id,
    organizationId: verdict.key.organizationId,
    displayName: verdict.key.displayName,
    privileges: verdict.key.privileges,
  };
}
