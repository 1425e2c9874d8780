import type { CheckTokenResponse, LoginRequest, LoginResponse, MeResponse, MyOrganization } from '@keyward/contract';
import { effectivePrivileges, type ApiKeyAccess } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import { groupGrantsOf } from '../../http/access.ts';
import type { Clock } from '../../clock.ts';
import type { UserPrincipal } from '../../http/principal.ts';
import { randomToken, sha256Hex } from '../../crypto/tokens.ts';
import { AppError } from '../../http/problem.ts';
import { findUserByEmail, listUserGroups } from '../people/people.repository.ts';
import {
  deleteAccessToken,
  deleteExpiredTokensOf,
  findTokenUser,
  insertAccessToken,
} from './access-tokens.repository.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { hashPassword, verifyPassword } from '../../crypto/password.ts';

export const ACCESS_TOKEN_LIFETIME_MS = 4 * 60 * 60 * 1000;
const WRONG_CREDENTIALS = 'Wrong e-mail or password.';

let dummyHash: Promise<string> | undefined;
/** Unknown e-mails are checked against this, so they take as long as a wrong password. */
const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomToken()));

/** Checks the credentials (throttled) and issues a 4-hour access token; the same message for every failure. */
export async function login(
  deps: { db: Db; clock: Clock },
  throttle: LoginThrottle,
  input: LoginRequest,
  address: string | null,
): Promise<LoginResponse> {
  await throttle.assertNotBlocked(input.email, address);
  const user = await findUserByEmail(deps.db, input.email);
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    await throttle.recordFailure(input.email, address);
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS);
  }
  await throttle.recordSuccess(input.email);
  const now = deps.clock.now();
  const accessToken = randomToken();
  const expiresAt = now + ACCESS_TOKEN_LIFETIME_MS;
  await deps.db.transaction().execute(async (trx) => {
    await deleteExpiredTokensOf(trx, user.id, now);
    await insertAccessToken(trx, {
      tokenHash: sha256Hex(accessToken),
      userId: user.id,
      csrfToken: randomToken(),
      now,
      expiresAt,
    });
  });
  return { accessToken, expiresAt, user: { id: user.id, email: user.email, displayName: user.display_name } };
}

export async function logout(db: Db, principal: UserPrincipal): Promise<void> {
  await deleteAccessToken(db, principal.tokenHash);
}

const ACCESS_RANK: Record<ApiKeyAccess, number> = { NONE: 0, VIEW_ALL: 1, CUSTOM: 2, EDIT_ALL: 3 };

/** The user, their CSRF token and, per organization, their best API-key access and effective privileges. */
export async function me(db: Db, principal: UserPrincipal, settings: MeResponse['settings']): Promise<MeResponse> {
  const rows = await listUserGroups(db, principal.userId);
  const byOrg = new Map<string, { displayName: string; groups: typeof rows }>();
  for (const row of rows) {
    const entry = byOrg.get(row.organization_id) ?? { displayName: row.organization_name, groups: [] };
    entry.groups.push(row);
    byOrg.set(row.organization_id, entry);
  }
  const organizations: MyOrganization[] = [...byOrg].map(([id, { displayName, groups }]) => ({
    id,
    displayName,
    apiKeyAccess: groups
      .map((g) => g.api_key_access as ApiKeyAccess)
      .reduce<ApiKeyAccess>((best, a) => (ACCESS_RANK[a] > ACCESS_RANK[best] ? a : best), 'NONE'),
    privileges: effectivePrivileges(groupGrantsOf(groups)),
  }));
  return {
    user: { id: principal.userId, email: principal.email, displayName: principal.displayName },
    csrfToken: principal.csrfToken,
    organizations,
    settings,
  };
}

/** What @coveo/platform-client's initialize() expects for a valid access token. */
export async function checkToken(deps: { db: Db; clock: Clock }, token: string): Promise<CheckTokenResponse> {
  const user = await findTokenUser(deps.db, sha256Hex(token), deps.clock.now());
  if (!user) throw new AppError('UNAUTHENTICATED', 'The access token is invalid or has expired.');
  return {
    authentication: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      username: user.email,
      name: user.display_name,
      enabled: true,
      provider: 'EMAIL',
    },
    user_name: user.email,
    exp: Math.floor(user.expires_at / 1000),
  };
}
