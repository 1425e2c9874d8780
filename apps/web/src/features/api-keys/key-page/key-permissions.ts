import type { ApiKey } from '@keyward/contract';
import type { ConsoleAccess } from '../../../lib/permissions.ts';
import { editBlockedReason, isExposed, isUsable } from '../key-state.ts';

/** What the signed-in person may do on one key's page; the server checks the same rules. */
export interface KeyPermissions {
  edit: boolean;
  /** Deactivate: Edit access, or a security contact on an exposed key. */
  deactivate: boolean;
  dismissExposure: boolean;
  reportExposure: boolean;
  /** Rotate is shown to editors and security contacts; null when it may be used, else why not. */
  showRotate: boolean;
  rotateReason: string | null;
}

function rotateBlockedReason(key: ApiKey, access: ConsoleAccess, edit: boolean): string | null {
  if (!isUsable(key)) return 'Only an active API key can be rotated: use Create from existing instead.';
  if (key.rotatedToKeyId) return 'This API key was already rotated.';
  // A security contact replaces an exposed key without Edit or Create (domain rotateAuthority).
  if (access.manageExposures && isExposed(key)) return null;
  if (!edit) return editBlockedReason(key) ?? access.editKeysReason ?? 'Rotating requires the Edit access level.';
  return access.createKeysReason;
}

export function keyPermissions(key: ApiKey, access: ConsoleAccess): KeyPermissions {
  const edit = access.canEditKeys && key.access === 'EDIT';
  const exposed = isExposed(key);
  const usable = isUsable(key);
  return {
    edit,
    deactivate: usable && (edit || (access.manageExposures && exposed)),
    dismissExposure: usable && exposed && access.manageExposures,
    reportExposure: edit || access.manageExposures,
    showRotate: edit || access.manageExposures,
    rotateReason: rotateBlockedReason(key, access, edit),
  };
}
