import { describe, expect, it } from 'vitest';
import { DAY_MS } from './durations.ts';
import {
  browserUseSeverity,
  exposureDeactivationDate,
  severityConsequence,
  leakSeverity,
  mergeExposure,
  mostSevere,
  type ExposureReport,
  type Severity,
} from './exposure.ts';

const NOW = Date.parse('2025-06-10T12:00:00.000Z');

describe('exposureDeactivationDate', () => {
  it.each<[Severity, number | null]>([
    ['CRITICAL', NOW],
    ['HIGH', NOW + 2 * DAY_MS],
    ['MEDIUM', NOW + 7 * DAY_MS],
    ['LOW', NOW + 30 * DAY_MS],
    ['WARN', null],
  ])('%s -> %s', (severity, date) => {
    expect(exposureDeactivationDate(severity, NOW)).toBe(date);
  });
});

describe('mostSevere', () => {
  it.each<[Severity, Severity, Severity]>([
    ['WARN', 'HIGH', 'HIGH'],
    ['CRITICAL', 'LOW', 'CRITICAL'],
    ['MEDIUM', 'MEDIUM', 'MEDIUM'],
    ['LOW', 'WARN', 'LOW'],
  ])('%s vs %s -> %s', (a, b, expected) => {
    expect(mostSevere(a, b)).toBe(expected);
    expect(mostSevere(b, a)).toBe(expected);
  });
});

describe('mergeExposure', () => {
  const reason = (id: string, severity: Severity) => ({
    id,
    severity,
    reason: `reason ${id}`,
    source: 'MANUAL' as const,
    url: null,
    createdDate: NOW - 1000,
  });

  it('starts a report', () => {
    expect(mergeExposure(null, reason('r1', 'HIGH'), NOW)).toEqual({
      severity: 'HIGH',
      deactivationDate: NOW + 2 * DAY_MS,
      createdDate: NOW,
      reasons: [{ ...reason('r1', 'HIGH') }],
    });
  });

  const existing = (severity: Severity, deactivationDate: number | null): ExposureReport => ({
    severity,
    deactivationDate,
    createdDate: NOW - 5 * DAY_MS,
    reasons: [reason('r0', severity)],
  });

  it.each<[string, ExposureReport, Severity, number, Severity, number | null]>([
    ['WARN then HIGH: deadline appears', existing('WARN', null), 'HIGH', NOW, 'HIGH', NOW + 2 * DAY_MS],
    ['HIGH then WARN: keeps HIGH and its deadline', existing('HIGH', NOW + DAY_MS), 'WARN', NOW, 'HIGH', NOW + DAY_MS],
    [
      'LOW then MEDIUM: earlier deadline wins',
      existing('LOW', NOW + 20 * DAY_MS),
      'MEDIUM',
      NOW,
      'MEDIUM',
      NOW + 7 * DAY_MS,
    ],
    [
      'MEDIUM due soon then LOW: keeps the earlier deadline',
      existing('MEDIUM', NOW + DAY_MS),
      'LOW',
      NOW,
      'MEDIUM',
      NOW + DAY_MS,
    ],
    ['HIGH due in 1 day then MEDIUM later', existing('HIGH', NOW + DAY_MS), 'MEDIUM', NOW, 'HIGH', NOW + DAY_MS],
    [
      'LOW due in 1 day then HIGH (2 days): earliest deadline, most severe',
      existing('LOW', NOW + DAY_MS),
      'HIGH',
      NOW,
      'HIGH',
      NOW + DAY_MS,
    ],
    ['anything then CRITICAL: now', existing('LOW', NOW + 9 * DAY_MS), 'CRITICAL', NOW, 'CRITICAL', NOW],
    ['WARN then WARN: still none', existing('WARN', null), 'WARN', NOW, 'WARN', null],
  ])('%s', (_name, before, severity, now, expectedSeverity, expectedDeadline) => {
    const merged = mergeExposure(before, reason('r1', severity), now);
    expect(merged.severity).toBe(expectedSeverity);
    expect(merged.deactivationDate).toBe(expectedDeadline);
    expect(merged.createdDate).toBe(before.createdDate);
    expect(merged.reasons.map((r) => r.id)).toEqual(['r0', 'r1']);
  });

  it('ignores a reason it already holds', () => {
    const before = existing('LOW', NOW + DAY_MS);
    expect(mergeExposure(before, reason('r0', 'CRITICAL'), NOW)).toBe(before);
  });

  it('defaults a missing url to null', () => {
    const { url: _url, ...withoutUrl } = reason('r1', 'LOW');
    expect(mergeExposure(null, withoutUrl, NOW).reasons[0]?.url).toBeNull();
  });
});

describe('sources', () => {
  it.each([
    ['PRIVATE', 'HIGH', 'HIGH'],
    ['PUBLIC', 'WARN', null],
  ] as const)('%s key: leaked %s, browser use %s', (privacy, leak, browser) => {
    expect(leakSeverity(privacy)).toBe(leak);
    expect(browserUseSeverity(privacy)).toBe(browser);
  });
});

describe('severityConsequence', () => {
  it.each([
    ['CRITICAL', 'Critical: deactivated now'],
    ['HIGH', 'High: deactivated in 2 days'],
    ['MEDIUM', 'Medium: deactivated in 7 days'],
    ['LOW', 'Low: deactivated in 30 days'],
    ['WARN', 'Warning: a warning only, never deactivated automatically'],
  ] as const)('%s → %s', (severity, text) => {
    expect(severityConsequence(severity)).toBe(text);
  });
});
