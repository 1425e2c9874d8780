import { describe, expect, it } from 'vitest';
import { compileIpRules } from './ip-rules.ts';
import type { Privilege } from './privilege-catalog.ts';
import type { KeyFacts } from './status.ts';
import {
  decideVerification,
  exercisedPrivilegeIndex,
  privilegeUsageId,
  touchesLastUsed,
  type VerifiableKey,
} from './verification.ts';

const NOW = Date.UTC(2026, 5, 1, 12);
const DAY = 86_400_000;
const facts: KeyFacts = {
  enabled: true,
  disabledReason: null,
  disabledDate: null,
  templateId: 'custom',
  activationDate: NOW - DAY,
  lastUsedDate: null,
  expirationDate: null,
  exposure: null,
  scheduledDeactivationDate: null,
};
const SOURCE_EDIT: Privilege = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT' };
const SOURCE_VIEW_A: Privilege = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: 'a' };

function key(over: Partial<VerifiableKey> = {}): VerifiableKey {
  return {
    facts,
    ipRules: compileIpRules({ allowedIps: [], deniedIps: [] }),
    privileges: [SOURCE_EDIT, SOURCE_VIEW_A],
    searchHub: 'main',
    ...over,
  };
}
const ask = { ip: '203.0.113.1', privileges: null, searchHub: null };

describe('decideVerification', () => {
  it.each([
    ['VALID', key(), ask],
    ['DISABLED', key({ facts: { ...facts, enabled: false, disabledReason: 'MANUAL', disabledDate: NOW } }), ask],
    ['EXPIRED', key({ facts: { ...facts, expirationDate: NOW - 2 * DAY } }), ask],
    ['DISABLED_FOR_INACTIVITY', key({ facts: { ...facts, activationDate: NOW - 400 * DAY } }), ask],
    ['IP_DENIED', key({ ipRules: compileIpRules({ allowedIps: ['198.51.100.0/24'], deniedIps: [] }) }), ask],
    [
      'IP_DENIED',
      key({ ipRules: compileIpRules({ allowedIps: ['198.51.100.0/24'], deniedIps: [] }) }),
      { ...ask, ip: null },
    ],
    [
      'VALID',
      key(),
      { ...ask, privileges: [{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: 'x' }] },
    ],
    [
      'INSUFFICIENT_PRIVILEGES',
      key(),
      { ...ask, privileges: [{ owner: 'PLATFORM', targetDomain: 'FIELD', type: 'VIEW' }] },
    ],
    ['SEARCH_HUB_MISMATCH', key(), { ...ask, searchHub: 'other' }],
    ['VALID', key({ searchHub: null }), { ...ask, searchHub: 'other' }],
  ] as const)('%s', (code, k, request) => {
    expect(decideVerification(k, request, NOW).code).toBe(code);
  });

  it('status is checked before the IP lists', () => {
    const k = key({
      facts: { ...facts, expirationDate: NOW - 2 * DAY },
      ipRules: compileIpRules({ allowedIps: ['198.51.100.0/24'], deniedIps: [] }),
    });
    expect(decideVerification(k, ask, NOW).code).toBe('EXPIRED');
  });
});

describe('touchesLastUsed', () => {
  it('moves last used forward only for an enabled, usable key', () => {
    const view = decideVerification(key(), ask, NOW).view;
    expect(touchesLastUsed(facts, view, NOW)).toBe(true);
    expect(touchesLastUsed({ ...facts, lastUsedDate: NOW }, view, NOW)).toBe(false);
    const off = { ...facts, enabled: false, disabledReason: 'MANUAL' as const, disabledDate: NOW };
    expect(touchesLastUsed(off, decideVerification(key({ facts: off }), ask, NOW).view, NOW)).toBe(false);
  });
});

describe('exercisedPrivilegeIndex', () => {
  it('picks the narrowest grant that covers the requirement', () => {
    const granted = [SOURCE_EDIT, SOURCE_VIEW_A];
    expect(
      exercisedPrivilegeIndex(granted, { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: 'a' }),
    ).toBe(1);
    expect(
      exercisedPrivilegeIndex(granted, { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: 'b' }),
    ).toBe(0);
    expect(exercisedPrivilegeIndex(granted, { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT' })).toBe(0);
    expect(exercisedPrivilegeIndex(granted, { owner: 'PLATFORM', targetDomain: 'FIELD', type: 'VIEW' })).toBe(-1);
  });

  it('names privileges with their target', () => {
    expect(privilegeUsageId(SOURCE_EDIT)).toBe('PLATFORM/SOURCE:EDIT@*');
    expect(privilegeUsageId(SOURCE_VIEW_A)).toBe('PLATFORM/SOURCE:VIEW@a');
    expect(privilegeUsageId({ owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' })).toBe('SEARCH_API/EXECUTE_QUERY@*');
  });
});
