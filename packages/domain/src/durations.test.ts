import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  addDuration,
  addUtcMonths,
  durationToMs,
  isFixedDuration,
  parseDuration,
  type Duration,
} from './durations.ts';

const D = (over: Partial<Duration>): Duration => ({
  years: 0,
  months: 0,
  weeks: 0,
  days: 0,
  hours: 0,
  minutes: 0,
  seconds: 0,
  ...over,
});
const t = (iso: string): number => Date.parse(iso);

describe('parseDuration', () => {
  it.each<[string, Partial<Duration>]>([
    ['P14D', { days: 14 }],
    ['PT0S', {}],
    ['P0D', {}],
    ['P1Y2M3DT4H5M6S', { years: 1, months: 2, days: 3, hours: 4, minutes: 5, seconds: 6 }],
    ['P2W', { weeks: 2 }],
    ['P1W3D', { weeks: 1, days: 3 }],
    ['PT36H', { hours: 36 }],
    ['PT1M', { minutes: 1 }],
    ['P1M', { months: 1 }],
    ['PT1.5S', { seconds: 1.5 }],
    ['P30D', { days: 30 }],
    ['P999999999D', { days: 999999999 }],
  ])('%s', (s, expected) => {
    expect(parseDuration(s)).toEqual({ ok: true, value: D(expected) });
  });

  it.each([
    '',
    'P',
    'PT',
    'P1DT',
    '-P1D',
    '+P1D',
    'p14d',
    'P14d',
    '14D',
    'P 14D',
    ' P14D',
    'P14D ',
    'P1.5D',
    'PT1.S',
    'P1D2Y',
    'PT1S2M',
    'P1H',
    'PT1D',
    'P1000000000D',
    'NEVER',
    'P-1D',
    'PDT1S',
    'P1Y1Y',
    'PT.5S',
    'P1,5D',
  ])('refuses %j', (s) => {
    expect(parseDuration(s)).toEqual({ ok: false });
  });

  it('refuses non-strings', () => {
    expect(parseDuration(14 as unknown as string)).toEqual({ ok: false });
  });
});

describe('durationToMs', () => {
  it.each<[Partial<Duration>, number | null]>([
    [{}, 0],
    [{ days: 30 }, 30 * DAY_MS],
    [{ weeks: 2, days: 1 }, 15 * DAY_MS],
    [{ hours: 1, minutes: 1, seconds: 1.2345 }, HOUR_MS + 61_234],
    [{ months: 1 }, null],
    [{ years: 1 }, null],
  ])('%o -> %s', (d, ms) => {
    expect(durationToMs(D(d))).toBe(ms);
    expect(isFixedDuration(D(d))).toBe(ms !== null);
  });
});

describe('addDuration (UTC calendar)', () => {
  it.each<[string, Partial<Duration>, string]>([
    ['2025-01-01T10:00:00.000Z', { days: 14 }, '2025-01-15T10:00:00.000Z'],
    ['2025-01-31T10:00:00.000Z', { months: 1 }, '2025-02-28T10:00:00.000Z'],
    ['2024-01-31T10:00:00.000Z', { months: 1 }, '2024-02-29T10:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', { years: 1 }, '2025-02-28T00:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', { years: 4 }, '2028-02-29T00:00:00.000Z'],
    ['2025-03-31T00:00:00.000Z', { months: 1, days: 1 }, '2025-05-01T00:00:00.000Z'],
    ['2025-12-15T00:00:00.000Z', { months: 1 }, '2026-01-15T00:00:00.000Z'],
    ['2025-11-30T00:00:00.000Z', { months: 14 }, '2027-01-30T00:00:00.000Z'],
    ['2025-03-29T23:30:00.000Z', { hours: 1 }, '2025-03-30T00:30:00.000Z'],
    ['2025-01-01T00:00:00.000Z', { weeks: 2 }, '2025-01-15T00:00:00.000Z'],
    ['2025-01-01T00:00:00.000Z', { seconds: 0.0019 }, '2025-01-01T00:00:00.001Z'],
    ['2025-01-01T00:00:00.000Z', {}, '2025-01-01T00:00:00.000Z'],
  ])('%s + %o = %s', (from, d, to) => {
    expect(new Date(addDuration(t(from), D(d))).toISOString()).toBe(to);
  });

  it('returns NaN beyond the range of dates', () => {
    expect(addDuration(0, D({ years: 999_999_999 }))).toBeNaN();
    expect(addDuration(0, D({ days: 999_999_999 }))).toBeNaN();
  });

  it('addUtcMonths handles negative months and years before 100', () => {
    expect(new Date(addUtcMonths(t('2025-03-31T00:00:00Z'), -1)).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    const year50 = new Date(0);
    year50.setUTCFullYear(50, 0, 31);
    expect(new Date(addUtcMonths(year50.getTime(), 1)).getUTCDate()).toBe(28);
  });
});

/** The calendar arithmetic of addUtcMonths, computed afresh (no remembered shift). */
function reference(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(0);
  last.setUTCFullYear(year, month + 1, 0);
  const result = new Date(epochMs);
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), last.getUTCDate()));
  return result.getTime();
}

describe('addUtcMonths remembers the shift of the last day it was asked about', () => {
  const instant = fc.integer({ min: -62_000_000_000_000, max: 250_000_000_000_000 });
  it('answers as the plain computation, for instants on the same day, the next, and elsewhere', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: DAY_MS - 1 }),
        fc.integer({ min: -1200, max: 1200 }),
        (t, offset, months) => {
          const dayStart = t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
          for (const at of [t, dayStart + offset, dayStart, dayStart + DAY_MS - 1, dayStart + DAY_MS, dayStart - 1]) {
            expect(addUtcMonths(at, months)).toBe(reference(at, months));
            expect(addUtcMonths(at, months + 1)).toBe(reference(at, months + 1));
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('around Feb 29, month ends and the edges of the date range', () => {
    const cases = [
      ['2024-02-29T23:59:59.999Z', 12],
      ['2024-02-29T00:00:00.000Z', 12],
      ['2024-02-28T12:00:00.000Z', 12],
      ['2025-01-31T08:00:00.000Z', 1],
      ['2025-01-31T23:59:59.999Z', 1],
      ['2025-03-31T00:00:00.000Z', -1],
    ] as const;
    for (const [iso, months] of cases) {
      const at = Date.parse(iso);
      expect(addUtcMonths(at, months), iso).toBe(reference(at, months));
      expect(addUtcMonths(at + 1, months), iso).toBe(reference(at + 1, months));
    }
    expect(addUtcMonths(8.64e15 - 1000, 1)).toBeNaN();
    expect(addUtcMonths(8.64e15 - 40 * DAY_MS, 1)).toBe(reference(8.64e15 - 40 * DAY_MS, 1));
    expect(addUtcMonths(8.64e15 - 40 * DAY_MS + 1, 2)).toBeNaN();
  });
});
