import {
  CONSOLE_REQUIREMENTS,
  REQUIRED_PRIVILEGES,
  findCatalogEntry,
  holdsAll,
  missingPrivileges,
  privilegeLevelLabel,
  type Privilege,
} from '@keyward/domain';
import type { MyOrganization } from '@keyward/contract';
import { useOrganization } from './session.ts';

/** "API keys Edit", "Groups View": how the seeds name a required privilege. */
export function privilegeName(p: Privilege): string {
  const entry = findCatalogEntry(p);
  return `${entry?.label ?? `${p.owner}/${p.targetDomain}`} ${privilegeLevelLabel(p)}`;
}

function reasonFor(held: readonly Privilege[], required: readonly Privilege[], what: string): string | null {
  const missing = missingPrivileges(held, required).map(privilegeName);
  if (missing.length === 0) return null;
  return `${what} requires the ${missing.join(', ')} privilege${missing.length > 1 ? 's' : ''}.`;
}

/**
 * The console's required privileges (PRODUCT.md §2, from the seeds). A control the user may not use
 * is hidden or disabled with the reason, never just failing.
 */
export interface ConsoleAccess {
  /** The API Keys page: Activities View, API keys View, Groups View. */
  viewKeys: boolean;
  viewKeysMissing: string[];
  /** Editing keys (Activities View, Groups View, API keys Edit): null when allowed, else why not. */
  editKeysReason: string | null;
  /** Add key: editing plus API keys Create. */
  createKeysReason: string | null;
  /** False for a view-only user, who sees no editing control at all. */
  canEditKeys: boolean;
  viewActivities: boolean;
  viewGroups: boolean;
  editGroupsReason: string | null;
  /** Security contacts and administrators (API_KEY_EXPOSURE:EDIT): dismiss reports, deactivate exposed keys. */
  manageExposures: boolean;
  /** CUSTOM access: edit rights are granted per key, so the server has the last word. */
  customKeyAccess: boolean;
}

export function consoleAccess(org: MyOrganization | undefined): ConsoleAccess {
  const held = org?.privileges ?? [];
  const editKeysReason = reasonFor(held, CONSOLE_REQUIREMENTS.editApiKeys, 'Editing API keys');
  return {
    viewKeys: holdsAll(held, CONSOLE_REQUIREMENTS.viewApiKeysPage),
    viewKeysMissing: missingPrivileges(held, CONSOLE_REQUIREMENTS.viewApiKeysPage).map(privilegeName),
    editKeysReason,
    createKeysReason: reasonFor(held, CONSOLE_REQUIREMENTS.addKey, 'Adding API keys'),
    canEditKeys: editKeysReason === null,
    viewActivities: holdsAll(held, [REQUIRED_PRIVILEGES.viewActivities]),
    viewGroups: holdsAll(held, [REQUIRED_PRIVILEGES.viewGroups]),
    editGroupsReason: reasonFor(held, [REQUIRED_PRIVILEGES.editGroups], 'Changing groups'),
    manageExposures: holdsAll(held, [REQUIRED_PRIVILEGES.manageExposures]),
    customKeyAccess: org?.apiKeyAccess === 'CUSTOM',
  };
}

export function useConsoleAccess(orgId: string | undefined): ConsoleAccess {
  return consoleAccess(useOrganization(orgId));
}
