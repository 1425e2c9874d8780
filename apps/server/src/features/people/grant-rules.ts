import {
  ALL_CONSOLE_PRIVILEGES,
  apiKeyAccessPrivileges,
  holdsAll,
  holdsPrivilege,
  missingPrivileges,
  privilegeId,
  type ApiKeyAccess,
  type Privilege,
} from '@keyward/domain';
import type { OrgAccess } from '../../http/principal.ts';
import { AppError } from '../../http/problem.ts';

export const ADMINISTRATORS = 'ADMINISTRATORS';
export const SECURITY_CONTACTS = 'SECURITY_CONTACTS';

/** Everything membership of a group gives: its privileges and those its API-key access implies. */
export function grantsOf(group: { apiKeyAccess: ApiKeyAccess; privileges: readonly Privilege[] }): Privilege[] {
  return [...group.privileges, ...apiKeyAccessPrivileges(group.apiKeyAccess)];
}

/**
 * Nobody hands out more than they hold: a Groups Edit holder cannot create a group with privileges
 * they lack, widen one, or join people (themselves included) to a group that grants more than they
 * hold. What the group already granted stays allowed. `caller` is absent for the CLI (an operator).
 */
export function assertCanGrant(
  caller: OrgAccess | undefined,
  granted: readonly Privilege[],
  alreadyGranted: readonly Privilege[] = [],
): void {
  if (!caller) return;
  const missing = missingPrivileges(caller.privileges, granted).filter((p) => !holdsPrivilege(alreadyGranted, p));
  if (missing.length === 0) return;
  throw new AppError(
    'FORBIDDEN',
    `You can only grant privileges you hold yourself; you lack ${missing.map(privilegeId).join(', ')}.`,
  );
}

/** The Administrators group keeps EDIT_ALL and every privilege, so the organization never locks itself out. */
export function assertAdministratorsIntact(
  builtIn: string | null,
  next: { apiKeyAccess: ApiKeyAccess; privileges: readonly Privilege[] },
): void {
  if (builtIn !== ADMINISTRATORS) return;
  if (next.apiKeyAccess !== 'EDIT_ALL') {
    throw new AppError('CONFLICT', 'The Administrators group must keep the EDIT_ALL access level on API keys.');
  }
  if (!holdsAll(next.privileges, ALL_CONSOLE_PRIVILEGES)) {
    const missing = missingPrivileges(next.privileges, ALL_CONSOLE_PRIVILEGES).map(privilegeId);
    throw new AppError(
      'CONFLICT',
      `The Administrators group must keep every privilege; missing: ${missing.join(', ')}.`,
    );
  }
}
