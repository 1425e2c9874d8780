import { describe, expect, it } from 'vitest';
import {
  CONSOLE_REQUIREMENTS,
  REQUIRED_PRIVILEGES,
  apiKeyAccessPrivileges,
  apiKeyCallerRefusal,
  keyAccessCeiling,
  keyAccessAllows,
  keyAccessOf,
  type ApiKeyAccess,
  type KeyAccessLevel,
  type KeyGrant,
} from './access.ts';
import { ALL_CONSOLE_PRIVILEGES, SECURITY_CONTACT_PRIVILEGES, holdsAll } from './privilege-sets.ts';
import { privilegeId } from './privileges.ts';

const g = (id: string, apiKeyAccess: ApiKeyAccess) => ({ id, apiKeyAccess });

describe('keyAccessOf', () => {
  it.each<[string, ReturnType<typeof g>[], KeyGrant[], KeyAccessLevel]>([
    ['no groups', [], [], 'NONE'],
    ['NONE group', [g('a', 'NONE')], [{ groupId: 'a', level: 'EDIT' }], 'NONE'],
    ['VIEW_ALL', [g('a', 'VIEW_ALL')], [], 'VIEW'],
    ['EDIT_ALL', [g('a', 'EDIT_ALL')], [], 'EDIT'],
    ['CUSTOM without grant', [g('a', 'CUSTOM')], [], 'NONE'],
    ['CUSTOM with view grant', [g('a', 'CUSTOM')], [{ groupId: 'a', level: 'VIEW' }], 'VIEW'],
    ['CUSTOM with edit grant', [g('a', 'CUSTOM')], [{ groupId: 'a', level: 'EDIT' }], 'EDIT'],
    [
      'CUSTOM with both grants',
      [g('a', 'CUSTOM')],
      [
        { groupId: 'a', level: 'VIEW' },
        { groupId: 'a', level: 'EDIT' },
      ],
      'EDIT',
    ],
    ["CUSTOM, another group's grant", [g('a', 'CUSTOM')], [{ groupId: 'b', level: 'EDIT' }], 'NONE'],
    ['best of several groups', [g('a', 'VIEW_ALL'), g('b', 'CUSTOM')], [{ groupId: 'b', level: 'EDIT' }], 'EDIT'],
    ['VIEW_ALL beats a CUSTOM group without grant', [g('a', 'CUSTOM'), g('b', 'VIEW_ALL')], [], 'VIEW'],
    [
      'EDIT_ALL beats a CUSTOM view grant',
      [g('a', 'CUSTOM'), g('b', 'EDIT_ALL')],
      [{ groupId: 'a', level: 'VIEW' }],
      'EDIT',
    ],
  ])('%s -> %s', (_name, groups, grants, expected) => {
    expect(keyAccessOf({ groups }, grants)).toBe(expected);
  });

  it.each<[KeyAccessLevel, 'VIEW' | 'EDIT', boolean]>([
    ['NONE', 'VIEW', false],
    ['VIEW', 'VIEW', true],
    ['VIEW', 'EDIT', false],
    ['EDIT', 'VIEW', true],
    ['EDIT', 'EDIT', true],
  ])('%s allows %s: %s', (level, needed, expected) => {
    expect(keyAccessAllows(level, needed)).toBe(expected);
  });
});

describe('apiKeyAccessPrivileges', () => {
  it.each<[ApiKeyAccess, string[]]>([
    ['NONE', []],
    ['VIEW_ALL', ['PLATFORM/API_KEY:VIEW']],
    ['CUSTOM', ['PLATFORM/API_KEY:VIEW']],
    ['EDIT_ALL', ['PLATFORM/API_KEY:VIEW', 'PLATFORM/API_KEY:EDIT']],
  ])('%s -> %j', (access, ids) => {
    expect(apiKeyAccessPrivileges(access).map(privilegeId)).toEqual(ids);
  });
});

describe('console requirements', () => {
  it('follow the seeds', () => {
    expect(CONSOLE_REQUIREMENTS.viewApiKeysPage.map(privilegeId)).toEqual([
      'PLATFORM/ACTIVITIES:VIEW',
      'PLATFORM/API_KEY:VIEW',
      'PLATFORM/GROUP:VIEW',
    ]);
    expect(CONSOLE_REQUIREMENTS.editApiKeys.map(privilegeId)).toEqual([
      'PLATFORM/ACTIVITIES:VIEW',
      'PLATFORM/GROUP:VIEW',
      'PLATFORM/API_KEY:EDIT',
    ]);
    expect(CONSOLE_REQUIREMENTS.addKey.map(privilegeId)).toContain('PLATFORM/API_KEY:CREATE');
  });

  it.each([
    ['Administrators', ALL_CONSOLE_PRIVILEGES, true, true, true],
    ['Security contacts', SECURITY_CONTACT_PRIVILEGES, true, false, false],
  ] as const)('%s: page %s, edit %s, add %s', (_name, privileges, page, edit, add) => {
    expect(holdsAll(privileges, CONSOLE_REQUIREMENTS.viewApiKeysPage)).toBe(page);
    expect(holdsAll(privileges, CONSOLE_REQUIREMENTS.editApiKeys)).toBe(edit);
    expect(holdsAll(privileges, CONSOLE_REQUIREMENTS.addKey)).toBe(add);
  });
});

describe('apiKeyCallerRefusal', () => {
  it.each([
    ['list keys', [REQUIRED_PRIVILEGES.viewApiKeys], true],
    ['edit keys', [REQUIRED_PRIVILEGES.editApiKeys], true],
    ['groups', [REQUIRED_PRIVILEGES.viewGroups], true],
    ['activities', [REQUIRED_PRIVILEGES.viewActivities], true],
    ['create keys (Crawling Module)', [REQUIRED_PRIVILEGES.createApiKeys], false],
    ['nothing', [], false],
  ])('%s refused: %s', (_name, required, refused) => {
    const message = apiKeyCallerRefusal(required);
    expect(message !== null).toBe(refused);
    if (message) expect(message).toContain('An API key can never view or edit API keys');
  });
});

describe('keyAccessCeiling (what a route checks before the per-key grants)', () => {
  const g = (id: string, apiKeyAccess: 'NONE' | 'VIEW_ALL' | 'EDIT_ALL' | 'CUSTOM') => ({ id, apiKeyAccess });
  it.each([
    [[], 'NONE'],
    [[g('a', 'NONE')], 'NONE'],
    [[g('a', 'VIEW_ALL')], 'VIEW'],
    [[g('a', 'CUSTOM')], 'EDIT'],
    [[g('a', 'EDIT_ALL')], 'EDIT'],
    [[g('a', 'NONE'), g('b', 'VIEW_ALL')], 'VIEW'],
    [[g('a', 'VIEW_ALL'), g('b', 'CUSTOM')], 'EDIT'],
  ] as const)('%o → %s', (groups, level) => {
    expect(keyAccessCeiling({ groups })).toBe(level);
  });
});
