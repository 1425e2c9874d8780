import type { ActivityOperation, ResourceState, TriggeredBy } from '@keyward/contract';
import type { Db } from '../../db/database.ts';
import type { Principal } from '../../http/principal.ts';
import { insertActivity } from './activities.repository.ts';

export type { TriggeredBy };

/** Who triggered a scheduled job's change. */
export const SYSTEM_ACTOR: TriggeredBy = { type: 'SYSTEM', id: 'SYSTEM', displayName: 'SYSTEM' };

export function actorOf(principal: Principal): TriggeredBy {
  return principal.kind === 'user'
    ? { type: 'USER', id: principal.userId, displayName: principal.email }
    : { type: 'API_KEY', id: principal.keyId, displayName: principal.displayName };
}

export interface ActivityRecord {
  organizationId: string;
  operation: ActivityOperation;
  triggeredBy: TriggeredBy;
  /** The key's id and name (its name after the change). */
  resourceId: string;
  resourceName: string;
  /** The key's state after the change. */
  state: ResourceState;
  /** The changed fields, before and after; never a key value. */
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  /** Anything else worth keeping, e.g. `{duplicatedFrom: id}`. */
  details?: Record<string, unknown>;
  now: number;
}

/**
 * Writes one activity. Call it with the transaction of the change it describes, so that the
 * activity exists if and only if the change was committed.
 */
export async function recordActivity(trx: Db, record: ActivityRecord): Promise<void> {
  const content = {
    ...record.details,
    resourceState: record.state,
    ...(record.before ? { before: record.before } : {}),
    ...(record.after ? { after: record.after } : {}),
  };
  await insertActivity(trx, {
    organization_id: record.organizationId,
    operation: record.operation,
    triggered_by_type: record.triggeredBy.type,
    triggered_by_id: record.triggeredBy.id,
    triggered_by_name: record.triggeredBy.displayName,
    create_date: record.now,
    resource_type: 'API_KEY',
    resource_id: record.resourceId,
    resource_name: record.resourceName,
    state: record.state,
    content_json: JSON.stringify(content),
  });
}

/** The fields whose values differ, as `{before, after}` (keys present in `after` only are compared). */
export function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const keys = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (keys.length === 0) return null;
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, after[k] ?? null])),
  };
}
