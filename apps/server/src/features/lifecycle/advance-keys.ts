import { automaticDeactivation, deactivatedFacts, noticesDue, type DisabledReason } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import { recordActivity, SYSTEM_ACTOR } from '../activities/record-activity.ts';
import { factsOf, type ApiKeyRow } from '../api-keys/api-key-row.ts';
import { recordedNotices } from '../notifications/notices.repository.ts';
import { queueNotices, type NoticeQueueContext, type PlannedNotice } from '../notifications/notice-queue.service.ts';
import { deactivateKey, loadKeyRows } from './lifecycle.repository.ts';

export interface AdvanceSummary {
  keysExamined: number;
  deactivated: { inactivity: number; exposure: number; rotation: number };
  noticesQueued: number;
  noticesSuperseded: number;
}

export function emptySummary(): AdvanceSummary {
  return {
    keysExamined: 0,
    deactivated: { inactivity: 0, exposure: 0, rotation: 0 },
    noticesQueued: 0,
    noticesSuperseded: 0,
  };
}

export function addSummary(total: AdvanceSummary, part: AdvanceSummary): void {
  total.keysExamined += part.keysExamined;
  total.deactivated.inactivity += part.deactivated.inactivity;
  total.deactivated.exposure += part.deactivated.exposure;
  total.deactivated.rotation += part.deactivated.rotation;
  total.noticesQueued += part.noticesQueued;
  total.noticesSuperseded += part.noticesSuperseded;
}

const COUNTER: Record<DisabledReason, keyof AdvanceSummary['deactivated'] | null> = {
  INACTIVITY: 'inactivity',
  EXPOSED: 'exposure',
  ROTATED: 'rotation',
  MANUAL: null,
};

/**
 * Brings some keys up to date at `ctx.now`, inside the caller's transaction: records the automatic
 * deactivations whose deadline has passed (an activity by SYSTEM each) and queues the notices due.
 * Every write is conditional (`enabled = 1`, notices_sent's primary key), so running it again, or
 * concurrently, changes nothing more.
 */
export async function advanceKeys(trx: Db, ids: readonly string[], ctx: NoticeQueueContext): Promise<AdvanceSummary> {
  const summary = emptySummary();
  const rows = await loadKeyRows(trx, ids);
  const recorded = await recordedNotices(trx, ids);
  const planned: PlannedNotice[] = [];
  for (const row of rows) {
    const facts = await deactivateIfDue(trx, row, ctx.now, summary);
    for (const due of noticesDue(facts, recorded.get(row.id) ?? new Set(), ctx.now)) planned.push({ row, due });
  }
  const queued = await queueNotices(trx, planned, ctx);
  summary.keysExamined = rows.length;
  summary.noticesQueued = queued.queued;
  summary.noticesSuperseded = queued.superseded;
  return summary;
}

async function deactivateIfDue(trx: Db, row: ApiKeyRow, now: number, summary: AdvanceSummary) {
  const facts = factsOf(row);
  const change = automaticDeactivation(facts, now);
  if (change === null || !(await deactivateKey(trx, row.id, change, now))) return facts;
  await recordActivity(trx, {
    organizationId: row.organization_id,
    operation: 'DEACTIVATE',
    triggeredBy: SYSTEM_ACTOR,
    resourceId: row.id,
    resourceName: row.display_name,
    state: 'DISABLED',
    before: { enabled: true, disabledReason: null, disabledDate: null },
    after: { enabled: false, disabledReason: change.reason, disabledDate: change.date },
    details: { reason: change.reason },
    now: change.date,
  });
  const counter = COUNTER[change.reason];
  if (counter) summary.deactivated[counter] += 1;
  return deactivatedFacts(facts, change);
}
