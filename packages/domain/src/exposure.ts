import { DAY_MS } from './durations.ts';
import type { Privacy } from './templates.ts';

export const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'WARN'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const EXPOSURE_SOURCES = ['MANUAL', 'GITHUB', 'AUTOMATED'] as const;
export type ExposureSource = (typeof EXPOSURE_SOURCES)[number];

/** Delay before automatic deactivation; null = a warning only, never deactivated. */
export const SEVERITY_DELAY_MS: Readonly<Record<Severity, number | null>> = {
  CRITICAL: 0,
  HIGH: 2 * DAY_MS,
  MEDIUM: 7 * DAY_MS,
  LOW: 30 * DAY_MS,
  WARN: null,
};

export function exposureDeactivationDate(severity: Severity, now: number): number | null {
  const delay = SEVERITY_DELAY_MS[severity];
  return delay === null ? null : now + delay;
}

/** Lower rank = more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function mostSevere(a: Severity, b: Severity): Severity {
  return severityRank(a) <= severityRank(b) ? a : b;
}

export type ExposureReason = {
  id: string;
  reason: string;
  source: ExposureSource;
  url: string | null;
  createdDate: number;
  severity: Severity;
};

export type ExposureReport = {
  severity: Severity;
  deactivationDate: number | null;
  /** When the key was first flagged in this report (drives the "flagged" notice). */
  createdDate: number;
  reasons: ExposureReason[];
};

function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

/**
 * Adds a reason to a key's report (or starts one). The report keeps the most severe severity and
 * the earliest deadline: a new reason can bring deactivation closer, never push it back. The new
 * reason's deadline counts from `now` (when Keyward learns of it), not from its createdDate.
 * A reason whose id is already in the report changes nothing (idempotent retries).
 */
export function mergeExposure(
  existing: ExposureReport | null,
  incoming: {
    severity: Severity;
    reason: string;
    source: ExposureSource;
    url?: string | null;
    id: string;
    createdDate: number;
  },
  now: number,
): ExposureReport {
  const reason: ExposureReason = { ...incoming, url: incoming.url ?? null };
  const deadline = exposureDeactivationDate(incoming.severity, now);
  if (existing === null) {
    return { severity: incoming.severity, deactivationDate: deadline, createdDate: now, reasons: [reason] };
  }
  if (existing.reasons.some((r) => r.id === incoming.id)) return existing;
  return {
    severity: mostSevere(existing.severity, incoming.severity),
    deactivationDate: earliest(existing.deactivationDate, deadline),
    createdDate: existing.createdDate,
    reasons: [...existing.reasons, reason],
  };
}

/** Secret scanning: a private key found in the wild is HIGH, a public one only a warning. */
export function leakSeverity(privacy: Privacy): Severity {
  return privacy === 'PRIVATE' ? 'HIGH' : 'WARN';
}

/** A private key presented from a browser (an `Origin` on the call) is suspicious use. */
export function browserUseSeverity(privacy: Privacy): Severity | null {
  return privacy === 'PRIVATE' ? 'HIGH' : null;
}

/** Where a reason came from, in the console's words. */
export const EXPOSURE_SOURCE_LABELS: Readonly<Record<ExposureSource, string>> = {
  MANUAL: 'Reported manually',
  GITHUB: 'GitHub secret scanning',
  AUTOMATED: 'Used from a browser',
};

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = {
  CRITICAL: 'Critical',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  WARN: 'Warning',
};

/** What reporting with this severity does to the key, e.g. "High: deactivated in 2 days". */
export function severityConsequence(severity: Severity): string {
  const delay = SEVERITY_DELAY_MS[severity];
  const label = SEVERITY_LABELS[severity];
  if (delay === null) return `${label}: a warning only, never deactivated automatically`;
  if (delay === 0) return `${label}: deactivated now`;
  const days = Math.round(delay / DAY_MS);
  return `${label}: deactivated in ${days} day${days === 1 ? '' : 's'}`;
}
