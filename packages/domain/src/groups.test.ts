import { describe, expect, it } from 'vitest';
import { REQUIRED_PRIVILEGES } from './access.ts';
import {
  administratorsGroupVerdict,
  effectivePrivileges,
  grantVerdict,
  groupGrants,
  privilegeKey,
  SECURITY_CONTACTS,
} from './groups.ts';
import { ALL_CONSOLE_PRIVILEGES } from './privilege-sets.ts';
import { privilege } from './privileges.ts';

const { viewApiKeys, editApiKeys, viewGroups, editGroups, viewActivities } = REQUIRED_PRIVILEGES;

describe('groupGrants and effectivePrivileges', () => {
  it.each([
    ['NONE', []],
    ['VIEW_ALL', [viewApiKeys]],
    ['CUSTOM', [viewApiKeys]],
    ['EDIT_ALL', [viewApiKeys, editApiKeys]],
  ] as const)('%s adds %o to the group privileges', (apiKeyAccess, implied) => {
    expect(groupGrants({ apiKeyAccess, privileges: [viewGroups] })).toEqual([viewGroups, ...implied]);
  });

  it('joins the groups without duplicates, first seen kept', () => {
    const everywhere = { ...viewApiKeys, targetId: '*' };
    expect(
      effectivePrivileges([
        { apiKeyAccess: 'VIEW_ALL', privileges: [viewGroups] },
        { apiKeyAccess: 'EDIT_ALL', privileges: [viewGroups, everywhere] },
      ]),
    ).toEqual([viewGroups, viewApiKeys, editApiKeys]);
  });

  it("privilegeKey: no target and '*' are the same, a target is not", () => {
    const source = privilege('PLATFORM/SOURCE:VIEW');
    expect(privilegeKey(source)).toBe(privilegeKey({ ...source, targetId: '*' }));
    expect(privilegeKey(source)).not.toBe(privilegeKey({ ...source, targetId: 'src-a' }));
  });
});

describe('grantVerdict', () => {
  it('allows what the caller holds (EDIT covers VIEW)', () => {
    expect(grantVerdict([editGroups], [viewGroups])).toEqual({ ok: true });
  });

  it('refuses what the caller lacks, naming it', () => {
    expect(grantVerdict([viewGroups], [viewGroups, viewActivities])).toEqual({
      ok: false,
      reason: 'GRANTS_MORE_THAN_HELD',
      message: 'You can only grant privileges you hold yourself; you lack PLATFORM/ACTIVITIES:VIEW.',
    });
  });

  it('what the group already granted stays allowed', () => {
    expect(grantVerdict([viewGroups], [viewGroups, viewActivities], [viewActivities])).toEqual({ ok: true });
  });
});

describe('administratorsGroupVerdict', () => {
  const intact = { apiKeyAccess: 'EDIT_ALL' as const, privileges: ALL_CONSOLE_PRIVILEGES };

  it('other groups may change freely', () => {
    expect(administratorsGroupVerdict(null, { apiKeyAccess: 'NONE', privileges: [] })).toEqual({ ok: true });
    expect(administratorsGroupVerdict(SECURITY_CONTACTS, { apiKeyAccess: 'NONE', privileges: [] })).toEqual({
      ok: true,
    });
  });

  it('Administrators keep EDIT_ALL and every privilege', () => {
    expect(administratorsGroupVerdict('ADMINISTRATORS', intact)).toEqual({ ok: true });
    expect(administratorsGroupVerdict('ADMINISTRATORS', { ...intact, apiKeyAccess: 'CUSTOM' })).toMatchObject({
      ok: false,
      reason: 'ADMINISTRATORS_NEED_EDIT_ALL',
    });
    const without = ALL_CONSOLE_PRIVILEGES.filter((p) => privilegeKey(p) !== privilegeKey(viewActivities));
    expect(administratorsGroupVerdict('ADMINISTRATORS', { ...intact, privileges: without })).toEqual({
      ok: false,
      reason: 'ADMINISTRATORS_NEED_EVERY_PRIVILEGE',
      message: 'The Administrators group must keep every privilege; missing: PLATFORM/ACTIVITIES:VIEW.',
    });
  });
});
