import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { NOTICE_OFFSETS, type DisabledReason, type NoticeOffset } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { ApiKeyRow } from '../api-keys/api-key-row.ts';

type Eb = ExpressionBuilder<Database & { k: Database['api_keys'] }, 'k'>;

/** The notices_sent key of the domain's `noticeDedupeKey(series, cycle, notice)`, prefixed with the key id. */
function recorded(
  eb: Eb,
  series: string,
  cycle: Expression<unknown>,
  notice: Expression<unknown>,
): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('notices_sent as n')
      .select(sql`1`.as('one'))
      .whereRef('n.dedupe_key', '=', sql<string>`k.id || ${`:${series}:`} || ${cycle} || ':' || ${notice}`),
  );
}

/** The latest notice of a series due at `now` for the event at `instant` (the first one when none is due yet). */
function latestNotice(instant: RawBuilder<number>, now: number, offsets: readonly NoticeOffset[]): RawBuilder<string> {
  const [first, ...later] = offsets;
  const whens = later
    .reverse()
    .map(
      (o) => sql`when ${o.before === 0 ? instant : sql`${instant} - ${o.before}`} <= ${now} then ${sql.lit(o.notice)}`,
    );
  return sql<string>`case ${sql.join(whens, sql` `)} else ${sql.lit(first?.notice ?? '')} end`;
}

/** How far ahead of its event a series' first notice is due. */
const windowOf = (offsets: readonly NoticeOffset[]): number => offsets[0]?.before ?? 0;

/** Within the expiration notices' window (X = expirationDate + 1 s), or expired, and the latest notice due not yet recorded. */
function expirationDue(eb: Eb, now: number): Expression<SqlBool> {
  const x = sql<number>`k.expiration_date + 1000`;
  const latest = latestNotice(x, now, NOTICE_OFFSETS.expiration);
  return eb.and([
    eb('k.expiration_date', 'is not', null),
    eb(x, '<=', now + windowOf(NOTICE_OFFSETS.expiration)),
    eb.not(recorded(eb, 'expiration', sql.ref('k.expiration_date'), latest)),
  ]);
}

/**
 * Within the inactivity notices' window of the deadline T (unless the key expires first), the latest
 * warning not yet recorded (the deactivation notice comes with the deactivation itself).
 */
function inactivityDue(eb: Eb, now: number): Expression<SqlBool> {
  const t = sql<number>`k.inactivity_deadline`;
  const warnings = NOTICE_OFFSETS.inactivity.filter((o) => o.before > 0);
  const latest = latestNotice(t, now, warnings);
  return eb.and([
    eb(t, '<=', now + windowOf(NOTICE_OFFSETS.inactivity)),
    eb.or([eb('k.expiration_date', 'is', null), eb(sql<number>`k.expiration_date + 1000`, '>', t)]),
    eb.not(recorded(eb, 'inactivity', t, latest)),
  ]);
}

/**
 * Ids (ascending, after `afterId`) of the enabled keys a pass may have work for, decided in SQL so
 * that a pass never loads every key, and a steady pass loads almost none. A superset of what
 * statusOf / noticesDue then decide exactly (lifecycle.repository.test.ts checks it against them):
 * - not expired, and a deadline passed (inactivity, exposure, end of rotation): a deactivation;
 * - not expired and flagged as exposed (few keys; the exposure series reads the report's JSON);
 * - not expired, within the notice windows of the inactivity series, latest notice not recorded;
 * - within 7 days of expiring or expired, latest expiration notice not recorded.
 * The notice instants are the domain's NOTICE_OFFSETS; the notices_sent keys its noticeDedupeKey.
 * Keys deactivated automatically got their last notice in the same transaction, so disabled keys
 * never qualify.
 */
export async function lifecycleCandidateIds(db: Db, afterId: string, now: number, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('api_keys as k')
    .select('k.id')
    .where('k.id', '>', afterId)
    .where(sql<SqlBool>`k.enabled = 1`) // a literal, so SQLite may use the partial index api_keys_lifecycle_idx
    .where((eb) => {
      const notExpired = eb.or([
        eb('k.expiration_date', 'is', null),
        eb(sql<number>`k.expiration_date + 1000`, '>', now),
      ]);
      return eb.or([
        eb.and([
          notExpired,
          eb.or([
            eb('k.inactivity_deadline', '<=', now),
            eb('k.exposure_deactivation_date', '<=', now),
            eb('k.scheduled_deactivation_date', '<=', now),
            eb('k.exposure_json', 'is not', null),
            inactivityDue(eb, now),
          ]),
        ]),
        expirationDue(eb, now),
      ]);
    })
    .orderBy('k.id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function loadKeyRows(db: Db, ids: readonly string[]): Promise<ApiKeyRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute();
}

/** Records an automatic deactivation; false when the key was no longer enabled (someone else did it). */
export async function deactivateKey(
  db: Db,
  id: string,
  change: { reason: DisabledReason; date: number },
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('api_keys')
    .set({ enabled: 0, disabled_reason: change.reason, disabled_date: change.date, updated_date: now })
    .where('id', '=', id)
    .where('enabled', '=', 1)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
