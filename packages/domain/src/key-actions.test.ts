import { describe, expect, it } from 'vitest';
import {
  canKeepActive,
  disableAuthority,
  disableVerdict,
  keepActiveVerdict,
  reactivationVerdict,
  requiresDisableConfirmation,
  rotateAuthority,
} from './key-actions.ts';
import type { KeyFacts } from './status.ts';

const t = (iso: string): number => Date.parse(iso);
const NOW = t('2025-06-15T12:00:00.000Z');
const PAST = t('2025-06-01T00:00:00.000Z');
const FUTURE = t('2025-07-01T00:00:00.000Z');

const facts = (over: Partial<KeyFacts>): KeyFacts => ({
  enabled: true,
  disabledReason: null,
  disabledDate: null,
  templateId: 'push-api',
  activationDate: t('2025-01-01T00:00:00.000Z'),
  lastUsedDate: null,
  expirationDate: null,
  exposure: null,
  scheduledDeactivationDate: null,
  ...over,
});
const manual = { enabled: false, disabledReason: 'MANUAL' as const, disabledDate: PAST };

describe('reactivationVerdict', () => {
  it.each<[string, Partial<KeyFacts>, string | null]>([
    ['disabled by a person', manual, null],
    ['disabled by rotation', { enabled: false, disabledReason: 'ROTATED', disabledDate: PAST }, null],
    ['rotation period ended (not yet stored)', { scheduledDeactivationDate: PAST }, null],
    [
      'disabled by a person a long time ago (activation is reset)',
      { ...manual, activationDate: t('2023-01-01T00:00:00.000Z') },
      null,
    ],
    [
      'disabled by a person, exposure deadline ahead',
      { ...manual, exposure: { severity: 'LOW', deactivationDate: FUTURE } },
      null,
    ],
    ['already active', {}, 'NOT_DISABLED'],
    ['soon to be expired is still active', { expirationDate: t('2025-06-16T23:59:59.000Z') }, 'NOT_DISABLED'],
    ['Custom key', { ...manual, templateId: 'custom' }, 'CUSTOM_KEY'],
    ['active Custom key', { templateId: 'custom' }, 'NOT_DISABLED'],
    ['disabled by a person and expired', { ...manual, expirationDate: t('2025-06-14T23:59:59.000Z') }, 'EXPIRED'],
    ['expired', { expirationDate: t('2025-06-14T23:59:59.000Z') }, 'EXPIRED'],
    [
      'deactivated because exposed (stored)',
      { enabled: false, disabledReason: 'EXPOSED', disabledDate: PAST },
      'EXPOSED',
    ],
    ['exposure deadline passed (derived)', { exposure: { severity: 'HIGH', deactivationDate: PAST } }, 'EXPOSED'],
    [
      'disabled by a person, exposure deadline passed since',
      { ...manual, exposure: { severity: 'HIGH', deactivationDate: PAST + 1 } },
      'EXPOSED',
    ],
    [
      'deactivated for inactivity (stored)',
      { enabled: false, disabledReason: 'INACTIVITY', disabledDate: PAST },
      'AUTOMATIC',
    ],
    ['deactivated for inactivity (derived)', { activationDate: t('2024-06-01T00:00:00.000Z') }, 'AUTOMATIC'],
  ])('%s -> %s', (_name, over, reason) => {
    const verdict = reactivationVerdict(facts(over), NOW);
    if (reason === null) expect(verdict).toEqual({ ok: true });
    else {
      expect(verdict).toMatchObject({ ok: false, reason });
      if (!verdict.ok) expect(verdict.message.length).toBeGreaterThan(10);
    }
  });
});

describe('keep active / disable', () => {
  it.each<[string, Partial<KeyFacts>, boolean]>([
    ['active', {}, true],
    ['soon to be deactivated', { activationDate: t('2024-06-20T00:00:00.000Z') }, true],
    ['exposed but usable', { exposure: { severity: 'WARN', deactivationDate: null } }, true],
    ['deactivated for inactivity', { activationDate: t('2024-06-01T00:00:00.000Z') }, false],
    ['disabled by a person', manual, false],
    ['expired', { expirationDate: t('2025-06-14T23:59:59.000Z') }, false],
  ])('%s -> %s', (_name, over, allowed) => {
    expect(canKeepActive(facts(over), NOW)).toBe(allowed);
    expect(keepActiveVerdict(facts(over), NOW).ok).toBe(allowed);
    expect(disableVerdict(facts(over), NOW).ok).toBe(allowed);
  });

  it.each([
    ['custom', true],
    ['push-api', false],
  ])('%s needs the "I understand" check: %s', (templateId, expected) => {
    expect(requiresDisableConfirmation(templateId)).toBe(expected);
  });
});

describe('disableAuthority', () => {
  it.each<[string, Parameters<typeof disableAuthority>[0], string]>([
    ['an editor, key not exposed', { keyAccess: 'EDIT', managesExposures: false, exposed: false }, 'ALLOWED'],
    ['an editor, key exposed', { keyAccess: 'EDIT', managesExposures: false, exposed: true }, 'ALLOWED'],
    ['a security contact, key exposed', { keyAccess: 'VIEW', managesExposures: true, exposed: true }, 'ALLOWED'],
    ['a security contact, key not exposed', { keyAccess: 'VIEW', managesExposures: true, exposed: false }, 'FORBIDDEN'],
    ['a viewer, key exposed', { keyAccess: 'VIEW', managesExposures: false, exposed: true }, 'FORBIDDEN'],
    [
      'an exposure manager who cannot see the key',
      { keyAccess: 'NONE', managesExposures: true, exposed: true },
      'NOT_FOUND',
    ],
  ])('%s: %s', (_name, caller, expected) => {
    expect(disableAuthority(caller)).toBe(expected);
  });
});

describe('rotateAuthority', () => {
  const who = (
    keyAccess: 'NONE' | 'VIEW' | 'EDIT',
    createsKeys: boolean,
    managesExposures: boolean,
    exposed: boolean,
  ) => ({
    keyAccess,
    createsKeys,
    managesExposures,
    exposed,
  });
  it.each<[string, Parameters<typeof rotateAuthority>[0], string]>([
    ['an editor who creates keys', who('EDIT', true, false, false), 'ALLOWED'],
    ['an editor who cannot create keys', who('EDIT', false, false, false), 'FORBIDDEN'],
    ['a viewer who creates keys', who('VIEW', true, false, false), 'FORBIDDEN'],
    ['a security contact, key exposed', who('VIEW', false, true, true), 'ALLOWED'],
    ['a security contact, key not exposed', who('VIEW', false, true, false), 'FORBIDDEN'],
    ['a viewer, key exposed', who('VIEW', false, false, true), 'FORBIDDEN'],
    ['a security contact who cannot see the key', who('NONE', true, true, true), 'NOT_FOUND'],
  ])('%s: %s', (_name, caller, expected) => {
    expect(rotateAuthority(caller)).toBe(expected);
  });
});
