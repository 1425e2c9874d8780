import { maskKeyValue, type DueNotice } from '@keyward/domain';
import { exposureFrom } from '../../db/json-columns.ts';
import type { Db } from '../../db/database.ts';
import type { Selectable } from 'kysely';
import type { ApiKeyTable } from '../../db/schema.ts';
import { composeNoticeMail } from './notice-mail.ts';
import { recordNotices, storedNoticeKey, type NewNoticeRow } from './notices.repository.ts';
import { insertOutbox, type NewOutboxRow } from './outbox.repository.ts';
import { organizationRecipients, type OrganizationRecipients } from './recipients.repository.ts';

/** A notice due for a key, as noticesDue answered it. */
/** A key as stored (the API keys feature's row model; notifications sit below it, so spelled from the table). */
type ApiKeyRow = Selectable<ApiKeyTable>;

export interface PlannedNotice {
  row: ApiKeyRow;
  due: DueNotice;
}

export interface NoticeQueueContext {
  now: number;
  publicUrl: string;
  /** false when no SMTP server is configured: new mail is HELD in the outbox (shown in the console). */
  deliverMail: boolean;
  /** Per-pass cache of each organization's recipients. */
  recipients: Map<string, OrganizationRecipients | null>;
}

export interface QueueResult {
  queued: number;
  superseded: number;
}

/**
 * Records the notices (notices_sent: one row per event, ever; earlier due notices of the same
 * series as SUPERSEDED) and queues one mail for each notice this call recorded first. Runs in the
 * caller's transaction, so the mail exists if and only if the notice was recorded.
 */
export async function queueNotices(
  trx: Db,
  planned: readonly PlannedNotice[],
  ctx: NoticeQueueContext,
): Promise<QueueResult> {
  if (planned.length === 0) return { queued: 0, superseded: 0 };
  const rows = planned.flatMap((p) => noticeRows(p, ctx.now));
  const inserted = await recordNotices(trx, rows);
  const superseded = rows.filter((r) => r.outcome === 'SUPERSEDED' && inserted.has(r.dedupe_key)).length;
  const mails: NewOutboxRow[] = [];
  for (const p of planned) {
    const dedupeKey = storedNoticeKey(p.row.id, p.due.dedupeKey);
    if (inserted.has(dedupeKey)) mails.push(await outboxRow(trx, p, dedupeKey, ctx));
  }
  await insertOutbox(trx, mails);
  return { queued: mails.length, superseded };
}

function noticeRows({ row, due }: PlannedNotice, now: number): NewNoticeRow[] {
  const base = { api_key_id: row.id, series: due.series, created_date: now };
  return [
    { ...base, dedupe_key: storedNoticeKey(row.id, due.dedupeKey), notice: due.notice, outcome: 'SENT' },
    ...due.supersededKeys.map((key, i) => ({
      ...base,
      dedupe_key: storedNoticeKey(row.id, key),
      notice: due.supersedes[i] ?? key,
      outcome: 'SUPERSEDED',
    })),
  ];
}

async function recipientsOf(
  trx: Db,
  organizationId: string,
  ctx: NoticeQueueContext,
): Promise<OrganizationRecipients | null> {
  if (!ctx.recipients.has(organizationId))
    ctx.recipients.set(organizationId, await organizationRecipients(trx, organizationId));
  return ctx.recipients.get(organizationId) ?? null;
}

function addressesFor(due: DueNotice, org: OrganizationRecipients | null): string[] {
  if (!org) return [];
  const all =
    due.audience === 'ADMINISTRATORS_AND_SECURITY_CONTACT'
      ? [...org.administrators, org.securityContact]
      : org.administrators;
  const seen = new Map<string, string>();
  for (const address of all) if (address && !seen.has(address.toLowerCase())) seen.set(address.toLowerCase(), address);
  return [...seen.values()];
}

async function outboxRow(
  trx: Db,
  { row, due }: PlannedNotice,
  dedupeKey: string,
  ctx: NoticeQueueContext,
): Promise<NewOutboxRow> {
  const org = await recipientsOf(trx, row.organization_id, ctx);
  const to = addressesFor(due, org);
  const mail = composeNoticeMail({
    notice: due,
    now: ctx.now,
    organizationName: org?.organizationName ?? row.organization_id,
    publicUrl: ctx.publicUrl,
    key: {
      id: row.id,
      organizationId: row.organization_id,
      displayName: row.display_name,
      maskedValue: maskKeyValue(row.value_prefix, row.value_last4),
      activationDate: row.activation_date,
      lastUsedDate: row.last_used_date,
      expirationDate: row.expiration_date,
      exposure: exposureFrom(row),
    },
  });
  const status = to.length === 0 ? 'FAILED' : ctx.deliverMail ? 'PENDING' : 'HELD';
  return {
    organization_id: row.organization_id,
    dedupe_key: dedupeKey,
    api_key_id: row.id,
    to_json: JSON.stringify(to),
    subject: mail.subject,
    body_text: mail.text,
    status,
    attempts: 0,
    next_attempt_at: ctx.now,
    last_error:
      to.length === 0
        ? 'No recipients: the organization has no administrators (and no security contact for exposure notices).'
        : null,
    created_date: ctx.now,
    sent_date: null,
  };
}

/** The context to queue notices from a request (exposure reports, CRITICAL deactivations). */
export function noticeContextOf(
  deps: { config: { publicUrl: string }; mailer: unknown },
  now: number,
): NoticeQueueContext {
  return { now, publicUrl: deps.config.publicUrl, deliverMail: deps.mailer !== null, recipients: new Map() };
}
