import {
  KEY_STATUSES,
  SOON_TO_BE_DISABLED_MS,
  SOON_TO_BE_EXPIRED_MS,
  expiryInstant,
  type DisabledReason,
  type KeyStatus,
  type ListStatusFilter,
} from '@keyward/domain';
import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { least } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';

// statusOf (packages/domain/src/status.ts) translated into SQL predicates on stored columns, with
// `now` as a parameter, so that lists filter and sort 100,000 keys without loading them. Kept equal
// to statusOf by api-key-status.sql.test.ts. Stored columns: enabled + disabled_reason (a stored
// deactivation), expiration_date, exposure_deactivation_date, inactivity_deadline (kept equal to
// the domain's inactivityDeadline), scheduled_deactivation_date, exposure_json (a report exists).
// Each filter comes in equivalent forms that different indexes answer (migration 0002).

type Eb = ExpressionBuilder<Database, 'api_keys'>;
type Predicate = Expression<SqlBool>;
type DateColumn = 'expiration_date' | 'exposure_deactivation_date' | 'scheduled_deactivation_date';

/** expiryInstant is expirationDate + a constant: expired ⇔ expiration_date <= now - that constant. */
export const EXPIRY_OFFSET = expiryInstant(0);
/** Later than any date: a missing deadline never passes. */
const NEVER = 8.64e15 + 1;
const EXPOSED: DisabledReason = 'EXPOSED';
const INACTIVITY: DisabledReason = 'INACTIVITY';

// `coalesce(column, NEVER)` rather than `column is null or ...`: no OR for the planner to turn
// into unions of unrelated indexes.
export const passed = (eb: Eb, column: DateColumn, limit: number): Predicate =>
  eb(eb.fn.coalesce(column, sql.lit(NEVER)), '<=', limit);
export const pending = (eb: Eb, column: DateColumn, limit: number): Predicate =>
  eb(eb.fn.coalesce(column, sql.lit(NEVER)), '>', limit);

/**
 * The instant until which a key is usable: the earliest of its deadlines, 0 when disabled. The
 * exact expression of api_keys_status_idx (migration 0002), so SQLite can answer it from there.
 */
export function usableUntil(): RawBuilder<number> {
  const never = sql.lit(NEVER);
  const expiry = sql<number>`coalesce(${sql.ref('expiration_date')} + ${sql.lit(EXPIRY_OFFSET)}, ${never})`;
  const earliest = least(
    sql<number>`${sql.ref('inactivity_deadline')}`,
    expiry,
    sql<number>`coalesce(${sql.ref('exposure_deactivation_date')}, ${never})`,
    sql<number>`coalesce(${sql.ref('scheduled_deactivation_date')}, ${never})`,
  );
  return sql<number>`(case when ${sql.ref('enabled')} = 1 then ${earliest} else 0 end)`;
}

/** The conditions the filters, the status order and its segments are made of. */
export function terms(eb: Eb, now: number) {
  const soonExpiredLimit = now - EXPIRY_OFFSET + SOON_TO_BE_EXPIRED_MS;
  return {
    /** Usable, on the columns (evaluated while walking a sort index). */
    usable: eb.and([
      eb('enabled', '=', 1),
      pending(eb, 'expiration_date', now - EXPIRY_OFFSET),
      pending(eb, 'exposure_deactivation_date', now),
      eb('inactivity_deadline', '>', now),
      pending(eb, 'scheduled_deactivation_date', now),
    ]),
    /** Usable, as a range of api_keys_status_idx. */
    usableRange: eb(usableUntil(), '>', now),
    /** A usable key whose soonest deadline is within `ms` (a soon-to-be status implies it). */
    within: (ms: number) => eb(usableUntil(), '<=', now + ms),
    deactivated: eb.or([
      eb('enabled', '=', 0),
      passed(eb, 'expiration_date', now - EXPIRY_OFFSET),
      passed(eb, 'exposure_deactivation_date', now),
      eb('inactivity_deadline', '<=', now),
      passed(eb, 'scheduled_deactivation_date', now),
    ]),
    deactivatedRange: eb(usableUntil(), '<=', now),
    soonExpired: passed(eb, 'expiration_date', soonExpiredLimit),
    notSoonExpired: pending(eb, 'expiration_date', soonExpiredLimit),
    soonDisabled: eb('inactivity_deadline', '<=', now + SOON_TO_BE_DISABLED_MS),
    notSoonDisabled: eb('inactivity_deadline', '>', now + SOON_TO_BE_DISABLED_MS),
    /** A range of api_keys_exposed_idx (exposure_json > NULL). */
    exposed: eb('exposure_json', 'is not', null),
  };
}

/**
 * One status filter in its forms. `count`: disjoint parts whose counts add up to the total, each a
 * range of one index. `dense`: for walking a sort index in order (many matches). `sparse`: a range
 * of one index, to sort the few matches (null: always walk).
 */
export interface FilterForms {
  count: Predicate[];
  dense: Predicate;
  sparse: Predicate | null;
  /** The keys of the organization this filter leaves out, when that is a range (count = all - these). */
  complement?: Predicate;
}

/** `scope` (the organization) is part of each branch of the sparse form, so SQLite can read each from its own index. */
export function filterForms(eb: Eb, filter: ListStatusFilter, now: number, scope?: Predicate): FilterForms {
  const t = terms(eb, now);
  const scoped = (p: Predicate) => (scope ? eb.and([scope, p]) : p);
  const one = (p: Predicate, dense: Predicate = p): FilterForms => ({ count: [p], dense, sparse: scoped(p) });
  switch (filter) {
    case 'ACTIVE':
      return { ...one(t.usableRange, t.usable), complement: t.deactivatedRange };
    case 'DEACTIVATED':
      return { ...one(t.deactivatedRange, t.deactivated), complement: t.usableRange };
    case 'SOON_TO_BE_EXPIRED':
      return one(
        eb.and([t.usableRange, t.within(SOON_TO_BE_EXPIRED_MS), t.soonExpired]),
        eb.and([t.usable, t.soonExpired]),
      );
    case 'SOON_TO_BE_DISABLED': {
      const range = eb.and([t.usableRange, t.within(SOON_TO_BE_DISABLED_MS), t.notSoonExpired, t.soonDisabled]);
      return one(range, eb.and([t.usable, t.notSoonExpired, t.soonDisabled]));
    }
    case 'ACTIVE_AND_EXPOSED':
      return one(eb.and([t.exposed, t.usable]));
    case 'ALL_EXPOSED':
      return one(t.exposed);
    case 'WITH_WARNING': {
      const soon = eb.and([t.usableRange, t.within(SOON_TO_BE_DISABLED_MS), eb.or([t.soonExpired, t.soonDisabled])]);
      const exposedOnly = eb.and([t.exposed, t.usable, t.notSoonExpired, t.notSoonDisabled]);
      return {
        count: [soon, exposedOnly],
        dense: eb.and([t.usable, eb.or([t.soonExpired, t.soonDisabled, t.exposed])]),
        sparse: eb.or([scoped(soon), scoped(exposedOnly)]),
      };
    }
  }
}

/** Keys whose usable-until instant is in (from, to]: those that stopped being usable in between. */
export function usableUntilWithin(eb: Eb, from: number, to: number): Predicate {
  return eb.and([eb(usableUntil(), '>', from), eb(usableUntil(), '<=', to)]);
}

const rank = (status: KeyStatus): number => KEY_STATUSES.indexOf(status);

/** The position of statusOf(key, now).status in KEY_STATUSES, for sorting by status. */
export function statusRank(eb: Eb, now: number) {
  const t = terms(eb, now);
  const stored = eb
    .case()
    .when('disabled_reason', '=', EXPOSED)
    .then(rank('DISABLED_EXPOSED'))
    .when('disabled_reason', '=', INACTIVITY)
    .then(rank('DISABLED_FOR_INACTIVITY'))
    .else(rank('DISABLED'))
    .end();
  return eb
    .case()
    .when('enabled', '=', 0)
    .then(stored)
    .when(passed(eb, 'expiration_date', now - EXPIRY_OFFSET))
    .then(rank('EXPIRED'))
    .when(passed(eb, 'exposure_deactivation_date', now))
    .then(rank('DISABLED_EXPOSED'))
    .when('inactivity_deadline', '<=', now)
    .then(rank('DISABLED_FOR_INACTIVITY'))
    .when(passed(eb, 'scheduled_deactivation_date', now))
    .then(rank('DISABLED'))
    .when(t.soonExpired)
    .then(rank('SOON_TO_BE_EXPIRED'))
    .when(t.soonDisabled)
    .then(rank('SOON_TO_BE_DISABLED'))
    .else(rank('ENABLED'))
    .end();
}
