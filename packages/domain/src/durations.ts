// Strict ISO-8601 durations: `P[nY][nM][nW][nD][T[nH][nM][n[.f]S]]`, upper case, no sign, at least
// one component, a `T` only when a time component follows. Integers of at most 9 digits; only
// seconds may carry a fraction (milliseconds are kept, finer digits are truncated).

export type Duration = {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
};

export type DurationResult = { ok: true; value: Duration } | { ok: false };

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const N = '(\\d{1,9})';
const PATTERN = new RegExp(
  `^P(?:${N}Y)?(?:${N}M)?(?:${N}W)?(?:${N}D)?(?:T(?:${N}H)?(?:${N}M)?(?:(\\d{1,9}(?:\\.\\d{1,9})?)S)?)?$`,
);

export function parseDuration(s: string): DurationResult {
  if (typeof s !== 'string') return { ok: false };
  const m = PATTERN.exec(s);
  if (!m) return { ok: false };
  const [, y, mo, w, d, h, mi, sec] = m;
  if ([y, mo, w, d, h, mi, sec].every((part) => part === undefined)) return { ok: false };
  if (s.endsWith('T')) return { ok: false };
  const num = (part: string | undefined): number => (part === undefined ? 0 : Number(part));
  return {
    ok: true,
    value: {
      years: num(y),
      months: num(mo),
      weeks: num(w),
      days: num(d),
      hours: num(h),
      minutes: num(mi),
      seconds: num(sec),
    },
  };
}

/** True when the duration has a fixed length (no years or months). */
export function isFixedDuration(d: Duration): boolean {
  return d.years === 0 && d.months === 0;
}

function timeMs(d: Duration): number {
  return ((d.weeks * 7 + d.days) * 24 + d.hours) * HOUR_MS + d.minutes * MINUTE_MS + Math.trunc(d.seconds * 1000);
}

/** Length in ms of a fixed duration; null when it has years or months (calendar-dependent). */
export function durationToMs(d: Duration): number | null {
  return isFixedDuration(d) ? timeMs(d) : null;
}

function daysInUtcMonth(year: number, monthIndex: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex + 1, 0); // Date.UTC would map years 0-99 to 1900-1999
  return date.getUTCDate();
}

// Within one UTC day, adding months moves every instant by the same amount (the day maps to one day,
// the time of day is kept): the last day's shift is remembered. Verification asks for the inactivity
// deadline (last use + 1 year) on every call, with a last use that moves by the millisecond.
const MAX_DATE_MS = 8.64e15;
let shiftDayStart = Number.NaN;
let shiftMonths = Number.NaN;
let shift = 0;

/** Adds whole calendar months in UTC, clamping the day to the target month (Jan 31 + 1M = Feb 28/29). */
export function addUtcMonths(epochMs: number, months: number): number {
  if (months === shiftMonths && epochMs >= shiftDayStart && epochMs < shiftDayStart + DAY_MS) return epochMs + shift;
  const result = monthsLater(epochMs, months);
  if (Math.abs(result) < MAX_DATE_MS - 2 * DAY_MS) {
    shiftDayStart = epochMs - (((epochMs % DAY_MS) + DAY_MS) % DAY_MS);
    shiftMonths = months;
    shift = result - epochMs;
  }
  return result;
}

function monthsLater(epochMs: number, months: number): number {
  const date = new Date(epochMs);
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(date.getUTCDate(), daysInUtcMonth(year, month));
  const result = new Date(epochMs);
  result.setUTCFullYear(year, month, day);
  return result.getTime();
}

/**
 * UTC calendar arithmetic, largest unit first: years and months (day clamped to the month's
 * length), then weeks and days (UTC days are always 24 h), then the time components.
 * Returns NaN when the result leaves the range of dates.
 */
export function addDuration(epochMs: number, d: Duration): number {
  const months = d.years * 12 + d.months;
  const base = months === 0 ? epochMs : addUtcMonths(epochMs, months);
  const result = base + timeMs(d);
  return Number.isFinite(result) && Math.abs(result) <= 8.64e15 ? result : Number.NaN;
}
