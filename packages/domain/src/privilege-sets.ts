import { PRIVILEGE_CATALOG, type Privilege, type PrivilegeOwner, type PrivilegeType } from './privilege-catalog.ts';
import { entryPrivileges, keyTypesOf, privilege } from './privileges.ts';

/** A granted target covers the required one when it is '*'/absent or the same id. */
function coversTarget(granted: string | undefined, required: string | undefined): boolean {
  if (granted === undefined || granted === '*') return true;
  return required !== undefined && required !== '*' && granted === required;
}

/** EDIT implies VIEW; otherwise types must be equal (a typeless requirement needs a typeless grant). */
function coversType(granted: PrivilegeType | undefined, required: PrivilegeType | undefined): boolean {
  if (granted === required) return true;
  return granted === 'EDIT' && required === 'VIEW';
}

export function holdsPrivilege(granted: readonly Privilege[], required: Privilege): boolean {
  return granted.some(
    (g) =>
      g.owner === required.owner &&
      g.targetDomain === required.targetDomain &&
      coversType(g.type, required.type) &&
      coversTarget(g.targetId, required.targetId),
  );
}

export function holdsAll(granted: readonly Privilege[], required: readonly Privilege[]): boolean {
  return required.every((r) => holdsPrivilege(granted, r));
}

/** The required privileges that `granted` lacks (for "insufficient privileges" messages). */
export function missingPrivileges(granted: readonly Privilege[], required: readonly Privilege[]): Privilege[] {
  return required.filter((r) => !holdsPrivilege(granted, r));
}

/** One entry of `GET /privileges/apikeys`. */
export type AssignablePrivilege = {
  owner: PrivilegeOwner;
  targetDomain: string;
  type?: PrivilegeType;
  targetIds: string[];
  global: false;
};

export type AssignableFilter = 'ALL' | 'CUSTOM';

/** ALL: every privilege an API key may hold; CUSTOM: minus those forbidden in Custom keys. */
export function assignablePrivileges(filter: AssignableFilter): AssignablePrivilege[] {
  return PRIVILEGE_CATALOG.filter((e) => e.assignableToKeys)
    .filter((e) => filter === 'ALL' || e.forbiddenInCustomReason === undefined)
    .flatMap((e) => entryPrivileges(e, keyTypesOf(e)))
    .map((p) => ({ ...p, targetIds: [], global: false as const }));
}

/** Every privilege of the catalog, on every target: the built-in Administrators group. */
export const ALL_CONSOLE_PRIVILEGES: readonly Privilege[] = PRIVILEGE_CATALOG.flatMap((e) =>
  entryPrivileges(e, e.types),
);

/** The built-in Security contacts group (PRODUCT.md §2). */
export const SECURITY_CONTACT_PRIVILEGES: readonly Privilege[] = [
  privilege('PLATFORM/API_KEY:VIEW'),
  privilege('PLATFORM/ACTIVITIES:VIEW'),
  privilege('PLATFORM/GROUP:VIEW'),
  privilege('PLATFORM/API_KEY_EXPOSURE:EDIT'),
];
