import { formatDay, formatRelative, formatUtc } from '../../lib/format.ts';

/** Closer than this, "in 30 seconds" and "30 seconds ago" are both noise (formatRelative says "just now"). */
const MOMENT_MS = 45_000;

interface DateTimeProps {
  value: number | null | undefined;
  /** 'relative' (in 3 days), 'day' (Mar 3, 2027) or 'both'; the exact UTC time is always on hover. */
  format?: 'relative' | 'day' | 'both';
  empty?: string;
  /**
   * 'future' when the sentence says it will happen ("It will be deactivated …"): a date the browser
   * already sees as past (a page not refetched yet, a browser clock ahead of the server's) reads
   * "in a moment", never "48 seconds ago".
   */
  tense?: 'future';
}

function relativeText(value: number, tense: DateTimeProps['tense']): string {
  if (tense === 'future' && value - Date.now() < MOMENT_MS) return 'in a moment';
  return formatRelative(value);
}

/** A date as the console shows it: short and relative, exact UTC in the title and datetime attribute. */
export function DateTime({ value, format = 'relative', empty = 'Never', tense }: DateTimeProps) {
  if (value === null || value === undefined) return <span className="muted">{empty}</span>;
  const text =
    format === 'relative'
      ? relativeText(value, tense)
      : format === 'day'
        ? formatDay(value)
        : `${formatDay(value)} (${relativeText(value, tense)})`;
  return (
    <time dateTime={new Date(value).toISOString()} title={formatUtc(value)}>
      {text}
    </time>
  );
}
