import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from './durations.ts';
import { addYears, endOfUtcDay } from './expiration.ts';
import { keyTimeline } from './key-timeline.ts';
import type { KeyFacts } from './status.ts';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const ACTIVATED = Date.parse('2026-06-01T00:00:00.000Z');

const facts = (over: Partial<KeyFacts> = {}): KeyFacts => ({
  enabled: true,
  disabledReason: null,
  disabledDate: null,
  templateId: 'push-api',
  activationDate: ACTIVATED,
  lastUsedDate: null,
  expirationDate: null,
  exposure: null,
  scheduledDeactivationDate: null,
  ...over,
});

describe('keyTimeline: next', () => {
  it.each<[string, Partial<KeyFacts>, { kind: string; date: number } | null, boolean]>([
    [
      'a fresh key: inactivity, a year after activation',
      {},
      { kind: 'INACTIVITY', date: addYears(ACTIVATED, 1) },
      false,
    ],
    [
      'expiring on 5 Dec before the inactivity deadline: the expiry (5 Dec, 23:59:59), not the inactivity date',
      { expirationDate: endOfUtcDay(Date.parse('2026-12-05T00:00:00Z')) },
      { kind: 'EXPIRES', date: Date.parse('2026-12-05T23:59:59.000Z') },
      true,
    ],
    [
      'expiring in 8 days: not soon yet',
      { expirationDate: endOfUtcDay(NOW + 8 * DAY_MS) },
      { kind: 'EXPIRES', date: endOfUtcDay(NOW + 8 * DAY_MS) },
      false,
    ],
    [
      'an exposure deadline in 2 days',
      { exposure: { severity: 'HIGH', deactivationDate: NOW + 2 * DAY_MS } },
      { kind: 'EXPOSURE', date: NOW + 2 * DAY_MS },
      false,
    ],
    [
      'a WARN exposure has no deadline: the inactivity date stays next',
      { exposure: { severity: 'WARN', deactivationDate: null } },
      { kind: 'INACTIVITY', date: addYears(ACTIVATED, 1) },
      false,
    ],
    [
      'a rotation grace period ending in an hour',
      { scheduledDeactivationDate: NOW + HOUR_MS, exposure: { severity: 'LOW', deactivationDate: NOW + 30 * DAY_MS } },
      { kind: 'ROTATION', date: NOW + HOUR_MS },
      false,
    ],
    [
      'inactivity within 30 days: soon',
      { activationDate: NOW - 340 * DAY_MS },
      { kind: 'INACTIVITY', date: addYears(NOW - 340 * DAY_MS, 1) },
      true,
    ],
  ])('%s', (_name, over, next, soon) => {
    const timeline = keyTimeline(facts(over), NOW);
    expect(timeline.next).toEqual(next);
    expect(timeline.soon).toBe(soon);
    expect(timeline.ended).toBeNull();
  });
});

describe('keyTimeline: an expiry is stated as the expiration date, ordered by the instant it takes effect', () => {
  const E = endOfUtcDay(NOW + 3 * DAY_MS);
  it('an exposure deadline half a second after 23:59:59 still comes first: the key is valid until E + 1 s', () => {
    const timeline = keyTimeline(
      facts({ expirationDate: E, exposure: { severity: 'HIGH', deactivationDate: E + 500 } }),
      NOW,
    );
    expect(timeline.next).toEqual({ kind: 'EXPOSURE', date: E + 500 });
  });

  it('soon exactly when the status is Soon to be expired: 7 days before the expiry instant', () => {
    const f = facts({ expirationDate: E });
    expect(keyTimeline(f, E + 1000 - 7 * DAY_MS - 1).soon).toBe(false);
    expect(keyTimeline(f, E + 1000 - 7 * DAY_MS).soon).toBe(true);
  });

  it('expired from E + 1 s, ended at E', () => {
    const f = facts({ expirationDate: E });
    expect(keyTimeline(f, E + 999).next).toEqual({ kind: 'EXPIRES', date: E });
    expect(keyTimeline(f, E + 1000)).toEqual({ next: null, ended: { kind: 'EXPIRES', date: E }, soon: false });
  });
});

describe('keyTimeline: ended', () => {
  it.each<[string, Partial<KeyFacts>, { kind: string; date: number }]>([
    [
      'expired yesterday: ended by its expiry, never "None"',
      { expirationDate: endOfUtcDay(NOW - DAY_MS) },
      { kind: 'EXPIRES', date: endOfUtcDay(NOW - DAY_MS) },
    ],
    [
      'CRITICAL exposure: deactivated at the report, in the past',
      { enabled: false, disabledReason: 'EXPOSED', disabledDate: NOW - 48_000 },
      { kind: 'EXPOSURE', date: NOW - 48_000 },
    ],
    [
      'an exposure deadline passed before the job stored it',
      { exposure: { severity: 'HIGH', deactivationDate: NOW - HOUR_MS } },
      { kind: 'EXPOSURE', date: NOW - HOUR_MS },
    ],
    [
      'deactivated by a person',
      { enabled: false, disabledReason: 'MANUAL', disabledDate: NOW - DAY_MS },
      { kind: 'MANUAL', date: NOW - DAY_MS },
    ],
    [
      'rotated with no grace period',
      { enabled: false, disabledReason: 'ROTATED', disabledDate: NOW - DAY_MS },
      { kind: 'ROTATION', date: NOW - DAY_MS },
    ],
    [
      'a grace period that ended (not stored yet)',
      { scheduledDeactivationDate: NOW - 1 },
      { kind: 'ROTATION', date: NOW - 1 },
    ],
    [
      'inactive for a year',
      { activationDate: NOW - 400 * DAY_MS },
      { kind: 'INACTIVITY', date: addYears(NOW - 400 * DAY_MS, 1) },
    ],
  ])('%s', (_name, over, ended) => {
    const timeline = keyTimeline(facts(over), NOW);
    expect(timeline.ended).toEqual(ended);
    expect(timeline.next).toBeNull();
  });
});
