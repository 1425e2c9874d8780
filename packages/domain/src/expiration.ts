// A key's `expirationDate` E is stored as 23:59:59.000 UTC of its expiration day (Coveo's
// convention). The key stays valid through 23:59:59.999 and is expired from E + 1000 ms, i.e.
// 00:00:00.000 UTC of the next day: that instant is `expiryInstant(E)`.

import { addDuration, addUtcMonths, DAY_MS, type Duration } from './durations.ts';

/** The `lifetimeDuration` of a key that never expires (Custom keys only). */
export const NEVER = 'NEVER';

/** Start (00:00:00.000 UTC) of the day holding epochMs. */
export function startOfUtcDay(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS) * DAY_MS;
}

/** 23:59:59.000 UTC of the day holding epochMs. */
export function endOfUtcDay(epochMs: number): number {
  return startOfUtcDay(epochMs) + DAY_MS - 1000;
}

/** The first instant at which a key with this expirationDate is expired. */
export function expiryInstant(expirationDate: number): number {
  return expirationDate + 1000;
}

export function isExpired(expirationDate: number | null, now: number): boolean {
  return expirationDate !== null && now >= expiryInstant(expirationDate);
}

/** Expiration for a lifetime: the end of the UTC day reached by now + duration; NaN if out of range. */
export function expirationFromLifetime(now: number, duration: Duration): number {
  const reached = addDuration(now, duration);
  return Number.isNaN(reached) ? Number.NaN : endOfUtcDay(reached);
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Expiration for a date picked or sent: epoch ms (any instant of the day) or `YYYY-MM-DD`.
 * Returns the end of that UTC day, or null when the input is not a real date.
 */
export function expirationFromDate(dateInput: number | string): number | null {
  if (typeof dateInput === 'number') {
    return Number.isFinite(dateInput) && Math.abs(dateInput) <= 8.64e15 ? endOfUtcDay(dateInput) : null;
  }
  const m = DATE_ONLY.exec(dateInput);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? endOfUtcDay(date.getTime()) : null;
}

/** Calendar days from today (UTC) to the day of `expirationDate`: 0 = today, 1 = tomorrow. */
export function utcDaysFromToday(now: number, expirationDate: number): number {
  return Math.round((startOfUtcDay(expirationDate) - startOfUtcDay(now)) / DAY_MS);
}

/** n calendar years later in UTC; Feb 29 becomes Feb 28 in a non-leap year. */
export function addYears(epochMs: number, n: number): number {
  return addUtcMonths(epochMs, 12 * n);
}

/** YYYY-MM-DD of the UTC day holding epochMs (the date picker's value). */
export function utcDateString(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
