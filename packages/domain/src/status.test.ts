import { describe, expect, it } from 'vitest';
import {
  LIST_STATUS_FILTERS,
  inactivityDeadline,
  matchesStatusFilter,
  statusOf,
  type KeyFacts,
  type KeyStatus,
  type ListStatusFilter,
  type StatusLabel,
} from './status.ts';

const t = (iso: string): number => Date.parse(iso);
const ACTIVATED = t('2025-01-01T00:00:00.000Z');
const DEADLINE = t('2026-01-01T00:00:00.000Z');
const E = t('2025-06-10T23:59:59.000Z');
const D = t('2025-06-20T12:00:00.000Z');

const baseFacts: KeyFacts = {
  enabled: true,
  disabledReason: null,
  disabledDate: null,
  templateId: 'anonymous-search',
  activationDate: ACTIVATED,
  lastUsedDate: null,
  expirationDate: null,
  exposure: null,
  scheduledDeactivationDate: null,
};
const facts = (over: Partial<KeyFacts>): KeyFacts => ({ ...baseFacts, ...over });
const high = { severity: 'HIGH' as const, deactivationDate: D };

type Row = [string, Partial<KeyFacts>, string, KeyStatus, StatusLabel, number | null];

describe('statusOf', () => {
  it.each<Row>([
    ['fresh key', {}, '2025-01-02T00:00:00.000Z', 'ENABLED', 'Active', DEADLINE],
    // expiration: soon from X - 7 days, expired from X = E + 1 s
    ['8 days before expiry', { expirationDate: E }, '2025-06-03T00:00:00.000Z', 'ENABLED', 'Active', DEADLINE],
    [
      '1 ms before 7 days before expiry',
      { expirationDate: E },
      '2025-06-03T23:59:59.999Z',
      'ENABLED',
      'Active',
      DEADLINE,
    ],
    [
      'exactly 7 days before expiry',
      { expirationDate: E },
      '2025-06-04T00:00:00.000Z',
      'SOON_TO_BE_EXPIRED',
      'Soon to be expired',
      DEADLINE,
    ],
    [
      '23:59:59.000 of the expiration day',
      { expirationDate: E },
      '2025-06-10T23:59:59.000Z',
      'SOON_TO_BE_EXPIRED',
      'Soon to be expired',
      DEADLINE,
    ],
    [
      '23:59:59.999 of the expiration day',
      { expirationDate: E },
      '2025-06-10T23:59:59.999Z',
      'SOON_TO_BE_EXPIRED',
      'Soon to be expired',
      DEADLINE,
    ],
    ['00:00:00.000 the next day', { expirationDate: E }, '2025-06-11T00:00:00.000Z', 'EXPIRED', 'Expired', null],
    // inactivity: one year after max(lastUsed, activation); soon 30 days before
    ['1 ms before 30 days before inactivity', {}, '2025-12-01T23:59:59.999Z', 'ENABLED', 'Active', DEADLINE],
    [
      'exactly 30 days before inactivity',
      {},
      '2025-12-02T00:00:00.000Z',
      'SOON_TO_BE_DISABLED',
      'Soon to be deactivated',
      DEADLINE,
    ],
    [
      '1 ms before inactivity',
      {},
      '2025-12-31T23:59:59.999Z',
      'SOON_TO_BE_DISABLED',
      'Soon to be deactivated',
      DEADLINE,
    ],
    ['inactivity deadline', {}, '2026-01-01T00:00:00.000Z', 'DISABLED_FOR_INACTIVITY', 'Deactivated', DEADLINE],
    [
      'used since: deadline moves',
      { lastUsedDate: t('2025-03-01T00:00:00.000Z') },
      '2026-01-01T00:00:00.000Z',
      'ENABLED',
      'Active',
      t('2026-03-01T00:00:00.000Z'),
    ],
    [
      'kept active after last use',
      { lastUsedDate: t('2024-06-01T00:00:00.000Z') },
      '2025-12-15T00:00:00.000Z',
      'SOON_TO_BE_DISABLED',
      'Soon to be deactivated',
      DEADLINE,
    ],
    // exposure
    ['exposed, deadline ahead', { exposure: high }, '2025-06-19T12:00:00.000Z', 'ENABLED', 'Exposed', D],
    ['exposed, 1 ms before deadline', { exposure: high }, '2025-06-20T11:59:59.999Z', 'ENABLED', 'Exposed', D],
    [
      'exposed, at deadline',
      { exposure: high },
      '2025-06-20T12:00:00.000Z',
      'DISABLED_EXPOSED',
      'Deactivated (exposed)',
      D,
    ],
    [
      'exposed WARN: never deactivated',
      { exposure: { severity: 'WARN', deactivationDate: null } },
      '2025-11-01T00:00:00.000Z',
      'ENABLED',
      'Exposed',
      DEADLINE,
    ],
    [
      'exposed and soon to be expired',
      { exposure: high, expirationDate: E },
      '2025-06-05T00:00:00.000Z',
      'SOON_TO_BE_EXPIRED',
      'Exposed',
      D,
    ],
    [
      'exposed and soon to be deactivated',
      { exposure: { severity: 'WARN', deactivationDate: null } },
      '2025-12-20T00:00:00.000Z',
      'SOON_TO_BE_DISABLED',
      'Exposed',
      DEADLINE,
    ],
    // rotation grace period
    ['rotating, before the end', { scheduledDeactivationDate: D }, '2025-06-20T11:59:59.999Z', 'ENABLED', 'Active', D],
    ['rotating, at the end', { scheduledDeactivationDate: D }, '2025-06-20T12:00:00.000Z', 'DISABLED', 'Disabled', D],
    // precedence of derived deadlines: expiry, exposure, inactivity, rotation
    [
      'expired and exposure passed',
      { expirationDate: E, exposure: { severity: 'CRITICAL', deactivationDate: E } },
      '2025-06-12T00:00:00.000Z',
      'EXPIRED',
      'Expired',
      null,
    ],
    [
      'exposure and inactivity passed',
      { exposure: high },
      '2026-02-01T00:00:00.000Z',
      'DISABLED_EXPOSED',
      'Deactivated (exposed)',
      D,
    ],
    [
      'inactivity and rotation passed',
      { scheduledDeactivationDate: D },
      '2026-02-01T00:00:00.000Z',
      'DISABLED_FOR_INACTIVITY',
      'Deactivated',
      DEADLINE,
    ],
    [
      'soon expired wins over soon deactivated',
      { expirationDate: t('2025-12-31T23:59:59.000Z') },
      '2025-12-26T00:00:00.000Z',
      'SOON_TO_BE_EXPIRED',
      'Soon to be expired',
      DEADLINE,
    ],
    // stored reasons first
    [
      'disabled by a person',
      { enabled: false, disabledReason: 'MANUAL', disabledDate: D },
      '2025-06-21T00:00:00.000Z',
      'DISABLED',
      'Disabled',
      D,
    ],
    [
      'disabled by a person, then expired',
      { enabled: false, disabledReason: 'MANUAL', disabledDate: D, expirationDate: E },
      '2025-07-01T00:00:00.000Z',
      'DISABLED',
      'Disabled',
      D,
    ],
    [
      'disabled by a person while exposed',
      { enabled: false, disabledReason: 'MANUAL', disabledDate: D, exposure: high },
      '2025-06-21T00:00:00.000Z',
      'DISABLED',
      'Disabled',
      D,
    ],
    [
      'disabled by rotation',
      { enabled: false, disabledReason: 'ROTATED', disabledDate: D },
      '2025-06-21T00:00:00.000Z',
      'DISABLED',
      'Disabled',
      D,
    ],
    ['disabled without reason', { enabled: false }, '2025-06-21T00:00:00.000Z', 'DISABLED', 'Disabled', null],
    [
      'stored exposed',
      { enabled: false, disabledReason: 'EXPOSED', disabledDate: D, exposure: high },
      '2025-06-21T00:00:00.000Z',
      'DISABLED_EXPOSED',
      'Deactivated (exposed)',
      D,
    ],
    [
      'stored exposed, no date',
      { enabled: false, disabledReason: 'EXPOSED', exposure: high },
      '2025-06-21T00:00:00.000Z',
      'DISABLED_EXPOSED',
      'Deactivated (exposed)',
      D,
    ],
    [
      'stored inactivity, used since (denied)',
      {
        enabled: false,
        disabledReason: 'INACTIVITY',
        disabledDate: DEADLINE,
        lastUsedDate: t('2026-02-01T00:00:00.000Z'),
      },
      '2026-02-02T00:00:00.000Z',
      'DISABLED_FOR_INACTIVITY',
      'Deactivated',
      DEADLINE,
    ],
  ])('%s', (_name, over, now, status, label, deactivationDate) => {
    const view = statusOf(facts(over), t(now));
    expect(view.status).toBe(status);
    expect(view.label).toBe(label);
    expect(view.usable).toBe(['ENABLED', 'SOON_TO_BE_EXPIRED', 'SOON_TO_BE_DISABLED'].includes(status));
    expect(view.exposed).toBe(over.exposure !== undefined && over.exposure !== null);
    expect(view.deactivationDate).toBe(deactivationDate);
  });
});

describe('inactivityDeadline', () => {
  it.each<[number | null, number, string]>([
    [null, ACTIVATED, '2026-01-01T00:00:00.000Z'],
    [t('2025-05-05T05:05:05.005Z'), ACTIVATED, '2026-05-05T05:05:05.005Z'],
    [t('2024-01-01T00:00:00.000Z'), ACTIVATED, '2026-01-01T00:00:00.000Z'],
    [null, t('2024-02-29T10:00:00.000Z'), '2025-02-28T10:00:00.000Z'],
  ])('last used %s, activated %s -> %s', (lastUsedDate, activationDate, expected) => {
    expect(new Date(inactivityDeadline({ lastUsedDate, activationDate })).toISOString()).toBe(expected);
    expect(statusOf(facts({ lastUsedDate, activationDate }), activationDate).inactivityDeadline).toBe(t(expected));
  });
});

describe('matchesStatusFilter', () => {
  it.each<[KeyStatus, boolean, ListStatusFilter[]]>([
    ['ENABLED', false, ['ACTIVE']],
    ['ENABLED', true, ['ACTIVE', 'ACTIVE_AND_EXPOSED', 'WITH_WARNING', 'ALL_EXPOSED']],
    ['SOON_TO_BE_EXPIRED', false, ['ACTIVE', 'SOON_TO_BE_EXPIRED', 'WITH_WARNING']],
    ['SOON_TO_BE_EXPIRED', true, ['ACTIVE', 'SOON_TO_BE_EXPIRED', 'ACTIVE_AND_EXPOSED', 'WITH_WARNING', 'ALL_EXPOSED']],
    ['SOON_TO_BE_DISABLED', false, ['ACTIVE', 'SOON_TO_BE_DISABLED', 'WITH_WARNING']],
    ['EXPIRED', false, ['DEACTIVATED']],
    ['EXPIRED', true, ['ALL_EXPOSED', 'DEACTIVATED']],
    ['DISABLED_FOR_INACTIVITY', false, ['DEACTIVATED']],
    ['DISABLED_EXPOSED', true, ['ALL_EXPOSED', 'DEACTIVATED']],
    ['DISABLED', false, ['DEACTIVATED']],
    ['DISABLED', true, ['ALL_EXPOSED', 'DEACTIVATED']],
  ])('%s (exposed: %s) matches %j', (status, exposed, expected) => {
    expect(LIST_STATUS_FILTERS.filter((f) => matchesStatusFilter({ status }, exposed, f))).toEqual(expected);
  });
});
