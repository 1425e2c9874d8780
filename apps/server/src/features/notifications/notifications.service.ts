import type { Notification, NotificationListQuery, NotificationStatus } from '@keyward/contract';
import type { Db } from '../../db/database.ts';
import { countOutbox, listOutbox, type OutboxRow } from './outbox.repository.ts';

const DEFAULT_PER_PAGE = 50;

function toNotification(row: OutboxRow): Notification {
  return {
    id: row.id,
    to: JSON.parse(row.to_json) as string[],
    subject: row.subject,
    body: row.body_text,
    status: row.status as NotificationStatus,
    attempts: row.attempts,
    createdDate: row.created_date,
    sentDate: row.sent_date,
    lastError: row.last_error,
    apiKeyId: row.api_key_id,
  };
}

/** One page of an organization's outbox, newest first, and the total. */
export async function listNotifications(
  db: Db,
  organizationId: string,
  query: NotificationListQuery,
): Promise<{ items: Notification[]; total: number }> {
  const perPage = query.perPage ?? DEFAULT_PER_PAGE;
  const rows = await listOutbox(db, organizationId, (query.page ?? 0) * perPage, perPage);
  return { items: rows.map(toNotification), total: await countOutbox(db, organizationId) };
}
