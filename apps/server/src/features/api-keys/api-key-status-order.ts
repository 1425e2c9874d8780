import { KEY_STATUSES, USABLE_STATUSES, type KeyStatus, type ListStatusFilter } from '@keyward/domain';
import { expressionBuilder, type Expression, type OrderByDirection, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { writeVersion } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import { countWhere } from './api-key-count.repository.ts';
import { cachedOrganizationCount, remembered, type Crossings } from './api-key-status-count.cache.ts';
import { statusSegments, type StatusSegment } from './api-key-status-segments.sql.ts';
import { EXPIRY_OFFSET, terms, usableUntil, usableUntilWithin } from './api-key-status.sql.ts';

// A page of keys sorted by status: the segments before the page are skipped by their counts, and
// only those the page overlaps are read, each in id order from an index (api-key-status-segments.sql.ts).

type Predicate = Expression<SqlBool>;
type Counts = Record<KeyStatus, number>;

export interface StatusOrderQuery {
  organizationId: string;
  now: number;
  order: OrderByDirection;
  /** The other conditions (text, visibility, template, a status filter); none: the fast counts. */
  narrowing: Predicate[];
  /** The statuses those conditions allow (the others' segments are empty). */
  statuses: readonly KeyStatus[];
}

const DEACTIVATED_STATUSES = KEY_STATUSES.filter((s) => !USABLE_STATUSES.includes(s));
/** The filters that are exactly a set of statuses (the others add their condition). */
const STATUSES_OF: Partial<Record<ListStatusFilter, readonly KeyStatus[]>> = {
  ACTIVE: USABLE_STATUSES,
  DEACTIVATED: DEACTIVATED_STATUSES,
  SOON_TO_BE_EXPIRED: ['SOON_TO_BE_EXPIRED'],
  SOON_TO_BE_DISABLED: ['SOON_TO_BE_DISABLED'],
};

/** The statuses a list filter leaves, and whether it is exactly those (else its condition is needed too). */
export function statusesOf(filter: ListStatusFilter | null): { statuses: readonly KeyStatus[]; exact: boolean } {
  if (filter === null) return { statuses: KEY_STATUSES, exact: true };
  const statuses = STATUSES_OF[filter];
  return statuses ? { statuses, exact: true } : { statuses: KEY_STATUSES, exact: false };
}

/** Up to this many keys, a segment is read from its index ranges and sorted; beyond, by walking. */
const SPARSE_LIMIT = 5000;

/** The ids of one page, in (status rank, id) order, ascending or descending. */
export async function statusOrderedIds(
  db: Db,
  q: StatusOrderQuery,
  page: { offset: number; limit: number },
  sparseLimit = SPARSE_LIMIT,
): Promise<string[]> {
  const eb = expressionBuilder<Database, 'api_keys'>();
  const inOrganization = eb('organization_id', '=', q.organizationId);
  const segments = statusSegments(eb, q.now, inOrganization).filter((s) => q.statuses.includes(s.status));
  if (q.order === 'desc') segments.reverse();
  const counts = q.narrowing.length === 0 ? await statusCounts(db, q.organizationId, q.now) : null;
  const ids: string[] = [];
  let skip = page.offset;
  for (const segment of segments) {
    if (ids.length >= page.limit) break;
    const n =
      counts?.[segment.status] ?? (await countWhere(db, eb.and([inOrganization, ...q.narrowing, segment.dense])));
    if (skip >= n) {
      skip -= n;
      continue;
    }
    const rows = await segmentQuery(db, q, segment, n <= sparseLimit ? 'sparse' : 'dense', inOrganization)
      .limit(Math.min(page.limit - ids.length, n - skip))
      .offset(skip)
      .execute();
    ids.push(...rows.map((r) => r.id));
    skip = 0;
  }
  return ids;
}

/** One segment's keys in id order (exported for the query-plan tests). */
export function segmentQuery(
  db: Db,
  q: Pick<StatusOrderQuery, 'order' | 'narrowing'>,
  segment: StatusSegment,
  form: 'dense' | 'sparse',
  inOrganization: Predicate,
) {
  const eb = expressionBuilder<Database, 'api_keys'>();
  const where = form === 'dense' ? [inOrganization, ...q.narrowing, segment.dense] : [...q.narrowing, segment.sparse];
  return db.selectFrom('api_keys').select('id').where(eb.and(where)).orderBy('id', q.order);
}

/** Keys whose expiry instant is in (from, to]: EXPIRED gained them. */
const expiring: Crossings = (eb, from, to) =>
  eb.and([eb('expiration_date', '>', from - EXPIRY_OFFSET), eb('expiration_date', '<=', to - EXPIRY_OFFSET)]);

/**
 * How many keys of the organization have each status at `now`, from small counts: the large ones
 * (keys disabled for a reason, enabled keys past a deadline, expired keys) are remembered until a
 * write or an instant that changes them; the few keys near a deadline, past an exposure deadline
 * or at the end of a rotation period are counted; ENABLED and DISABLED_FOR_INACTIVITY are what is
 * left of the organization and of the keys past a deadline.
 */
export async function statusCounts(db: Db, organizationId: string, now: number): Promise<Counts> {
  const eb = expressionBuilder<Database, 'api_keys'>();
  const inOrganization = eb('organization_id', '=', organizationId);
  const segment = Object.fromEntries(statusSegments(eb, now, inOrganization).map((s) => [s.status, s])) as Record<
    KeyStatus,
    StatusSegment
  >;
  const t = terms(eb, now);
  const version = await writeVersion(db);
  const key = (name: string) => ({ organizationId, name: `status order: ${name}`, version });
  const total = await cachedOrganizationCount(db, organizationId, now, version);
  const stored = await remembered(db, key('stored'), now, null, () => storedByReason(db, organizationId));
  const pastDeadline = await remembered(db, key('past a deadline'), now, usableUntilWithin, () =>
    countWhere(db, eb.and([inOrganization, eb(usableUntil(), '>', 0), t.deactivatedRange])),
  );
  const expired = await remembered(db, key('expired'), now, expiring, () => countWhere(db, segment.EXPIRED.sparse));
  const derived = (s: StatusSegment) => (s.derived ? countWhere(db, s.derived) : 0);
  const exposure = await derived(segment.DISABLED_EXPOSED);
  const rotation = await derived(segment.DISABLED);
  const soonExpired = await countWhere(db, segment.SOON_TO_BE_EXPIRED.sparse);
  const soonDisabled = await countWhere(db, segment.SOON_TO_BE_DISABLED.sparse);
  const disabled = stored.INACTIVITY + stored.EXPOSED + stored.other;
  return {
    ENABLED: total - disabled - pastDeadline - soonExpired - soonDisabled,
    SOON_TO_BE_EXPIRED: soonExpired,
    EXPIRED: expired,
    SOON_TO_BE_DISABLED: soonDisabled,
    DISABLED_FOR_INACTIVITY: stored.INACTIVITY + pastDeadline - expired - exposure - rotation,
    DISABLED_EXPOSED: stored.EXPOSED + exposure,
    DISABLED: stored.other + rotation,
  };
}

/** The organization's deactivated keys by stored reason (one range of api_keys_status_idx). */
async function storedByReason(db: Db, organizationId: string) {
  const eb = expressionBuilder<Database, 'api_keys'>();
  const rows = await db
    .selectFrom('api_keys')
    .select(['disabled_reason', eb.fn.countAll<number>().as('n')])
    .where(eb.and([eb('organization_id', '=', organizationId), eb(usableUntil(), '=', 0)]))
    .groupBy('disabled_reason')
    .execute();
  const byReason = { INACTIVITY: 0, EXPOSED: 0, other: 0 };
  for (const r of rows) {
    const reason = r.disabled_reason === 'INACTIVITY' || r.disabled_reason === 'EXPOSED' ? r.disabled_reason : 'other';
    byReason[reason] += Number(r.n);
  }
  return byReason;
}
