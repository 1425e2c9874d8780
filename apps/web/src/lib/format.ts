/** Dates are epoch milliseconds from the API; the console shows them relative, with exact UTC on hover. */

const DIVISIONS: { amount: number; unit: Intl.RelativeTimeFormatUnit }[] = [
  { amount: 60, unit: 'second' },
  { amount: 60, unit: 'minute' },
  { amount: 24, unit: 'hour' },
  { amount: 30, unit: 'day' },
  { amount: 12, unit: 'month' },
  { amount: Number.POSITIVE_INFINITY, unit: 'year' },
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

export function formatRelative(epochMs: number, now: number = Date.now()): string {
  let duration = (epochMs - now) / 1000;
  if (Math.abs(duration) < 45) return 'just now';
  for (const division of DIVISIONS) {
    // Rounded first, so 59.9 minutes reads "in 1 hour", never "in 60 minutes".
    if (Math.abs(Math.round(duration)) < division.amount) return relative.format(Math.round(duration), division.unit);
    duration /= division.amount;
  }
  return relative.format(Math.round(duration), 'year');
}

const utcFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function formatUtc(epochMs: number): string {
  return `${utcFormat.format(new Date(epochMs))} UTC`;
}

const dayFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
});

export function formatDay(epochMs: number): string {
  return dayFormat.format(new Date(epochMs));
}
