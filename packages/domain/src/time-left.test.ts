import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './durations.ts';
import { timeLeftText } from './time-left.ts';

const NOW = Date.parse('2026-01-15T12:00:00.000Z');

describe('timeLeftText', () => {
  it.each<[string, number, string]>([
    ['the instant itself', 0, 'now'],
    ['an instant already past', -5 * DAY_MS, 'now'],
    ['1 ms', 1, 'in less than a minute'],
    ['59.999 s', MINUTE_MS - 1, 'in less than a minute'],
    ['exactly 1 minute (singular)', MINUTE_MS, 'in 1 minute'],
    ['1 min 29 s', MINUTE_MS + 29 * SECOND_MS, 'in 1 minute'],
    ['45 minutes', 45 * MINUTE_MS, 'in 45 minutes'],
    ['59 min 29 s', 59 * MINUTE_MS + 29 * SECOND_MS, 'in 59 minutes'],
    ['59 min 30 s: rounds up to the hour', 59 * MINUTE_MS + 30 * SECOND_MS, 'in 1 hour'],
    ['exactly 1 hour (singular)', HOUR_MS, 'in 1 hour'],
    ['less than a day', 5 * HOUR_MS + 10 * MINUTE_MS, 'in 5 hours'],
    ['exactly 1 day: in hours', DAY_MS, 'in 24 hours'],
    ['a day minus a minute (a notice sent late)', DAY_MS - MINUTE_MS, 'in 24 hours'],
    ['36 hours', 36 * HOUR_MS, 'in 36 hours'],
    ['47 h 29 min', 47 * HOUR_MS + 29 * MINUTE_MS, 'in 47 hours'],
    ['47 h 30 min: rounds to 2 days', 47 * HOUR_MS + 30 * MINUTE_MS, 'in 2 days'],
    ['exactly 2 days', 2 * DAY_MS, 'in 2 days'],
    ['2 days and 1 hour (singular)', 2 * DAY_MS + HOUR_MS, 'in 2 days and 1 hour'],
    ['3 days and a half', 3.5 * DAY_MS, 'in 3 days and 12 hours'],
    ['exactly 7 days', 7 * DAY_MS, 'in 7 days'],
    ['7 days minus 30 s (the job ran a little late)', 7 * DAY_MS - 30 * SECOND_MS, 'in 7 days'],
    ['7 days and 29 min', 7 * DAY_MS + 29 * MINUTE_MS, 'in 7 days'],
    ['30 days and 23 h 40 min', 30 * DAY_MS + 23 * HOUR_MS + 40 * MINUTE_MS, 'in 31 days'],
  ])('%s', (_, left, expected) => {
    expect(timeLeftText(NOW, NOW + left)).toBe(expected);
  });
});
