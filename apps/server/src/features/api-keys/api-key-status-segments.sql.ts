import {
  KEY_STATUSES,
  SOON_TO_BE_DISABLED_MS,
  SOON_TO_BE_EXPIRED_MS,
  type DisabledReason,
  type KeyStatus,
} from '@keyward/domain';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { EXPIRY_OFFSET, passed, pending, terms, usableUntil } from './api-key-status.sql.ts';

// Sorting by status (KEY_STATUSES' order, then id) without sorting every key: the order is the
// concatenation of one segment per status, each a predicate on stored columns at `now` that
// spells out statusOf's precedence (a stored deactivation, then expired, exposure deadline passed,
// inactive, rotation period over, soon expired, soon deactivated). A segment is read in id order
// either by walking api_keys_status_order_idx (the organization's keys by id, with these columns)
// while filtering (`dense`, for a segment holding many keys), or from the index ranges that hold it,
// its few keys then sorted (`sparse`). Kept equal to statusOf by api-key-status-order.test.ts.

type Eb = ExpressionBuilder<Database, 'api_keys'>;
type Predicate = Expression<SqlBool>;

export interface StatusSegment {
  status: KeyStatus;
  /** Every key of this status: for walking api_keys_status_order_idx. */
  dense: Predicate;
  /** The same keys, as index ranges (each branch scoped to the organization). */
  sparse: Predicate;
  /** Of a deactivated status: its enabled keys past a deadline, as index ranges. */
  derived?: Predicate;
}

const EXPOSED: DisabledReason = 'EXPOSED';
const INACTIVITY: DisabledReason = 'INACTIVITY';

/** The segments in KEY_STATUSES order; `scope` is the organization condition. */
export function statusSegments(eb: Eb, now: number, scope: Predicate): StatusSegment[] {
  const t = terms(eb, now);
  const on = eb('enabled', '=', 1);
  const off = eb('enabled', '=', 0);
  const stored = eb(usableUntil(), '=', 0); // a range of api_keys_status_idx: the deactivated keys
  const derived = eb.and([eb(usableUntil(), '>', 0), t.deactivatedRange]); // enabled, a deadline passed
  const notExpired = pending(eb, 'expiration_date', now - EXPIRY_OFFSET);
  const exposurePassed = passed(eb, 'exposure_deactivation_date', now);
  const exposurePending = pending(eb, 'exposure_deactivation_date', now);
  const inactive = eb('inactivity_deadline', '<=', now);
  const active = eb('inactivity_deadline', '>', now);
  const reason = (r: DisabledReason) => eb('disabled_reason', '=', r);
  const otherReason = eb(eb.fn.coalesce('disabled_reason', sql.lit('')), 'not in', [EXPOSED, INACTIVITY]);

  const inactivity = eb.and([on, notExpired, exposurePending, inactive]);
  const exposure = eb.and([on, notExpired, exposurePassed]);
  const rotationOver = eb.and([on, notExpired, exposurePending, active, eb('scheduled_deactivation_date', '<=', now)]);
  const dense: Record<KeyStatus, Predicate> = {
    ENABLED: eb.and([t.usable, t.notSoonExpired, t.notSoonDisabled]),
    SOON_TO_BE_EXPIRED: eb.and([t.usable, t.soonExpired]),
    EXPIRED: eb.and([on, passed(eb, 'expiration_date', now - EXPIRY_OFFSET)]),
    SOON_TO_BE_DISABLED: eb.and([t.usable, t.notSoonExpired, t.soonDisabled]),
    DISABLED_FOR_INACTIVITY: eb.or([eb.and([off, reason(INACTIVITY)]), inactivity]),
    DISABLED_EXPOSED: eb.or([eb.and([off, reason(EXPOSED)]), exposure]),
    DISABLED: eb.or([eb.and([off, otherReason]), rotationOver]),
  };
  const within = (p: Predicate[]) => eb.and([scope, ...p]);
  const pastInactivity = within([derived, inactivity]);
  // A passed exposure deadline comes with a report: the keys of api_keys_exposure_idx.
  const pastExposure = within([t.exposed, exposure]);
  // A rotation period over: the keys of api_keys_scheduled_idx.
  const pastRotation = within([rotationOver]);
  const derivedParts: Partial<Record<KeyStatus, Predicate>> = {
    DISABLED_FOR_INACTIVITY: pastInactivity,
    DISABLED_EXPOSED: pastExposure,
    DISABLED: pastRotation,
  };
  const sparse: Record<KeyStatus, Predicate> = {
    ENABLED: within([t.usableRange, t.notSoonExpired, t.notSoonDisabled]),
    SOON_TO_BE_EXPIRED: within([t.usableRange, t.within(SOON_TO_BE_EXPIRED_MS), t.soonExpired]),
    // From api_keys_list_expiration_idx (a plain comparison, so that it is a range).
    EXPIRED: within([eb('expiration_date', '<=', now - EXPIRY_OFFSET), on]),
    SOON_TO_BE_DISABLED: within([t.usableRange, t.within(SOON_TO_BE_DISABLED_MS), t.notSoonExpired, t.soonDisabled]),
    DISABLED_FOR_INACTIVITY: eb.or([within([stored, off, reason(INACTIVITY)]), pastInactivity]),
    DISABLED_EXPOSED: eb.or([within([stored, off, reason(EXPOSED)]), pastExposure]),
    DISABLED: eb.or([within([stored, off, otherReason]), pastRotation]),
  };
  return KEY_STATUSES.map((status) => {
    const part = derivedParts[status];
    return { status, dense: dense[status], sparse: sparse[status], ...(part ? { derived: part } : {}) };
  });
}
