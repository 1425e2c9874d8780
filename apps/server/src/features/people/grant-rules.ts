import { administratorsGroupVerdict, grantVerdict, type GroupGrants, type Privilege } from '@keyward/domain';
import type { OrgAccess } from '../../http/principal.ts';
import { throwIfRefused } from '../../http/problem.ts';

/**
 * The domain's grant rule for a caller: nobody hands out more than they hold. `caller` is absent
 * for the CLI (an operator), who may grant anything.
 */
export function assertCanGrant(
  caller: OrgAccess | undefined,
  granted: readonly Privilege[],
  alreadyGranted: readonly Privilege[] = [],
): void {
  if (caller) throwIfRefused(grantVerdict(caller.privileges, granted, alreadyGranted), 'FORBIDDEN');
}

/** The Administrators group keeps EDIT_ALL and every privilege (the domain's rule). */
export function assertAdministratorsIntact(builtIn: string | null, next: GroupGrants): void {
  throwIfRefused(administratorsGroupVerdict(builtIn, next), 'CONFLICT');
}
