// The one function that turns stored facts + the current time into a key's status. Deadlines are
// derived from time, so a key whose deadline passed is already deactivated before any job stores it.

import { DAY_MS } from './durations.ts';
import { addYears, expiryInstant, isExpired } from './expiration.ts';
import type { Severity } from './exposure.ts';

export const DISABLED_REASONS = ['MANUAL', 'INACTIVITY', 'EXPOSED', 'ROTATED'] as const;
export type DisabledReason = (typeof DISABLED_REASONS)[number];

export type KeyFacts = {
  enabled: boolean;
  disabledReason: DisabledReason | null;
  disabledDate: number | null;
  templateId: string;
  activationDate: number;
  lastUsedDate: number | null;
  expirationDate: number | null;
  /** `createdDate`: when the report was opened (the "flagged" notice); optional for callers that lack it. */
  exposure: { severity: Severity; deactivationDate: number | null; createdDate?: number } | null;
  /** End of a rotation grace period: the key is deactivated then. */
  scheduledDeactivationDate: number | null;
};

export const KEY_STATUSES = [
  'ENABLED',
  'SOON_TO_BE_EXPIRED',
  'EXPIRED',
  'SOON_TO_BE_DISABLED',
  'DISABLED_FOR_INACTIVITY',
  'DISABLED_EXPOSED',
  'DISABLED',
] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export type StatusLabel =
  | 'Active'
  | 'Soon to be expired'
  | 'Expired'
  | 'Soon to be deactivated'
  | 'Deactivated'
  | 'Exposed'
  | 'Deactivated (exposed)'
  | 'Disabled';

export type StatusView = {
  status: KeyStatus;
  label: StatusLabel;
  usable: boolean;
  exposed: boolean;
  /** Usable: the next automatic deactivation (exposure, rotation or inactivity, earliest first).
   *  Deactivated: when that happened. Expired: null (see expirationDate). */
  deactivationDate: number | null;
  inactivityDeadline: number;
};

export const SOON_TO_BE_EXPIRED_MS = 7 * DAY_MS;
export const SOON_TO_BE_DISABLED_MS = 30 * DAY_MS;
export const INACTIVITY_YEARS = 1;

const LABELS: Readonly<Record<KeyStatus, StatusLabel>> = {
  ENABLED: 'Active',
  SOON_TO_BE_EXPIRED: 'Soon to be expired',
  EXPIRED: 'Expired',
  SOON_TO_BE_DISABLED: 'Soon to be deactivated',
  DISABLED_FOR_INACTIVITY: 'Deactivated',
  DISABLED_EXPOSED: 'Deactivated (exposed)',
  DISABLED: 'Disabled',
};

export const USABLE_STATUSES: readonly KeyStatus[] = ['ENABLED', 'SOON_TO_BE_EXPIRED', 'SOON_TO_BE_DISABLED'];

export function isUsableStatus(status: KeyStatus): boolean {
  return USABLE_STATUSES.includes(status);
}

/** One year after the last use, or after activation if the key was never used since. */
export function inactivityDeadline(facts: Pick<KeyFacts, 'lastUsedDate' | 'activationDate'>): number {
  const last = facts.lastUsedDate === null ? facts.activationDate : Math.max(facts.lastUsedDate, facts.activationDate);
  return addYears(last, INACTIVITY_YEARS);
}

function passed(deadline: number | null | undefined, now: number): deadline is number {
  return deadline !== null && deadline !== undefined && now >= deadline;
}

type Derived = { status: KeyStatus; deactivationDate: number | null };

function storedDisabled(facts: KeyFacts, deadline: number): Derived {
  switch (facts.disabledReason) {
    case 'EXPOSED':
      return {
        status: 'DISABLED_EXPOSED',
        deactivationDate: facts.disabledDate ?? facts.exposure?.deactivationDate ?? null,
      };
    case 'INACTIVITY':
      return { status: 'DISABLED_FOR_INACTIVITY', deactivationDate: facts.disabledDate ?? deadline };
    default:
      return { status: 'DISABLED', deactivationDate: facts.disabledDate };
  }
}

function earliestOf(dates: readonly (number | null | undefined)[]): number | null {
  const present = dates.filter((d): d is number => typeof d === 'number');
  return present.length === 0 ? null : Math.min(...present);
}

function derive(facts: KeyFacts, now: number, deadline: number): Derived {
  if (!facts.enabled) return storedDisabled(facts, deadline);
  if (isExpired(facts.expirationDate, now)) return { status: 'EXPIRED', deactivationDate: null };
  const exposureDeadline = facts.exposure?.deactivationDate;
  if (passed(exposureDeadline, now)) return { status: 'DISABLED_EXPOSED', deactivationDate: exposureDeadline };
  if (passed(deadline, now)) return { status: 'DISABLED_FOR_INACTIVITY', deactivationDate: deadline };
  if (passed(facts.scheduledDeactivationDate, now))
    return { status: 'DISABLED', deactivationDate: facts.scheduledDeactivationDate };
  const next = earliestOf([exposureDeadline, facts.scheduledDeactivationDate, deadline]);
  if (facts.expirationDate !== null && now >= expiryInstant(facts.expirationDate) - SOON_TO_BE_EXPIRED_MS) {
    return { status: 'SOON_TO_BE_EXPIRED', deactivationDate: next };
  }
  if (now >= deadline - SOON_TO_BE_DISABLED_MS) return { status: 'SOON_TO_BE_DISABLED', deactivationDate: next };
  return { status: 'ENABLED', deactivationDate: next };
}

export function statusOf(facts: KeyFacts, now: number): StatusView {
  const deadline = inactivityDeadline(facts);
  const { status, deactivationDate } = derive(facts, now, deadline);
  const usable = isUsableStatus(status);
  const exposed = facts.exposure !== null;
  const label = usable && exposed ? 'Exposed' : LABELS[status];
  return { status, label, usable, exposed, deactivationDate, inactivityDeadline: deadline };
}

export const LIST_STATUS_FILTERS = [
  'ACTIVE',
  'SOON_TO_BE_DISABLED',
  'SOON_TO_BE_EXPIRED',
  'ACTIVE_AND_EXPOSED',
  'WITH_WARNING',
  'ALL_EXPOSED',
  'DEACTIVATED',
] as const;
export type ListStatusFilter = (typeof LIST_STATUS_FILTERS)[number];

/** The list filters of PRODUCT.md §3.4. */
export function matchesStatusFilter(
  view: Pick<StatusView, 'status'>,
  exposed: boolean,
  filter: ListStatusFilter,
): boolean {
  const usable = isUsableStatus(view.status);
  switch (filter) {
    case 'ACTIVE':
      return usable;
    case 'SOON_TO_BE_DISABLED':
    case 'SOON_TO_BE_EXPIRED':
      return view.status === filter;
    case 'ACTIVE_AND_EXPOSED':
      return usable && exposed;
    case 'WITH_WARNING':
      return view.status === 'SOON_TO_BE_EXPIRED' || view.status === 'SOON_TO_BE_DISABLED' || (usable && exposed);
    case 'ALL_EXPOSED':
      return exposed;
    case 'DEACTIVATED':
      return !usable;
  }
}
