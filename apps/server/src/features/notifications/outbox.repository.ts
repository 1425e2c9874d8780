import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { OutboxTable } from '../../db/schema.ts';

export type OutboxRow = Selectable<OutboxTable>;
export type NewOutboxRow = Insertable<OutboxTable>;

const CHUNK = 500;

/** Queues mails; a row whose dedupe_key is already there is skipped (one mail per event, ever). */
export async function insertOutbox(db: Db, rows: readonly NewOutboxRow[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const result = await db
      .insertInto('outbox')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

/** PENDING mails whose next attempt is due, oldest first. */
export async function dueOutbox(db: Db, now: number, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'PENDING')
    .where('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * Takes a mail for one attempt: counts the attempt and moves its next attempt to `leaseUntil`, so a
 * concurrent pass (or one after a crash, once the lease ends) does not send it at the same time.
 * False when someone else took it first.
 */
export async function claimOutbox(db: Db, id: number, now: number, leaseUntil: number): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil }))
    .where('id', '=', id)
    .where('status', '=', 'PENDING')
    .where('next_attempt_at', '<=', now)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function markOutboxSent(db: Db, id: number, now: number): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'SENT', sent_date: now, last_error: null })
    .where('id', '=', id)
    .execute();
}

export async function markOutboxRetry(db: Db, id: number, nextAttemptAt: number, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ next_attempt_at: nextAttemptAt, last_error: error })
    .where('id', '=', id)
    .where('status', '=', 'PENDING')
    .execute();
}

export async function markOutboxFailed(db: Db, id: number, error: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'FAILED', last_error: error })
    .where('id', '=', id)
    .where('status', '=', 'PENDING')
    .execute();
}

export async function listOutbox(db: Db, organizationId: string, offset: number, limit: number): Promise<OutboxRow[]> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_date', 'desc')
    .orderBy('id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countOutbox(db: Db, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
