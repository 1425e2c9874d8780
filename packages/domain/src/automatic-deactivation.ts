import { statusOf, type DisabledReason, type KeyFacts, type KeyStatus } from '@keyward/domain';

export interface Deactivation {
  reason: DisabledReason;
  /** When it took effect: the deadline statusOf reports, never later than now. */
  date: number;
}

const REASON_OF: Partial<Record<KeyStatus, DisabledReason>> = {
  DISABLED_EXPOSED: 'EXPOSED',
  DISABLED_FOR_INACTIVITY: 'INACTIVITY',
  // An enabled key that statusOf calls DISABLED has reached the end of its rotation grace period.
  DISABLED: 'ROTATED',
};

/**
 * The deactivation to record for a key that is still stored as enabled, read from statusOf so the
 * stored state always matches the status already shown: a key whose deadline has passed is
 * deactivated (from that deadline) whether or not a job has run yet. Expired keys stay as they are.
 */
export function automaticDeactivation(facts: KeyFacts, now: number): Deactivation | null {
  if (!facts.enabled) return null;
  const view = statusOf(facts, now);
  const reason = REASON_OF[view.status];
  if (view.usable || reason === undefined) return null;
  return { reason, date: Math.min(view.deactivationDate ?? now, now) };
}

export function deactivatedFacts(facts: KeyFacts, change: Deactivation): KeyFacts {
  return { ...facts, enabled: false, disabledReason: change.reason, disabledDate: change.date };
}
