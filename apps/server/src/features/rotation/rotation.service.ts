import type { ApiKey } from '@keyward/contract';
import {
  DAY_MS,
  holdsAll,
  REQUIRED_PRIVILEGES,
  rotateAuthority,
  startOfUtcDay,
  validateKeyRequest,
  type KeyRequestInput,
} from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/problem.ts';
import { recordActivity } from '../activities/record-activity.ts';
import { toApiKeyDto, type ApiKeyRow, type GrantRow } from '../api-keys/api-key-row.ts';
import { findGrants } from '../api-keys/api-keys.repository.ts';
import { loadKey } from '../api-keys/api-keys.service.ts';
import { insertNewKey, throwIfInvalid } from '../api-keys/api-key-create.service.ts';
import { accessToKey, type Caller, type KeyServiceDeps } from '../api-keys/api-key-access.ts';
import { assertGroupsExist, keyActivityFields } from '../api-keys/api-key-fields.ts';
import { requestFromExisting } from '../api-keys/api-key-duplicate.service.ts';
import { assertRotatable, periodMsOf } from './rotation-rules.ts';
import { scheduleRotation } from './rotation.repository.ts';

/**
 * The new key's lifetime: as long as the old one's was (whole UTC days from its creation to its
 * expiration day), so a View all content key stays within 1 to 14 days; a Custom key that never
 * expires gives one that never expires.
 */
function lifetimeOf(row: ApiKeyRow): string | null {
  if (row.expiration_date === null) return row.template_id === 'custom' ? 'NEVER' : null;
  const days = Math.max(1, Math.round((startOfUtcDay(row.expiration_date) - startOfUtcDay(row.created_date)) / DAY_MS));
  return `P${days}D`;
}

/** The old key's settings as a create request (the same copy as Create from existing), with its lifetime. */
function copyOf(row: ApiKeyRow, grants: readonly GrantRow[]): KeyRequestInput {
  return requestFromExisting(row, grants, { lifetimeDuration: lifetimeOf(row) });
}

/**
 * Rotation (PRODUCT.md §3.4): a new key with the old one's settings, revealed once, and the old key
 * deactivated when the grace period ends (`PT0S`: now). One transaction: both keys, both ROTATE
 * activities; a concurrent rotation of the same key answers 409.
 */
export async function rotateApiKey(deps: KeyServiceDeps, caller: Caller, id: string, period: string): Promise<ApiKey> {
  const periodMs = periodMsOf(period);
  const { row, grants, level } = await loadKey(deps.db, caller, id, 'VIEW');
  const holds = (p: (typeof REQUIRED_PRIVILEGES)[keyof typeof REQUIRED_PRIVILEGES]) =>
    holdsAll(caller.access.privileges, [p]);
  const authority = rotateAuthority({
    keyAccess: level,
    createsKeys: holds(REQUIRED_PRIVILEGES.createApiKeys),
    managesExposures: holds(REQUIRED_PRIVILEGES.manageExposures),
    exposed: row.exposure_json !== null,
  });
  if (authority === 'FORBIDDEN') {
    throw new AppError(
      'FORBIDDEN',
      `You can view the API key "${id}" but not rotate it: that requires API keys Create and Edit access to it, or, for an exposed key, the security contact's privilege.`,
    );
  }
  const now = deps.clock.now();
  assertRotatable(row, now);
  const ctx = { now, allowPrivateIps: deps.config.allowPrivateIps, origin: 'DUPLICATE' as const };
  const key = throwIfInvalid(validateKeyRequest(copyOf(row, grants), ctx));
  await assertGroupsExist(deps.db, row.organization_id, key);
  const created = await deps.db.transaction().execute(async (trx) => {
    const result = await insertNewKey(trx, { organizationId: row.organization_id, key, createdBy: caller.actor, now });
    const end = now + periodMs;
    if (!(await scheduleRotation(trx, row.id, result.row.id, end, now))) {
      throw new AppError('CONFLICT', `The API key "${id}" was rotated or deactivated meanwhile: nothing was changed.`);
    }
    await recordRotation(trx, caller, row, result.row, { end, period, grants: key });
    return result;
  });
  deps.keyChanges.publish([row.id, created.row.id]);
  const newGrants = await findGrants(deps.db, [created.row.id]);
  return toApiKeyDto(created.row, {
    now,
    grants: newGrants,
    access: accessToKey(caller.access, newGrants, created.row.id),
    value: created.value,
  });
}

async function recordRotation(
  trx: Db,
  caller: Caller,
  old: ApiKeyRow,
  fresh: ApiKeyRow,
  info: { end: number; period: string; grants: { groupsThatCanView: string[]; groupsThatCanEdit: string[] } },
): Promise<void> {
  const now = fresh.created_date;
  const immediate = info.end <= now;
  await recordActivity(trx, {
    organizationId: fresh.organization_id,
    operation: 'ROTATE',
    triggeredBy: caller.actor,
    resourceId: fresh.id,
    resourceName: fresh.display_name,
    state: 'ENABLED',
    after: keyActivityFields(fresh, info.grants.groupsThatCanView, info.grants.groupsThatCanEdit),
    details: { rotatedFrom: old.id },
    now,
  });
  await recordActivity(trx, {
    organizationId: old.organization_id,
    operation: 'ROTATE',
    triggeredBy: caller.actor,
    resourceId: old.id,
    resourceName: old.display_name,
    state: immediate ? 'DISABLED' : 'ENABLED',
    before: {
      rotatedToKeyId: null,
      scheduledDeactivationDate: old.scheduled_deactivation_date,
      ...(immediate ? { enabled: true } : {}),
    },
    after: {
      rotatedToKeyId: fresh.id,
      scheduledDeactivationDate: info.end,
      ...(immediate ? { enabled: false, disabledReason: 'ROTATED' } : {}),
    },
    details: { rotatedTo: fresh.id, previousKeyExpirationPeriod: info.period },
    now,
  });
}
