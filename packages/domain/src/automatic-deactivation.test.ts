import { describe, expect, it } from 'vitest';
import { automaticDeactivation, deactivatedFacts } from './automatic-deactivation.ts';
import { inactivityDeadline, type KeyFacts } from './status.ts';

const t = (iso: string): number => Date.parse(iso);
const ACTIVATED = t('2025-01-01T00:00:00.000Z');
const DEADLINE = inactivityDeadline({ activationDate: ACTIVATED, lastUsedDate: null });
const D = t('2025-06-20T12:00:00.000Z');

const base: KeyFacts = {
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
const facts = (over: Partial<KeyFacts>): KeyFacts => ({ ...base, ...over });

describe('automaticDeactivation', () => {
  it.each<[string, Partial<KeyFacts>, number, ReturnType<typeof automaticDeactivation>]>([
    ['a fresh key', {}, t('2025-02-01T00:00:00.000Z'), null],
    ['1 ms before the inactivity deadline', {}, DEADLINE - 1, null],
    ['at the inactivity deadline', {}, DEADLINE, { reason: 'INACTIVITY', date: DEADLINE }],
    [
      'a job late by a month: dated at the deadline',
      {},
      DEADLINE + 30 * 86_400_000,
      { reason: 'INACTIVITY', date: DEADLINE },
    ],
    ['exposed HIGH, before its deadline', { exposure: { severity: 'HIGH', deactivationDate: D } }, D - 1, null],
    [
      'exposed HIGH, at its deadline',
      { exposure: { severity: 'HIGH', deactivationDate: D } },
      D,
      { reason: 'EXPOSED', date: D },
    ],
    ['exposed WARN: a warning only', { exposure: { severity: 'WARN', deactivationDate: null } }, D, null],
    ['rotation grace period ended', { scheduledDeactivationDate: D }, D, { reason: 'ROTATED', date: D }],
    ['rotation grace period running', { scheduledDeactivationDate: D }, D - 1, null],
    ['already disabled by a person', { enabled: false, disabledReason: 'MANUAL', disabledDate: D }, DEADLINE, null],
    ['expired keys stay as they are', { expirationDate: D }, D + 86_400_000, null],
  ])('%s', (_name, over, now, expected) => {
    expect(automaticDeactivation(facts(over), now)).toEqual(expected);
  });
});

describe('deactivatedFacts', () => {
  it('records the reason and the date of the deactivation, and nothing else', () => {
    expect(deactivatedFacts(base, { reason: 'EXPOSED', date: D })).toEqual({
      ...base,
      enabled: false,
      disabledReason: 'EXPOSED',
      disabledDate: D,
    });
  });
});
