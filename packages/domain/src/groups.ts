// What membership of a group gives, and who may hand it out (PRODUCT.md §2).

import { apiKeyAccessPrivileges, type ApiKeyAccess } from './access.ts';
import type { Verdict } from './key-actions.ts';
import { ALL_CONSOLE_PRIVILEGES, holdsAll, holdsPrivilege, missingPrivileges } from './privilege-sets.ts';
import type { Privilege } from './privilege-catalog.ts';
import { privilegeId } from './privileges.ts';

/** The two groups every organization is created with (stored in groups.built_in). */
export const BUILT_IN_GROUPS = ['ADMINISTRATORS', 'SECURITY_CONTACTS'] as const;
export type BuiltInGroup = (typeof BUILT_IN_GROUPS)[number];
export const ADMINISTRATORS: BuiltInGroup = 'ADMINISTRATORS';
export const SECURITY_CONTACTS: BuiltInGroup = 'SECURITY_CONTACTS';

export interface GroupGrants {
  apiKeyAccess: ApiKeyAccess;
  privileges: readonly Privilege[];
}

/** One privilege with its target, as a set key: '*' and no target are the same (every target). */
export function privilegeKey(p: Privilege): string {
  return `${privilegeId(p)}@${p.targetId ?? '*'}`;
}

/** Everything membership of a group gives: its privileges and those its API-key access implies. */
export function groupGrants(group: GroupGrants): Privilege[] {
  return [...group.privileges, ...apiKeyAccessPrivileges(group.apiKeyAccess)];
}

/** A member's privileges from all their groups in an organization, without duplicates (first kept). */
export function effectivePrivileges(groups: readonly GroupGrants[]): Privilege[] {
  const byKey = new Map<string, Privilege>();
  for (const p of groups.flatMap(groupGrants)) {
    const key = privilegeKey(p);
    if (!byKey.has(key)) byKey.set(key, p);
  }
  return [...byKey.values()];
}

export type GrantRefusal = 'GRANTS_MORE_THAN_HELD';

/**
 * Nobody hands out more than they hold: a Groups Edit holder cannot create a group with privileges
 * they lack, widen one, or join people (themselves included) to a group that grants more than they
 * hold. What the group already granted stays allowed.
 */
export function grantVerdict(
  callerPrivileges: readonly Privilege[],
  granted: readonly Privilege[],
  alreadyGranted: readonly Privilege[] = [],
): Verdict<GrantRefusal> {
  const missing = missingPrivileges(callerPrivileges, granted).filter((p) => !holdsPrivilege(alreadyGranted, p));
  if (missing.length === 0) return { ok: true };
  return {
    ok: false,
    reason: 'GRANTS_MORE_THAN_HELD',
    message: `You can only grant privileges you hold yourself; you lack ${missing.map(privilegeId).join(', ')}.`,
  };
}

export type AdministratorsRefusal = 'ADMINISTRATORS_NEED_EDIT_ALL' | 'ADMINISTRATORS_NEED_EVERY_PRIVILEGE';

/** The Administrators group keeps EDIT_ALL and every privilege, so the organization never locks itself out. */
export function administratorsGroupVerdict(builtIn: string | null, next: GroupGrants): Verdict<AdministratorsRefusal> {
  if (builtIn !== ADMINISTRATORS) return { ok: true };
  if (next.apiKeyAccess !== 'EDIT_ALL') {
    return {
      ok: false,
      reason: 'ADMINISTRATORS_NEED_EDIT_ALL',
      message: 'The Administrators group must keep the EDIT_ALL access level on API keys.',
    };
  }
  if (holdsAll(next.privileges, ALL_CONSOLE_PRIVILEGES)) return { ok: true };
  const missing = missingPrivileges(next.privileges, ALL_CONSOLE_PRIVILEGES).map(privilegeId);
  return {
    ok: false,
    reason: 'ADMINISTRATORS_NEED_EVERY_PRIVILEGE',
    message: `The Administrators group must keep every privilege; missing: ${missing.join(', ')}.`,
  };
}
