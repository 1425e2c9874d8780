import type { Db } from '../../db/database.ts';
import {
  claimOutbox,
  dueOutbox,
  markOutboxFailed,
  markOutboxRetry,
  markOutboxSent,
  type OutboxRow,
} from './outbox.repository.ts';
import { MailError, type Mailer } from '../../mail/mailer.ts';
import { retryDelayMs } from './backoff.ts';

export interface DeliverySummary {
  sent: number;
  retrying: number;
  failed: number;
}

/** How long a claimed mail is reserved for one attempt; after a crash it is tried again then. */
const LEASE_MS = 10 * 60_000;
const BATCH = 100;

/**
 * Sends the outbox's due mail. Each mail is claimed (attempts + 1, reserved for the lease), sent,
 * then marked SENT. Sending before marking never loses a mail: a crash between the two can at worst
 * send it once more when the lease ends (its Message-ID stays the same). Transient failures retry
 * with exponential backoff, for as long as it takes; a refusal (5xx) is FAILED. When the server
 * cannot be reached, the pass stops trying: the rest waits for the next pass.
 */
export async function deliverDueMail(
  db: Db,
  mailer: Mailer | null,
  now: number,
  messageIdDomain: string,
): Promise<DeliverySummary> {
  const summary: DeliverySummary = { sent: 0, retrying: 0, failed: 0 };
  if (mailer === null) return summary;
  for (;;) {
    const rows = await dueOutbox(db, now, BATCH);
    if (rows.length === 0) return summary;
    for (const row of rows) {
      if (!(await claimOutbox(db, row.id, now, now + LEASE_MS))) continue;
      const outcome = await attempt(db, mailer, row, now, messageIdDomain);
      summary[outcome.result] += 1;
      if (outcome.unreachable) return summary;
    }
  }
}

async function attempt(
  db: Db,
  mailer: Mailer,
  row: OutboxRow,
  now: number,
  domain: string,
): Promise<{ result: keyof DeliverySummary; unreachable: boolean }> {
  try {
    await mailer.send({
      to: JSON.parse(row.to_json) as string[],
      subject: row.subject,
      text: row.body_text,
      messageId: `<keyward-outbox-${row.id}-${row.created_date}@${domain}>`,
    });
    await markOutboxSent(db, row.id, now);
    return { result: 'sent', unreachable: false };
  } catch (err) {
    const failure =
      err instanceof MailError
        ? err
        : new MailError(err instanceof Error ? err.message : String(err), { permanent: false, unreachable: false });
    if (failure.permanent) {
      await markOutboxFailed(db, row.id, failure.message);
      return { result: 'failed', unreachable: false };
    }
    await markOutboxRetry(db, row.id, now + retryDelayMs(row.attempts + 1), failure.message);
    return { result: 'retrying', unreachable: failure.unreachable };
  }
}
