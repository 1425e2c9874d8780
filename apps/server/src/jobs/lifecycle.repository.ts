import { sql } from 'kysely';
import { DAY_MS, SOON_TO_BE_DISABLED_MS, SOON_TO_BE_EXPIRED_MS, type DisabledReason } from '@keyward/domain';
import type { Db } from '../db/database.ts';
import type { ApiKeyRow } from '../features/api-keys/api-key.mapper.ts';

/**
 * Ids (ascending, after `afterId`) of the keys a pass must look at: a superset, decided in SQL so a
 * pass never loads every key. `statusOf`/`noticesDue` then decide exactly. A key qualifies while it
 * is enabled and one of its windows is open:
 * - expiration: within 7 days of expiring, or expired without its EXPIRED notice recorded yet
 *   (the notices_sent key spelled as the domain's `noticeDedupeKey`, prefixed with the key id);
 * - inactivity: within 30 days of the stored inactivity deadline, not expired;
 * - exposure: flagged, not expired; rotation: its grace period ended.
 * Keys deactivated automatically got their last notice in the same transaction, so disabled keys
 * never qualify.
 */
export async function lifecycleCandidateIds(db: Db, afterId: string, now: number, limit: number): Promise<string[]> {
  const notExpired = now - 1000; // expirationDate + 1 s is the first expired instant
  const rows = await db
    .selectFrom('api_keys as k')
    .select('k.id')
    .where('k.id', '>', afterId)
    .where('k.enabled', '=', 1)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('k.expiration_date', 'is not', null),
          eb('k.expiration_date', '<=', now + SOON_TO_BE_EXPIRED_MS - 1000),
          eb.not(
            eb.exists(
              eb
                .selectFrom('notices_sent as n')
                .select(sql`1`.as('one'))
                .whereRef('n.dedupe_key', '=', sql<string>`k.id || ':expiration:' || k.expiration_date || ':EXPIRED'`),
            ),
          ),
        ]),
        eb.and([
          eb('k.inactivity_deadline', '<=', now + SOON_TO_BE_DISABLED_MS + DAY_MS),
          eb.or([eb('k.expiration_date', 'is', null), eb('k.expiration_date', '>', notExpired)]),
        ]),
        eb.and([eb('k.exposure_json', 'is not', null), eb.or([eb('k.expiration_date', 'is', null), eb('k.expiration_date', '>', notExpired)])]),
        eb('k.scheduled_deactivation_date', '<=', now),
      ]),
    )
    .orderBy('k.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function loadKeyRows(db: Db, ids: readonly string[]): Promise<ApiKeyRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('api_keys').selectAll().where('id', 'in', [...ids]).orderBy('id').execute();
}

/** Records an automatic deactivation; false when the key was no longer enabled (someone else did it). */
export async function deactivateKey(db: Db, id: string, change: { reason: DisabledReason; date: number }, now: number): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ enabled: 0, disabled_reason: change.reason, disabled_date: change.date, updated_date: now })
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
