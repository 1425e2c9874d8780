import { describe, expect, it } from 'vitest';
import {
  ALL_CONSOLE_PRIVILEGES,
  SECURITY_CONTACT_PRIVILEGES,
  assignablePrivileges,
  holdsAll,
  holdsPrivilege,
  missingPrivileges,
} from './privilege-sets.ts';
import { PRIVILEGE_CATALOG, type Privilege } from './privilege-catalog.ts';
import { privilegeId } from './privileges.ts';

const SRC_VIEW: Privilege = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' };
const SRC_EDIT: Privilege = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'EDIT' };
const SRC_CREATE: Privilege = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'CREATE' };
const QUERY: Privilege = { owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' };
const PUSH = (targetId?: string): Privilege =>
  targetId === undefined
    ? { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH' }
    : { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId };

describe('holdsPrivilege', () => {
  it.each<[string, Privilege[], Privilege, boolean]>([
    ['exact typed', [SRC_VIEW], SRC_VIEW, true],
    ['EDIT implies VIEW', [SRC_EDIT], SRC_VIEW, true],
    ['VIEW does not imply EDIT', [SRC_VIEW], SRC_EDIT, false],
    ['EDIT does not imply CREATE', [SRC_EDIT], SRC_CREATE, false],
    ['CREATE does not imply VIEW', [SRC_CREATE], SRC_VIEW, false],
    ['typeless', [QUERY], QUERY, true],
    ['typeless requirement needs typeless grant', [SRC_EDIT], { owner: 'PLATFORM', targetDomain: 'SOURCE' }, false],
    ['typed requirement vs typeless grant', [{ owner: 'PLATFORM', targetDomain: 'SOURCE' }], SRC_VIEW, false],
    [
      'owner must match',
      [{ owner: 'SEARCH_API', targetDomain: 'IMPERSONATE' }],
      { owner: 'USAGE_ANALYTICS', targetDomain: 'IMPERSONATE' },
      false,
    ],
    ['domain must match', [SRC_EDIT], { owner: 'PLATFORM', targetDomain: 'FIELD', type: 'VIEW' }, false],
    ['nothing granted', [], QUERY, false],
    ['absent target covers any', [PUSH()], PUSH('a'), true],
    ["'*' covers any", [PUSH('*')], PUSH('a'), true],
    ['same target', [PUSH('a')], PUSH('a'), true],
    ['other target', [PUSH('a')], PUSH('b'), false],
    ['specific grant vs all-targets requirement', [PUSH('a')], PUSH(), false],
    ["specific grant vs '*' requirement", [PUSH('a')], PUSH('*'), false],
    ['all vs all', [PUSH()], PUSH('*'), true],
    ['one of several grants', [PUSH('a'), PUSH('b')], PUSH('b'), true],
  ])('%s', (_name, granted, required, expected) => {
    expect(holdsPrivilege(granted, required)).toBe(expected);
  });

  it('holdsAll and missingPrivileges', () => {
    expect(holdsAll([SRC_EDIT, QUERY], [SRC_VIEW, QUERY])).toBe(true);
    expect(holdsAll([SRC_EDIT], [SRC_VIEW, QUERY])).toBe(false);
    expect(holdsAll([], [])).toBe(true);
    expect(missingPrivileges([SRC_EDIT], [SRC_VIEW, QUERY])).toEqual([QUERY]);
  });
});

describe('assignablePrivileges', () => {
  const ids = (filter: 'ALL' | 'CUSTOM') => assignablePrivileges(filter).map(privilegeId);

  it('answers the REST shape, without a type key for Allowed privileges', () => {
    const all = assignablePrivileges('ALL');
    expect(all.find((p) => p.targetDomain === 'EXECUTE_QUERY')).toEqual({
      owner: 'SEARCH_API',
      targetDomain: 'EXECUTE_QUERY',
      targetIds: [],
      global: false,
    });
    expect(all.every((p) => p.global === false && p.targetIds.length === 0)).toBe(true);
    expect(all.filter((p) => 'type' in p && p.type === undefined)).toEqual([]);
  });

  it.each<[string, boolean, boolean]>([
    ['SEARCH_API/EXECUTE_QUERY', true, false],
    ['SEARCH_API/IMPERSONATE', true, false],
    ['USAGE_ANALYTICS/ANALYTICS_DATA:EDIT', true, false],
    ['USAGE_ANALYTICS/IMPERSONATE', true, false],
    ['SEARCH_API/VIEW_ALL_CONTENT', true, true],
    ['PLATFORM/API_KEY:CREATE', true, true],
    ['PLATFORM/API_KEY:VIEW', false, false],
    ['PLATFORM/API_KEY:EDIT', false, false],
    ['PLATFORM/ACTIVITIES:VIEW', false, false],
    ['PLATFORM/GROUP:EDIT', false, false],
    ['PLATFORM/API_KEY_EXPOSURE:EDIT', false, false],
    ['PLATFORM/SOURCE:CREATE', true, true],
  ])('%s in ALL=%s CUSTOM=%s', (id, inAll, inCustom) => {
    expect(ids('ALL').includes(id)).toBe(inAll);
    expect(ids('CUSTOM').includes(id)).toBe(inCustom);
  });

  it('CUSTOM is ALL minus the four forbidden privileges', () => {
    expect(ids('ALL').length - ids('CUSTOM').length).toBe(4);
  });
});

describe('built-in groups', () => {
  it('Administrators hold every privilege of the catalog', () => {
    const expected = PRIVILEGE_CATALOG.reduce((n, e) => n + Math.max(1, e.types.length), 0);
    expect(ALL_CONSOLE_PRIVILEGES).toHaveLength(expected);
    for (const id of [
      'PLATFORM/API_KEY:VIEW',
      'PLATFORM/API_KEY:EDIT',
      'PLATFORM/GROUP:EDIT',
      'PLATFORM/API_KEY_EXPOSURE:EDIT',
    ]) {
      expect(ALL_CONSOLE_PRIVILEGES.map(privilegeId)).toContain(id);
    }
  });

  it('Security contacts hold API keys View, Activities View, Groups View and exposures Edit', () => {
    expect(SECURITY_CONTACT_PRIVILEGES.map(privilegeId)).toEqual([
      'PLATFORM/API_KEY:VIEW',
      'PLATFORM/ACTIVITIES:VIEW',
      'PLATFORM/GROUP:VIEW',
      'PLATFORM/API_KEY_EXPOSURE:EDIT',
    ]);
    expect(
      holdsPrivilege(SECURITY_CONTACT_PRIVILEGES, { owner: 'PLATFORM', targetDomain: 'API_KEY', type: 'EDIT' }),
    ).toBe(false);
  });
});
