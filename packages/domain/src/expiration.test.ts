import { describe, expect, it } from 'vitest';
import { parseDuration, type Duration } from './durations.ts';
import {
  addYears,
  endOfUtcDay,
  expirationFromDate,
  expirationFromLifetime,
  expiryInstant,
  isExpired,
  startOfUtcDay,
  utcDateString,
  utcDaysFromToday,
} from './expiration.ts';

const t = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();
const dur = (s: string): Duration => {
  const r = parseDuration(s);
  if (!r.ok) throw new Error(s);
  return r.value;
};

describe('endOfUtcDay / startOfUtcDay', () => {
  it.each([
    ['2025-06-10T00:00:00.000Z', '2025-06-10T23:59:59.000Z'],
    ['2025-06-10T12:34:56.789Z', '2025-06-10T23:59:59.000Z'],
    ['2025-06-10T23:59:59.999Z', '2025-06-10T23:59:59.000Z'],
    ['2024-02-29T05:00:00.000Z', '2024-02-29T23:59:59.000Z'],
    ['1969-12-31T12:00:00.000Z', '1969-12-31T23:59:59.000Z'],
  ])('%s -> %s', (at, end) => {
    expect(iso(endOfUtcDay(t(at)))).toBe(end);
    expect(iso(startOfUtcDay(t(at)))).toBe(`${at.slice(0, 10)}T00:00:00.000Z`);
  });
});

describe('isExpired', () => {
  const E = t('2025-06-10T23:59:59.000Z');
  it.each([
    ['2025-06-10T00:00:00.000Z', false],
    ['2025-06-10T23:59:59.000Z', false],
    ['2025-06-10T23:59:59.999Z', false],
    ['2025-06-11T00:00:00.000Z', true],
    ['2025-06-12T00:00:00.000Z', true],
  ])('at %s: %s', (now, expired) => {
    expect(isExpired(E, t(now))).toBe(expired);
  });

  it('never expires without a date', () => {
    expect(isExpired(null, Number.MAX_SAFE_INTEGER)).toBe(false);
  });

  it('expires at 00:00:00.000 UTC of the next day', () => {
    expect(iso(expiryInstant(E))).toBe('2025-06-11T00:00:00.000Z');
  });
});

describe('expirationFromLifetime', () => {
  it.each([
    ['2025-06-10T08:00:00.000Z', 'P14D', '2025-06-24T23:59:59.000Z'],
    ['2025-06-10T23:59:59.999Z', 'P1D', '2025-06-11T23:59:59.000Z'],
    ['2025-06-10T08:00:00.000Z', 'PT0S', '2025-06-10T23:59:59.000Z'],
    ['2025-06-10T20:00:00.000Z', 'PT4H', '2025-06-11T23:59:59.000Z'],
    ['2025-01-31T08:00:00.000Z', 'P1M', '2025-02-28T23:59:59.000Z'],
    ['2025-06-10T08:00:00.000Z', 'P2W', '2025-06-24T23:59:59.000Z'],
  ])('%s + %s -> %s', (now, d, expected) => {
    expect(iso(expirationFromLifetime(t(now), dur(d)))).toBe(expected);
  });

  it('is NaN out of range', () => {
    expect(expirationFromLifetime(0, dur('P999999999Y'))).toBeNaN();
  });
});

describe('expirationFromDate', () => {
  it.each<[number | string, string | null]>([
    [t('2025-06-10T00:00:00.000Z'), '2025-06-10T23:59:59.000Z'],
    [t('2025-06-10T23:59:59.999Z'), '2025-06-10T23:59:59.000Z'],
    ['2025-06-10', '2025-06-10T23:59:59.000Z'],
    ['2024-02-29', '2024-02-29T23:59:59.000Z'],
    ['2025-02-29', null],
    ['2025-13-01', null],
    ['2025-6-10', null],
    ['2025-06-10T00:00:00Z', null],
    ['tomorrow', null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [9e15, null],
  ])('%s -> %s', (input, expected) => {
    const result = expirationFromDate(input);
    expect(result === null ? null : iso(result)).toBe(expected);
  });
});

describe('utcDaysFromToday', () => {
  const now = t('2025-06-10T23:00:00.000Z');
  it.each([
    ['2025-06-10T23:59:59.000Z', 0],
    ['2025-06-11T23:59:59.000Z', 1],
    ['2025-06-24T23:59:59.000Z', 14],
    ['2025-06-25T23:59:59.000Z', 15],
    ['2025-06-09T23:59:59.000Z', -1],
  ])('%s is %s days away', (e, days) => {
    expect(utcDaysFromToday(now, t(e))).toBe(days);
  });
});

describe('addYears / utcDateString', () => {
  it.each([
    ['2025-06-10T12:00:00.000Z', 1, '2026-06-10T12:00:00.000Z'],
    ['2024-02-29T12:00:00.000Z', 1, '2025-02-28T12:00:00.000Z'],
    ['2024-02-29T12:00:00.000Z', 4, '2028-02-29T12:00:00.000Z'],
    ['2025-12-31T23:59:59.999Z', 1, '2026-12-31T23:59:59.999Z'],
    ['2025-06-10T12:00:00.000Z', -1, '2024-06-10T12:00:00.000Z'],
  ])('%s + %s years = %s', (from, n, to) => {
    expect(iso(addYears(t(from), n))).toBe(to);
  });

  it('formats the UTC day', () => {
    expect(utcDateString(t('2025-06-10T23:59:59.999Z'))).toBe('2025-06-10');
  });
});
