import type { KeyServiceDeps as Deps } from '../api-keys/api-key-access.ts';
import { AppError } from '../../http/problem.ts';
import { recordActivity } from '../activities/record-activity.ts';
import { loadKey } from '../api-keys/api-keys.service.ts';
import type { Caller } from '../api-keys/api-key-access.ts';
import { assertRotatable, periodMsOf } from './rotation-rules.ts';
import { scheduleRotation } from './rotation.repository.ts';
import { statusOf } from '@keyward/domain';
import { factsOf } from '../api-keys/api-key-row.ts';

/**
 * Retires a key in favour of one made from it (Create from existing): the same link and grace period
 * as a rotation, without creating a key. Both keys get a ROTATE activity naming the other.
 */
export async function replaceApiKey(
  deps: Deps,
  caller: Caller,
  id: string,
  input: { replacementKeyId: string; previousKeyExpirationPeriod: string },
): Promise<void> {
  const periodMs = periodMsOf(input.previousKeyExpirationPeriod);
  const old = await loadKey(deps.db, caller, id, 'EDIT');
  const now = deps.clock.now();
  assertRotatable(old.row, now);
  const path = 'replacementKeyId';
  if (input.replacementKeyId === id) {
    const message = 'A key cannot replace itself: name the key made from it.';
    throw new AppError('INVALID_REQUEST', message, [{ path, rule: 'REPLACEMENT', message }]);
  }
  const fresh = await loadKey(deps.db, caller, input.replacementKeyId, 'VIEW');
  if (!statusOf(factsOf(fresh.row), now).usable) {
    throw new AppError('CONFLICT', `The replacement "${fresh.row.id}" is not active: it cannot take over.`);
  }
  const end = now + periodMs;
  const immediate = end <= now;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await scheduleRotation(trx, old.row.id, fresh.row.id, end, now))) {
      throw new AppError('CONFLICT', `The API key "${id}" was rotated or deactivated meanwhile: nothing was changed.`);
    }
    const base = {
      organizationId: old.row.organization_id,
      operation: 'ROTATE' as const,
      triggeredBy: caller.actor,
      now,
    };
    await recordActivity(trx, {
      ...base,
      resourceId: old.row.id,
      resourceName: old.row.display_name,
      state: immediate ? 'DISABLED' : 'ENABLED',
      before: { rotatedToKeyId: null, scheduledDeactivationDate: old.row.scheduled_deactivation_date },
      after: { rotatedToKeyId: fresh.row.id, scheduledDeactivationDate: end },
      details: { rotatedTo: fresh.row.id, previousKeyExpirationPeriod: input.previousKeyExpirationPeriod },
    });
    await recordActivity(trx, {
      ...base,
      resourceId: fresh.row.id,
      resourceName: fresh.row.display_name,
      state: 'ENABLED',
      details: { rotatedFrom: old.row.id },
    });
  });
  deps.keyChanges.publish([old.row.id, fresh.row.id]);
}
