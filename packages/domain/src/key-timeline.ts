// What will happen to a key next, and what ended it: one answer for the key page, derived from the
// same facts and clock as statusOf, so the page never contradicts the status pill.

import { expiryInstant } from './expiration.ts';
import { SOON_TO_BE_DISABLED_MS, SOON_TO_BE_EXPIRED_MS, statusOf, type KeyFacts } from './status.ts';

export const KEY_EVENT_KINDS = ['EXPIRES', 'INACTIVITY', 'EXPOSURE', 'ROTATION', 'MANUAL'] as const;
export type KeyEventKind = (typeof KEY_EVENT_KINDS)[number];

/**
 * `date`: when it happens, as the key page states it. For EXPIRES, the expiration date itself
 * (23:59:59 UTC of the expiration day, PRODUCT.md §3.2), so that it reads as the same day as the
 * Expiration date field; the key is expired from one second later (expiryInstant).
 */
export type KeyEvent = { kind: KeyEventKind; date: number };

export type KeyTimeline = {
  /** A usable key: the first of its expiration, inactivity, exposure or rotation deadlines; else null. */
  next: KeyEvent | null;
  /** A key that is no longer usable: why and since when (an expired key: EXPIRES at its expiry). */
  ended: KeyEvent | null;
  /** `next` falls within the warning window of its kind (7 days to expiry, 30 days to inactivity). */
  soon: boolean;
};

// Earlier wins; at the same instant, the order below names the cause (as statusOf does).
const ORDER: readonly KeyEventKind[] = ['EXPIRES', 'EXPOSURE', 'INACTIVITY', 'ROTATION'];

/** The instant an event takes effect (an expiry: the second after the expiration date). */
function instantOf(event: KeyEvent): number {
  return event.kind === 'EXPIRES' ? expiryInstant(event.date) : event.date;
}

function candidates(facts: KeyFacts, inactivity: number): KeyEvent[] {
  const events: KeyEvent[] = [{ kind: 'INACTIVITY', date: inactivity }];
  if (facts.expirationDate !== null) events.push({ kind: 'EXPIRES', date: facts.expirationDate });
  const exposure = facts.exposure?.deactivationDate;
  if (typeof exposure === 'number') events.push({ kind: 'EXPOSURE', date: exposure });
  if (facts.scheduledDeactivationDate !== null)
    events.push({ kind: 'ROTATION', date: facts.scheduledDeactivationDate });
  return events.sort((a, b) => instantOf(a) - instantOf(b) || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
}

function endedEvent(facts: KeyFacts, now: number): KeyEvent | null {
  const view = statusOf(facts, now);
  switch (view.status) {
    case 'EXPIRED':
      return facts.expirationDate === null ? null : { kind: 'EXPIRES', date: facts.expirationDate };
    case 'DISABLED_EXPOSED':
      return view.deactivationDate === null ? null : { kind: 'EXPOSURE', date: view.deactivationDate };
    case 'DISABLED_FOR_INACTIVITY':
      return view.deactivationDate === null ? null : { kind: 'INACTIVITY', date: view.deactivationDate };
    case 'DISABLED': {
      const date = view.deactivationDate ?? facts.disabledDate;
      if (date === null) return null;
      const rotated = facts.disabledReason === 'ROTATED' || (facts.enabled && facts.scheduledDeactivationDate !== null);
      return { kind: rotated ? 'ROTATION' : 'MANUAL', date };
    }
    default:
      return null;
  }
}

/** The key page's "what happens next" line and its banner (PRODUCT.md §6). */
export function keyTimeline(facts: KeyFacts, now: number): KeyTimeline {
  const view = statusOf(facts, now);
  if (!view.usable) return { next: null, ended: endedEvent(facts, now), soon: false };
  const next = candidates(facts, view.inactivityDeadline)[0] ?? null;
  const window =
    next?.kind === 'EXPIRES' ? SOON_TO_BE_EXPIRED_MS : next?.kind === 'INACTIVITY' ? SOON_TO_BE_DISABLED_MS : 0;
  return { next, ended: null, soon: next !== null && window > 0 && instantOf(next) - now <= window };
}
