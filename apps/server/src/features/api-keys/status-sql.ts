import {
  KEY_STATUSES, SOON_TO_BE_DISABLED_MS, SOON_TO_BE_EXPIRED_MS, expiryInstant,
  type DisabledReason, type KeyStatus, type ListStatusFilter,
} from '@keyward/domain';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';

// statusOf (packages/domain/src/status.ts) translated into SQL predicates on stored columns, with
// `now` as a parameter, so that lists filter and sort 100,000 keys without loading them. Kept equal
// to statusOf by status-sql.test.ts. Stored columns: enabled + disabled_reason (a stored
// deactivation), expiration_date, exposure_deactivation_date, inactivity_deadline (kept equal to
// the domain's inactivityDeadline), scheduled_deactivation_date, exposure_json (a report exists).

type Eb = ExpressionBuilder<Database, 'api_keys'>;
type Predicate = Expression<SqlBool>;

/** expiryInstant is expirationDate + a constant: expired ⇔ expiration_date <= now - that constant. */
const EXPIRY_OFFSET = expiryInstant(0);
const EXPOSED: DisabledReason = 'EXPOSED';
const INACTIVITY: DisabledReason = 'INACTIVITY';

function passed(eb: Eb, column: 'expiration_date' | 'exposure_deactivation_date' | 'scheduled_deactivation_date', limit: number): Predicate {
  return eb.and([eb(column, 'is not', null), eb(column, '<=', limit)]);
}

function pending(eb: Eb, column: 'expiration_date' | 'exposure_deactivation_date' | 'scheduled_deactivation_date', limit: number): Predicate {
  return eb.or([eb(column, 'is', null), eb(column, '>', limit)]);
}

/** Derived deactivations of a stored-enabled key, in statusOf's order of precedence. */
function causes(eb: Eb, now: number) {
  return {
    expired: passed(eb, 'expiration_date', now - EXPIRY_OFFSET),
    exposureDue: passed(eb, 'exposure_deactivation_date', now),
    inactive: eb('inactivity_deadline', '<=', now),
    scheduledDue: passed(eb, 'scheduled_deactivation_date', now),
    soonExpired: passed(eb, 'expiration_date', now - EXPIRY_OFFSET + SOON_TO_BE_EXPIRED_MS),
    soonDisabled: eb('inactivity_deadline', '<=', now + SOON_TO_BE_DISABLED_MS),
  };
}

/** ENABLED, SOON_TO_BE_EXPIRED or SOON_TO_BE_DISABLED. */
export function usable(eb: Eb, now: number): Predicate {
  return eb.and([
    eb('enabled', '=', 1),
    pending(eb, 'expiration_date', now - EXPIRY_OFFSET),
    pending(eb, 'exposure_deactivation_date', now),
    eb('inactivity_deadline', '>', now),
    pending(eb, 'scheduled_deactivation_date', now),
  ]);
}

export function statusFilterPredicate(eb: Eb, filter: ListStatusFilter, now: number): Predicate {
  const c = causes(eb, now);
  const exposed = eb('exposure_json', 'is not', null);
  switch (filter) {
    case 'ACTIVE':
      return usable(eb, now);
    case 'SOON_TO_BE_EXPIRED':
      return eb.and([usable(eb, now), c.soonExpired]);
    case 'SOON_TO_BE_DISABLED':
      return eb.and([usable(eb, now), pending(eb, 'expiration_date', now - EXPIRY_OFFSET + SOON_TO_BE_EXPIRED_MS), c.soonDisabled]);
    case 'ACTIVE_AND_EXPOSED':
      return eb.and([usable(eb, now), exposed]);
    case 'WITH_WARNING':
      return eb.and([usable(eb, now), eb.or([c.soonExpired, c.soonDisabled, exposed])]);
    case 'ALL_EXPOSED':
      return exposed;
    case 'DEACTIVATED':
      return eb.or([eb('enabled', '=', 0), c.expired, c.exposureDue, c.inactive, c.scheduledDue]);
  }
}

const rank = (status: KeyStatus): number => KEY_STATUSES.indexOf(status);

/** The position of statusOf(key, now).status in KEY_STATUSES, for sorting by status. */
export function statusRank(eb: Eb, now: number) {
  const c = causes(eb, now);
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
    .when(c.expired)
    .then(rank('EXPIRED'))
    .when(c.exposureDue)
    .then(rank('DISABLED_EXPOSED'))
    .when(c.inactive)
    .then(rank('DISABLED_FOR_INACTIVITY'))
    .when(c.scheduledDue)
    .then(rank('DISABLED'))
    .when(c.soonExpired)
    .then(rank('SOON_TO_BE_EXPIRED'))
    .when(c.soonDisabled)
    .then(rank('SOON_TO_BE_DISABLED'))
    .else(rank('ENABLED'))
    .end();
}
