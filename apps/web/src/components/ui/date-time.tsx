import { formatDay, formatRelative, formatUtc } from '../../lib/format.ts';

interface DateTimeProps {
  value: number | null | undefined;
  /** 'relative' (in 3 days), 'day' (Mar 3, 2027) or 'both'; the exact UTC time is always on hover. */
  format?: 'relative' | 'day' | 'both';
  empty?: string;
}

/** A date as the console shows it: short and relative, exact UTC in the title and datetime attribute. */
export function DateTime({ value, format = 'relative', empty = 'Never' }: DateTimeProps) {
  if (value === null || value === undefined) return <span className="muted">{empty}</span>;
  const text =
    format === 'relative'
      ? formatRelative(value)
      : format === 'day'
        ? formatDay(value)
        : `${formatDay(value)} (${formatRelative(value)})`;
  return (
    <time dateTime={new Date(value).toISOString()} title={formatUtc(value)}>
      {text}
    </time>
  );
}
