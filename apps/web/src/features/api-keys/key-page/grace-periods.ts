import { DAY_MS, HOUR_MS, expiryInstant } from '@keyward/domain';

export interface GracePeriod {
  period: string;
  label: string;
  ms: number;
}

const PERIODS: GracePeriod[] = [
  { period: 'PT0S', label: 'Now', ms: 0 },
  { period: 'PT1H', label: '1 hour', ms: HOUR_MS },
  { period: 'P1D', label: '1 day', ms: DAY_MS },
  { period: 'P7D', label: '7 days', ms: 7 * DAY_MS },
  { period: 'P30D', label: '30 days', ms: 30 * DAY_MS },
];

/** The grace periods offered: never ending after the old key's own expiration. */
export function gracePeriodsFor(expirationDate: number | null, now: number): GracePeriod[] {
  if (expirationDate === null) return PERIODS;
  const left = expiryInstant(expirationDate) - now;
  return PERIODS.filter((p) => p.ms === 0 || p.ms <= left);
}
