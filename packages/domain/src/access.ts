import type { Privilege } from './privilege-catalog.ts';
import { isAssignableToKeys, privilege, privilegeId } from './privileges.ts';

export const API_KEY_ACCESS_LEVELS = ['NONE', 'VIEW_ALL', 'EDIT_ALL', 'CUSTOM'] as const;
export type ApiKeyAccess = (typeof API_KEY_ACCESS_LEVELS)[number];

/** A caller's access to one key. */
export const KEY_ACCESS_LEVELS = ['NONE', 'VIEW', 'EDIT'] as const;
export type KeyAccessLevel = (typeof KEY_ACCESS_LEVELS)[number];
export type KeyGrant = { groupId: string; level: 'VIEW' | 'EDIT' };

const RANK: Readonly<Record<KeyAccessLevel, number>> = { NONE: 0, VIEW: 1, EDIT: 2 };

function best(a: KeyAccessLevel, b: KeyAccessLevel): KeyAccessLevel {
  return RANK[a] >= RANK[b] ? a : b;
}

function groupLevel(group: { id: string; apiKeyAccess: ApiKeyAccess }, grants: readonly KeyGrant[]): KeyAccessLevel {
  switch (group.apiKeyAccess) {
    case 'NONE':
      return 'NONE';
    case 'VIEW_ALL':
      return 'VIEW';
    case 'EDIT_ALL':
      return 'EDIT';
    case 'CUSTOM':
      return grants
        .filter((g) => g.groupId === group.id)
        .reduce<KeyAccessLevel>((acc, g) => best(acc, g.level), 'NONE');
  }
}

/**
 * A user's access to one key: the best over the user's groups. A CUSTOM group uses the key's
 * grants (the Access step: which CUSTOM groups can view it, which can edit it).
 */
export function keyAccessOf(
  user: { groups: readonly { id: string; apiKeyAccess: ApiKeyAccess }[] },
  grants: readonly KeyGrant[],
): KeyAccessLevel {
  return user.groups.reduce<KeyAccessLevel>((acc, g) => best(acc, groupLevel(g, grants)), 'NONE');
}

/**
 * The API-key privileges a group's access level implies, added to the group's own privileges:
 * VIEW_ALL and CUSTOM give API keys View (a CUSTOM group then sees only the keys granted to it),
 * EDIT_ALL gives View and Edit. Creating keys always needs an explicit API keys Create.
 */
export function apiKeyAccessPrivileges(access: ApiKeyAccess): Privilege[] {
  switch (access) {
    case 'NONE':
      return [];
    case 'VIEW_ALL':
    case 'CUSTOM':
      return [REQUIRED_PRIVILEGES.viewApiKeys];
    case 'EDIT_ALL':
      return [REQUIRED_PRIVILEGES.viewApiKeys, REQUIRED_PRIVILEGES.editApiKeys];
  }
}

/** EDIT implies VIEW. */
export function keyAccessAllows(level: KeyAccessLevel, needed: 'VIEW' | 'EDIT'): boolean {
  return RANK[level] >= RANK[needed];
}

/** The privileges each REST area requires (PRODUCT.md §2); routes declare these. */
export const REQUIRED_PRIVILEGES = {
  viewApiKeys: privilege('PLATFORM/API_KEY:VIEW'),
  createApiKeys: privilege('PLATFORM/API_KEY:CREATE'),
  editApiKeys: privilege('PLATFORM/API_KEY:EDIT'),
  manageExposures: privilege('PLATFORM/API_KEY_EXPOSURE:EDIT'),
  viewActivities: privilege('PLATFORM/ACTIVITIES:VIEW'),
  viewGroups: privilege('PLATFORM/GROUP:VIEW'),
  editGroups: privilege('PLATFORM/GROUP:EDIT'),
} as const satisfies Record<string, Privilege>;

/** What the console needs before showing a page or enabling a control (from the seeds). */
export const CONSOLE_REQUIREMENTS = {
  viewApiKeysPage: [
    REQUIRED_PRIVILEGES.viewActivities,
    REQUIRED_PRIVILEGES.viewApiKeys,
    REQUIRED_PRIVILEGES.viewGroups,
  ],
  editApiKeys: [REQUIRED_PRIVILEGES.viewActivities, REQUIRED_PRIVILEGES.viewGroups, REQUIRED_PRIVILEGES.editApiKeys],
  addKey: [
    REQUIRED_PRIVILEGES.viewActivities,
    REQUIRED_PRIVILEGES.viewGroups,
    REQUIRED_PRIVILEGES.editApiKeys,
    REQUIRED_PRIVILEGES.createApiKeys,
  ],
} as const satisfies Record<string, readonly Privilege[]>;

/**
 * When the caller is an API key: a refusal message if the route needs a privilege no API key can
 * ever hold (viewing or editing keys, groups, activities), else null (check the key's privileges).
 */
export function apiKeyCallerRefusal(required: readonly Privilege[]): string | null {
  const consoleOnly = required.filter((p) => !isAssignableToKeys(p));
  if (consoleOnly.length === 0) return null;
  return `An API key can never view or edit API keys, groups or activities (requires ${consoleOnly.map(privilegeId).join(', ')}). Sign in as a user instead.`;
}

/**
 * The most a user's groups can give on any one key, before its grants are known: what a route's
 * Access rule checks (a CUSTOM group may be granted Edit on some key; the service checks which).
 */
export function keyAccessCeiling(user: {
  groups: readonly { id: string; apiKeyAccess: ApiKeyAccess }[];
}): KeyAccessLevel {
  return keyAccessOf(
    user,
    user.groups.map((g) => ({ groupId: g.id, level: 'EDIT' })),
  );
}
