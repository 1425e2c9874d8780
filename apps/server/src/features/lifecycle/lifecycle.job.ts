import type { Db } from '../../db/database.ts';
import type { NoticeQueueContext } from '../notifications/notice-queue.service.ts';
import { addSummary, advanceKeys, emptySummary, type AdvanceSummary } from './advance-keys.ts';
import { lifecycleCandidateIds } from './lifecycle.repository.ts';

export interface LifecycleJobOptions {
  batchSize: number;
  log: (line: string) => void;
  /** Called after each committed batch (tests use it to stop a pass midway, as a crash would). */
  afterBatch?: (batch: number) => void | Promise<void>;
}

const BUSY_RETRIES = 3;

/**
 * One pass of the lifecycle job: keyset pagination by id over the keys SQL says may need work,
 * one transaction per batch, so memory stays flat whatever the number of keys and a crash loses at
 * most the batch in flight (rolled back, redone by the next pass).
 */
export async function runLifecycleJob(
  db: Db,
  ctx: NoticeQueueContext,
  options: LifecycleJobOptions,
): Promise<AdvanceSummary> {
  const total = emptySummary();
  let cursor = '';
  for (let batch = 1; ; batch++) {
    const ids = await lifecycleCandidateIds(db, cursor, ctx.now, options.batchSize);
    if (ids.length === 0) break;
    addSummary(total, await advanceBatch(db, ids, ctx, options.log));
    cursor = ids[ids.length - 1] ?? cursor;
    await options.afterBatch?.(batch);
    if (ids.length < options.batchSize) break;
    // Let requests in between batches (better-sqlite3 is synchronous: awaiting it never yields).
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return total;
}

async function advanceBatch(
  db: Db,
  ids: readonly string[],
  ctx: NoticeQueueContext,
  log: (line: string) => void,
): Promise<AdvanceSummary> {
  try {
    return await inTransaction(db, ids, ctx);
  } catch (err) {
    // One bad key must not hold back the others: redo the batch key by key and skip the culprit.
    log(`jobs: a batch of ${ids.length} keys failed (${describe(err)}); retrying them one by one.`);
    const total = emptySummary();
    for (const id of ids) {
      try {
        addSummary(total, await inTransaction(db, [id], ctx));
      } catch (keyErr) {
        log(`jobs: key ${id} skipped this pass: ${describe(keyErr)}`);
      }
    }
    return total;
  }
}

async function inTransaction(db: Db, ids: readonly string[], ctx: NoticeQueueContext): Promise<AdvanceSummary> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => advanceKeys(trx, ids, ctx));
    } catch (err) {
      // Another process writing the same database (two servers on one file, a restart overlap).
      if (attempt >= BUSY_RETRIES || !isBusy(err)) throw err;
    }
  }
}

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
