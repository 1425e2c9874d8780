import { DAY_MS, SOON_TO_BE_DISABLED_MS, SOON_TO_BE_EXPIRED_MS } from '@keyward/domain';
import { expressionBuilder, sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { least, writeVersion } from '../../db/dialect.ts';
import { perDatabase } from '../../db/per-database-cache.ts';
import type { Database } from '../../db/schema.ts';
import { EXPIRY_OFFSET, usableUntil } from './api-key-status.sql.ts';

// A listing with few matches (a text filter, a rare status) is found by reading and sorting every
// match, whichever page is asked for. Its ordered ids are remembered, so that the next pages, and
// the same list asked again, are cut out of them: until the database is written (writeVersion),
// and, for a status filter, until the first instant at which some key of the organization can enter
// or leave a status filter (nextMembershipChange). Ids only: the rows are read fresh for each page.

interface Entry {
  ids: readonly string[];
  at: number;
  /** The remembered order holds for now in [at, until). */
  until: number;
  version: string;
}

/** An entry holds at most SPARSE_LIMIT ids (api-key-list.repository.ts): a few MB in all. */
const MAX_ENTRIES = 64;
const cacheOf = perDatabase<Entry>(MAX_ENTRIES);

/** Every matching id in order when they are few; else their number, when it was counted on the way. */
export type FewOrMany = { ids: readonly string[] } | { total: number | null };

export interface OrderSource {
  /** Everything the order depends on but the database and the time (organization, filters, sort). */
  key: string;
  now: number;
  /** Whether the set of matches depends on the time (a status filter). */
  timed: boolean;
  organizationId: string;
}

/**
 * The ordered ids of a listing with few matches: remembered ones that still hold, else
 * `compute`'s, remembered when it finds few (`ids`); `{ total }` when the matches are many.
 */
export async function rememberedOrder(
  db: Db,
  source: OrderSource,
  compute: () => Promise<FewOrMany>,
): Promise<FewOrMany> {
  const cache = cacheOf(db);
  // Read before computing: a write that interleaves with the computation invalidates its result.
  const version = await writeVersion(db);
  const entry = cache.get(source.key);
  if (entry && entry.version === version && entry.at <= source.now && source.now < entry.until)
    return { ids: entry.ids };
  const found = await compute();
  if ('ids' in found) {
    const until = source.timed ? await nextMembershipChange(db, source.organizationId, source.now) : Infinity;
    cache.set(source.key, { ids: found.ids, at: source.now, until, version });
  }
  return found;
}

/** How far ahead nextMembershipChange looks: a day beyond the longest "soon" window. */
const HORIZON_MS = SOON_TO_BE_DISABLED_MS + DAY_MS;
const NEVER = 8.64e15 + 1;

/**
 * The earliest instant after `now` at which a key of the organization can enter or leave one of
 * the list's status filters without a write: its usable-until instant (it becomes deactivated), or
 * the start of its "Soon to be expired" or "Soon to be deactivated" window (statusOf). A
 * deactivated key stays in the same filters; a usable key reaches each of these instants no later
 * than SOON_TO_BE_DISABLED_MS before it stops being usable, so only the keys that stop within
 * HORIZON_MS are read (a range of api_keys_status_idx), and the answer is at most a day ahead.
 */
export async function nextMembershipChange(db: Db, organizationId: string, now: number): Promise<number> {
  const eb = expressionBuilder<Database, 'api_keys'>();
  const after = (instant: RawBuilder<number>) =>
    sql<number>`(case when ${instant} > ${now} then ${instant} else ${sql.lit(NEVER)} end)`;
  const soonExpired = sql<number>`${sql.ref('expiration_date')} + ${sql.lit(EXPIRY_OFFSET - SOON_TO_BE_EXPIRED_MS)}`;
  const soonDisabled = sql<number>`${sql.ref('inactivity_deadline')} - ${sql.lit(SOON_TO_BE_DISABLED_MS)}`;
  const next = least(usableUntil(), after(soonExpired), after(soonDisabled));
  const row = await db
    .selectFrom('api_keys')
    .select(sql<number | null>`min(${next})`.as('next'))
    .where(
      eb.and([
        eb('organization_id', '=', organizationId),
        eb(usableUntil(), '>', now),
        eb(usableUntil(), '<=', now + HORIZON_MS),
      ]),
    )
    .executeTakeFirst();
  // Keys that stay usable beyond the horizon reach no instant before now + HORIZON_MS - SOON_TO_BE_DISABLED_MS.
  const beyond = now + HORIZON_MS - SOON_TO_BE_DISABLED_MS;
  return Math.min(row?.next === null || row?.next === undefined ? beyond : Number(row.next), beyond);
}
