import {
  disableVerdict,
  inactivityDeadline,
  keepActiveVerdict,
  reactivationVerdict,
  statusOf,
  type DisabledReason,
  type KeyFacts,
  type Verdict,
} from '@keyward/domain';
import { AppError } from '../../http/problem.ts';
import { changedFields, recordActivity } from '../activities/record-activity.ts';
import { factsOf, resourceStateOf, type ApiKeyRow } from './api-key-row.ts';
import { deleteKeys, updateKey, type KeyPatch } from './api-keys.repository.ts';
import { loadKeys } from './api-keys.service.ts';
import { keyActivityFields, grantIds } from './key-fields.ts';
import type { Caller, KeyServiceDeps } from './key-access.ts';

interface StateChange {
  operation: 'ENABLE' | 'DISABLE' | 'EXTEND';
  verdict: (facts: KeyFacts, now: number) => Verdict<string>;
  patch: (row: ApiKeyRow, now: number) => KeyPatch;
}

const MANUAL: DisabledReason = 'MANUAL';

/** Activation starts a new year of inactivity allowance: the deadline moves with it. */
function activatedAt(row: ApiKeyRow, now: number): KeyPatch {
  return {
    activation_date: now,
    inactivity_deadline: inactivityDeadline({ activationDate: now, lastUsedDate: row.last_used_date }),
    updated_date: now,
  };
}

export const ACTIVATE: StateChange = {
  operation: 'ENABLE',
  verdict: reactivationVerdict,
  patch: (row, now) => ({
    ...activatedAt(row, now),
    enabled: 1,
    disabled_reason: null,
    disabled_date: null,
    // A rotation grace period that has ended is what disabled the key: reactivating ends it.
    ...(row.scheduled_deactivation_date !== null && row.scheduled_deactivation_date <= now
      ? { scheduled_deactivation_date: null }
      : {}),
  }),
};

export const DISABLE: StateChange = {
  operation: 'DISABLE',
  verdict: disableVerdict,
  patch: (_row, now) => ({ enabled: 0, disabled_reason: MANUAL, disabled_date: now, updated_date: now }),
};

/** Keep active for a year. */
export const EXTEND: StateChange = { operation: 'EXTEND', verdict: keepActiveVerdict, patch: activatedAt };

function snapshot(row: ApiKeyRow, now: number) {
  const view = statusOf(factsOf(row), now);
  return {
    status: view.status,
    activationDate: row.activation_date,
    inactivityDeadline: view.inactivityDeadline,
    disabledDate: row.disabled_date,
  };
}

function conflict(refused: { id: string; reason: string; message: string }[]): AppError {
  const errors = refused.map((r) => ({ path: r.id, rule: r.reason, message: r.message }));
  const detail =
    refused.length === 1
      ? (refused[0]?.message ?? '')
      : `${refused.length} of the API keys can't be changed (see errors); none was changed.`;
  return new AppError('CONFLICT', detail, errors);
}

/** Activates, disables or extends keys: all of them in one transaction, or none if one is refused. */
export async function changeKeyStates(
  deps: KeyServiceDeps,
  caller: Caller,
  ids: readonly string[],
  change: StateChange,
): Promise<void> {
  const keys = await loadKeys(deps.db, caller, ids, 'EDIT');
  const now = deps.clock.now();
  const refused = keys.flatMap(({ row }) => {
    const verdict = change.verdict(factsOf(row), now);
    return verdict.ok ? [] : [{ id: row.id, reason: verdict.reason, message: verdict.message }];
  });
  if (refused.length > 0) throw conflict(refused);
  await deps.db.transaction().execute(async (trx) => {
    for (const { row } of keys) {
      const patch = change.patch(row, now);
      const after = { ...row, ...patch } as ApiKeyRow;
      await updateKey(trx, row.id, patch);
      await recordActivity(trx, {
        organizationId: row.organization_id,
        operation: change.operation,
        triggeredBy: caller.actor,
        resourceId: row.id,
        resourceName: row.display_name,
        state: resourceStateOf(after, now),
        ...changedFields(snapshot(row, now), snapshot(after, now)),
        now,
      });
    }
  });
  deps.keyChanges.publish(keys.map(({ row }) => row.id));
}

/** Deletes keys, all or none, each with its activity (what the key was, never its value). */
export async function deleteApiKeys(deps: KeyServiceDeps, caller: Caller, ids: readonly string[]): Promise<void> {
  const keys = await loadKeys(deps.db, caller, ids, 'EDIT');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    for (const { row, grants } of keys) {
      await recordActivity(trx, {
        organizationId: row.organization_id,
        operation: 'DELETE',
        triggeredBy: caller.actor,
        resourceId: row.id,
        resourceName: row.display_name,
        state: 'DELETED',
        before: keyActivityFields(row, grantIds(grants, 'VIEW'), grantIds(grants, 'EDIT')),
        now,
      });
    }
    await deleteKeys(
      trx,
      caller.access.organizationId,
      keys.map((k) => k.row.id),
    );
  });
  deps.keyChanges.publish(keys.map(({ row }) => row.id));
}
