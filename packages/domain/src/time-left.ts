// How long until an instant, in words, for text that is read later than it is written (e-mail):
// computed from the instant and the clock, never from which notice of a series is being sent, so a
// key created 3 days before it expires is told "in 3 days", not the 7-day notice's wording.

import { DAY_MS, HOUR_MS, MINUTE_MS } from './durations.ts';

const count = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * "in 5 days", "in 3 days and 12 hours", "in 24 hours", "in 1 hour", "in 45 minutes",
 * "in less than a minute"; "now" once the instant has come. Rounded to the nearest minute below an
 * hour and to the nearest hour above (a notice sent a few seconds after its instant still reads
 * "in 7 days"); under two days in hours, where a day would be too coarse.
 */
export function timeLeftText(now: number, instant: number): string {
  const left = instant - now;
  if (left <= 0) return 'now';
  if (left < MINUTE_MS) return 'in less than a minute';
  const minutes = Math.round(left / MINUTE_MS);
  if (minutes < 60) return `in ${count(minutes, 'minute')}`;
  const hours = Math.round(left / HOUR_MS);
  if (hours < (2 * DAY_MS) / HOUR_MS) return `in ${count(hours, 'hour')}`;
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest === 0 ? `in ${count(days, 'day')}` : `in ${count(days, 'day')} and ${count(rest, 'hour')}`;
}
