import { createMiddleware } from 'hono/factory';
import {
  apiKeyCallerRefusal,
  effectivePrivileges,
  keyAccessAllows,
  keyAccessCeiling,
  holdsAll,
  privilegeId,
  REQUIRED_PRIVILEGES,
  type ApiKeyAccess,
  type Privilege,
} from '@keyward/domain';
import { privilegesFrom } from '../db/json-columns.ts';
import type { Db } from '../db/database.ts';
import type { AppEnv } from './context.ts';
import type { OrgAccess, UserPrincipal } from './principal.ts';
import { AppError } from './problem.ts';

/**
 * What a route requires, declared beside the route (PRODUCT.md §2).
 * - `privileges`: all of these, from the caller's groups in the route's organization.
 * - `keyAccess`: API-key access from the groups' Access level: VIEW (VIEW_ALL, EDIT_ALL or CUSTOM:
 *   the per-key grant is checked by the service) or EDIT (EDIT_ALL or CUSTOM).
 * - `apiKeys`: 'allowed' lets an API key call the route with its own privileges; by default an API
 *   key is refused (an API key can never view or edit API keys, groups or activities).
 */
export interface AccessRule {
  privileges?: readonly Privilege[];
  keyAccess?: 'VIEW' | 'EDIT';
  apiKeys?: 'allowed' | 'forbidden';
}

export function requires(rule: AccessRule) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.var.principal;
    if (!principal)
      throw new AppError(
        'UNAUTHENTICATED',
        'Authentication is required: log in or send Authorization: Bearer <token>.',
      );
    const orgId = c.req.param('org');
    if (!orgId) throw new AppError('NOT_FOUND', 'This route needs an organization.');
    if (principal.kind === 'apiKey') {
      if (rule.apiKeys !== 'allowed') {
        throw new AppError('API_KEY_FORBIDDEN', apiKeyRefusal(rule));
      }
      if (principal.organizationId !== orgId)
        throw new AppError('FORBIDDEN', `This API key does not belong to organization "${orgId}".`);
      const required = rule.privileges ?? [];
      const lacking = required.filter((p) => !holdsAll(principal.privileges, [p]));
      if (lacking.length > 0)
        throw new AppError('FORBIDDEN', `This API key lacks the privileges: ${lacking.map(privilegeId).join(', ')}.`);
      // Least-privilege record (PRODUCT.md §7): the privileges this route required, all held.
      c.var.recordKeyPrivileges(principal.keyId, principal.privileges, required);
      c.set('orgAccess', { organizationId: orgId, privileges: principal.privileges, groups: [] });
    } else {
      const access = await c.var.loadOrgAccess(principal.userId, orgId);
      assertAllowed(access, rule, orgId);
      c.set('orgAccess', access);
    }
    await next();
  });
}

/** Routes of the console session (who am I, log out): a logged-in user, never an API key. */
export const requiresUser = createMiddleware<AppEnv>(async (c, next) => {
  currentUser(c.var.principal);
  await next();
});

/** The calling user; throws 401 for anonymous callers and 403 for API keys. */
export function currentUser(principal: AppEnv['Variables']['principal']): UserPrincipal {
  if (!principal)
    throw new AppError('UNAUTHENTICATED', 'Authentication is required: log in or send Authorization: Bearer <token>.');
  if (principal.kind === 'apiKey')
    throw new AppError('API_KEY_FORBIDDEN', 'An API key has no console session: log in as a user.');
  return principal;
}

function assertAllowed(access: OrgAccess | null, rule: AccessRule, orgId: string): asserts access is OrgAccess {
  if (!access) throw new AppError('FORBIDDEN', `You are not a member of organization "${orgId}".`);
  const missing = (rule.privileges ?? []).filter((p) => !holdsAll(access.privileges, [p]));
  if (missing.length > 0) {
    throw new AppError('FORBIDDEN', `This requires the privileges: ${missing.map(privilegeId).join(', ')}.`);
  }
  if (rule.keyAccess && !keyAccessAllows(keyAccessCeiling(access), rule.keyAccess)) {
    throw new AppError(
      'FORBIDDEN',
      `Your groups do not grant the ${rule.keyAccess === 'EDIT' ? 'Edit' : 'View'} access level on API keys.`,
    );
  }
}

/**
 * The domain's refusal of an API key caller. A route that lists no console privilege is still
 * refused to API keys unless it says `apiKeys: 'allowed'`: what it serves is key-editing (exposure
 * reports) or console-only, so the refusal names API-key View, the least of those.
 */
function apiKeyRefusal(rule: AccessRule): string {
  const required = [
    ...(rule.privileges ?? []),
    ...(rule.keyAccess === 'EDIT' ? [REQUIRED_PRIVILEGES.editApiKeys] : []),
    ...(rule.keyAccess === 'VIEW' ? [REQUIRED_PRIVILEGES.viewApiKeys] : []),
  ];
  return apiKeyCallerRefusal(required) ?? KEYS_ARE_CONSOLE_ONLY;
}

const KEYS_ARE_CONSOLE_ONLY = apiKeyCallerRefusal([REQUIRED_PRIVILEGES.viewApiKeys]) ?? '';

/** The caller's groups and privileges in one organization, or null when not a member (or no such organization). */
export async function loadOrgAccess(db: Db, userId: string, orgId: string): Promise<OrgAccess | null> {
  const groups = await db
    .selectFrom('groups as g')
    .innerJoin('group_members as m', 'm.group_id', 'g.id')
    .select(['g.id', 'g.api_key_access', 'g.privileges_json'])
    .where('m.user_id', '=', userId)
    .where('g.organization_id', '=', orgId)
    .execute();
  if (groups.length === 0) return null;
  return {
    organizationId: orgId,
    privileges: effectivePrivileges(groupGrantsOf(groups)),
    groups: groups.map((g) => ({ id: g.id, apiKeyAccess: g.api_key_access as ApiKeyAccess })),
  };
}

/** Group rows (access level and privileges as stored) as the domain's group grants. */
export function groupGrantsOf(
  groups: readonly { api_key_access: string; privileges_json: string }[],
): { apiKeyAccess: ApiKeyAccess; privileges: Privilege[] }[] {
  return groups.map((g) => ({
    apiKeyAccess: g.api_key_access as ApiKeyAccess,
    privileges: privilegesFrom(g.privileges_json),
  }));
}
