import { describe, expect, it } from 'vitest';
import { searchHubRequirement, validateKeyRequest, type KeyRequestInput } from './validation.ts';
import { privilege } from './privileges.ts';
import { getTemplate } from './templates.ts';
import type { PrivilegeInput } from './validation-privileges.ts';
import { HUB, P, ctx, req, rules, value } from './validation-test-helpers.ts';
describe('Custom privileges', () => {
  const custom = (privileges: PrivilegeInput[], over: Partial<KeyRequestInput> = {}) =>
    req('custom', { privileges, lifetimeDuration: 'P30D', ...over });

  it.each<[string, PrivilegeInput[], Partial<KeyRequestInput>, string[][]]>([
    ['a plain privilege', [P('PLATFORM/SOURCE:VIEW')], {}, []],
    ['API keys Create', [P('PLATFORM/API_KEY:CREATE')], {}, []],
    ['none', [], {}, [['privileges', 'PRIVILEGES_REQUIRED']]],
    ['Execute queries', [P('SEARCH_API/EXECUTE_QUERY')], {}, [['privileges[0]', 'FORBIDDEN_IN_CUSTOM']]],
    [
      'Search - Impersonate',
      [P('SEARCH_API/IMPERSONATE')],
      { searchHub: 'h' },
      [['privileges[0]', 'FORBIDDEN_IN_CUSTOM']],
    ],
    ['Analytics data Push', [P('USAGE_ANALYTICS/ANALYTICS_DATA:EDIT')], {}, [['privileges[0]', 'FORBIDDEN_IN_CUSTOM']]],
    ['Analytics - Impersonate', [P('USAGE_ANALYTICS/IMPERSONATE')], {}, [['privileges[0]', 'FORBIDDEN_IN_CUSTOM']]],
    ['API keys View', [P('PLATFORM/API_KEY:VIEW')], {}, [['privileges[0]', 'NOT_ASSIGNABLE_TO_KEYS']]],
    ['Groups Edit', [P('PLATFORM/GROUP:EDIT')], {}, [['privileges[0]', 'NOT_ASSIGNABLE_TO_KEYS']]],
    ['unknown domain', [P('PLATFORM/NOPE')], {}, [['privileges[0]', 'UNKNOWN_PRIVILEGE']]],
    ['missing type', [P('PLATFORM/SOURCE')], {}, [['privileges[0]', 'UNKNOWN_PRIVILEGE']]],
    ['type on an Allowed domain', [P('COVEO_ML/CASE_ASSIST:VIEW')], {}, [['privileges[0]', 'UNKNOWN_PRIVILEGE']]],
    [
      'bad owner',
      [{ owner: 'ROOT', targetDomain: 'SOURCE', type: 'VIEW' }],
      {},
      [['privileges[0]', 'UNKNOWN_PRIVILEGE']],
    ],
    ['bad type', [P('PLATFORM/SOURCE:DELETE')], {}, [['privileges[0]', 'UNKNOWN_PRIVILEGE']]],
    [
      'target on a domain without targets',
      [P('PLATFORM/SOURCE:VIEW', { targetId: 's1' })],
      {},
      [['privileges[0]', 'TARGET_NOT_ALLOWED']],
    ],
    ["'*' target is fine anywhere", [P('PLATFORM/SOURCE:VIEW', { targetId: '*' })], {}, []],
    ['blank target', [P('PLATFORM/SOURCE_PUSH', { targetIds: [' '] })], {}, [['privileges[0]', 'REQUIRED']]],
    [
      'query with PLATFORM',
      [P('SEARCH_API/EXECUTE_QUERY'), P('PLATFORM/SOURCE:VIEW')],
      {},
      [
        ['privileges[0]', 'FORBIDDEN_IN_CUSTOM'],
        ['privileges', 'QUERY_WITH_PLATFORM'],
      ],
    ],
    ['view all content without hub', [P('SEARCH_API/VIEW_ALL_CONTENT')], {}, [[HUB, 'SEARCH_HUB_REQUIRED']]],
    ['view all content with hub', [P('SEARCH_API/VIEW_ALL_CONTENT')], { searchHub: 'support' }, []],
    [
      'impersonate without hub: both rules',
      [P('SEARCH_API/IMPERSONATE')],
      {},
      [
        ['privileges[0]', 'FORBIDDEN_IN_CUSTOM'],
        [HUB, 'SEARCH_HUB_REQUIRED'],
      ],
    ],
    ['sources for SOURCE_PUSH', [P('PLATFORM/SOURCE_PUSH')], { sourceIds: ['s1'] }, []],
    [
      'sources without SOURCE_PUSH',
      [P('PLATFORM/SOURCE:VIEW')],
      { sourceIds: ['s1'] },
      [['sourceIds', 'NOT_APPLICABLE']],
    ],
  ])('%s', (_name, privileges, over, expected) => {
    expect(rules(custom(privileges, over))).toEqual(expected);
  });

  it('names the privilege and the reason', () => {
    const result = validateKeyRequest(custom([P('SEARCH_API/EXECUTE_QUERY'), P('PLATFORM/API_KEY:EDIT')]), ctx);
    const messages = result.ok ? [] : result.errors.map((e) => e.message);
    expect(messages[0]).toMatch(/SEARCH_API\/EXECUTE_QUERY can't be granted to a Custom key/);
    expect(messages[1]).toMatch(/PLATFORM\/API_KEY:EDIT .*never view or edit API keys/);
    expect(messages[2]).toMatch(/create two keys/);
  });

  it('says "Limit the API key scope" for potent privileges', () => {
    const result = validateKeyRequest(custom([P('SEARCH_API/VIEW_ALL_CONTENT')]), ctx);
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(/^Limit the API key scope/);
  });

  it('de-duplicates and applies targets', () => {
    const key = value(
      custom([P('PLATFORM/SOURCE:VIEW'), P('PLATFORM/SOURCE:VIEW'), P('PLATFORM/SOURCE_PUSH', { targetId: 'a' })], {
        sourceIds: ['b'],
      }),
    );
    expect(key.privileges).toEqual([
      { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' },
      { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 'a' },
      { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 'b' },
    ]);
  });
});

describe('search hub and commerce', () => {
  it.each<[string, Partial<KeyRequestInput>, string[][]]>([
    ['view-all-content without hub', { lifetimeDuration: 'P1D' }, [[HUB, 'SEARCH_HUB_REQUIRED']]],
    ['hub with a space', { lifetimeDuration: 'P1D', searchHub: 'my hub' }, [[HUB, 'INVALID_FORMAT']]],
    ['hub of 256 characters', { lifetimeDuration: 'P1D', searchHub: 'h'.repeat(256) }, [[HUB, 'MAX_LENGTH']]],
    ['hub of 255 characters', { lifetimeDuration: 'P1D', searchHub: 'h'.repeat(255) }, []],
  ])('%s', (_name, over, expected) => {
    expect(rules(req('view-all-content', over))).toEqual(expected);
  });

  it.each<[string, Partial<KeyRequestInput>, string[][]]>([
    ['commerce without hub', { commerce: { catalogId: 'cat' } }, []],
    ['commerce with hub', { commerce: { catalogId: 'cat' }, searchHub: 'hub' }, [[HUB, 'COMMERCE_WITH_SEARCH_HUB']]],
    [
      'commerce with a blank catalog',
      { commerce: { catalogId: ' ' } },
      [['additionalConfiguration.commerce.catalogId', 'REQUIRED']],
    ],
    ['commerce null', { commerce: null, searchHub: 'hub' }, []],
  ])('anonymous-search: %s', (_name, over, expected) => {
    expect(rules(req('anonymous-search', over))).toEqual(expected);
  });
});

describe('the potent-privilege message', () => {
  it('names the privilege as the console shows it, never as OWNER/DOMAIN', () => {
    const template = getTemplate('custom');
    const message = searchHubRequirement(template, [privilege('SEARCH_API/VIEW_ALL_CONTENT')]);
    expect(message).toBe(
      'Limit the API key scope: Search - View all content is especially potent, so the key must enforce a search hub.',
    );
    expect(message).not.toMatch(/[A-Z_]+\/[A-Z_]+/);
  });
});
