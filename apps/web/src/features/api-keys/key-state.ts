import type { ApiKey } from '@keyward/contract';
import { getTemplate, isUsableStatus, type KeyStatus } from '@keyward/domain';

// What a person may do with a key comes from the server's answer (derived there by the domain's
// rules with the server's clock): reactivation, keep-active and the caller's access to the key.

export function isUsable(key: ApiKey): boolean {
  return isUsableStatus(key.status);
}

export function isExposed(key: ApiKey): boolean {
  return key.exposureReport !== null;
}

/** Null when the caller may change this key, else why not (CUSTOM access: granted per key). */
export function editBlockedReason(key: ApiKey): string | null {
  return key.access === 'EDIT'
    ? null
    : `You can view “${key.displayName}” but not edit it: ask for the Edit access level on this key.`;
}

/** Null when the key may be reactivated, else the domain's reason (Custom, expired, exposed...). */
export function activateBlockedReason(key: ApiKey): string | null {
  if (key.reactivation.allowed) return editBlockedReason(key);
  return key.reactivation.message ?? 'This API key can’t be reactivated.';
}

export function deactivateBlockedReason(key: ApiKey): string | null {
  if (!isUsable(key)) return 'This API key is already deactivated.';
  return editBlockedReason(key);
}

/** Expired and deactivated keys offer Delete in the Status column. */
export function offersDeleteInStatus(status: KeyStatus): boolean {
  return !isUsableStatus(status);
}

export function templateName(templateId: string): string {
  return getTemplate(templateId)?.name ?? templateId;
}
