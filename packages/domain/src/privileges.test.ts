import { describe, expect, it } from 'vitest';
import { PRIVILEGE_CATALOG, type Privilege } from './privilege-catalog.ts';
import {
  findCatalogEntry,
  isAssignableToKeys,
  isKnownPrivilege,
  keyTypesOf,
  parsePrivilegeId,
  privilege,
  privilegeId,
  privilegeLevelLabel,
} from './privileges.ts';

const p = (id: string): Privilege => {
  const parsed = parsePrivilegeId(id);
  if (!parsed) throw new Error(`bad id ${id}`);
  return parsed;
};

describe('catalog', () => {
  it.each([
    'SEARCH_API/EXECUTE_QUERY',
    'SEARCH_API/EXECUTE_AGENT_QUERY',
    'SEARCH_API/IMPERSONATE',
    'SEARCH_API/VIEW_ALL_CONTENT',
    'SEARCH_API/SEARCH_PAGES:VIEW',
    'SEARCH_API/SEARCH_PAGES:EDIT',
    'SEARCH_API/AUTHENTICATION_EDITOR',
    'USAGE_ANALYTICS/ANALYTICS_DATA:EDIT',
    'USAGE_ANALYTICS/IMPERSONATE',
    'USAGE_ANALYTICS/REPORTS:VIEW',
    'USAGE_ANALYTICS/REPORTS:EDIT',
    'COVEO_ML/CASE_ASSIST',
    'COVEO_ML/MODELS:VIEW',
    'PLATFORM/SOURCE:VIEW',
    'PLATFORM/SOURCE:EDIT',
    'PLATFORM/SOURCE:CREATE',
    'PLATFORM/SOURCE_PUSH',
    'PLATFORM/SECURITY_PROVIDER:VIEW',
    'PLATFORM/SECURITY_PROVIDER:EDIT',
    'PLATFORM/SECURITY_PROVIDER_PUSH',
    'PLATFORM/ORGANIZATION:VIEW',
    'PLATFORM/ORGANIZATION:EDIT',
    'PLATFORM/CRAWLING_MODULE:VIEW',
    'PLATFORM/CRAWLING_MODULE:EDIT',
    'PLATFORM/CRAWLING_MODULE_LOG_REQUEST:EDIT',
    'PLATFORM/ON_PREMISE_ADMINISTRATION:EDIT',
    'PLATFORM/API_KEY:CREATE',
    'PLATFORM/API_KEY:VIEW',
    'PLATFORM/API_KEY:EDIT',
    'PLATFORM/ACTIVITIES:VIEW',
    'PLATFORM/GROUP:VIEW',
    'PLATFORM/GROUP:EDIT',
    'PLATFORM/API_KEY_EXPOSURE:EDIT',
    'PLATFORM/EXTENSION:VIEW',
    'PLATFORM/FIELD:EDIT',
    'SEARCH_API/QUERY_PIPELINE:EDIT',
  ])('knows %s', (id) => {
    expect(isKnownPrivilege(p(id))).toBe(true);
  });

  it('has one entry per owner/domain', () => {
    const ids = PRIVILEGE_CATALOG.map((e) => `${e.owner}/${e.targetDomain}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(PRIVILEGE_CATALOG.map((e) => [`${e.owner}/${e.targetDomain}`, e] as const))('%s is consistent', (_id, e) => {
    expect(keyTypesOf(e).every((t) => e.types.includes(t))).toBe(true);
    expect(e.targetable).toBe(e.targetInput !== undefined);
    expect(new Set(e.types).size).toBe(e.types.length);
    expect(e.label.length).toBeGreaterThan(0);
    expect(e.description.length).toBeGreaterThan(0);
    if (e.forbiddenInCustomReason !== undefined) expect(e.assignableToKeys).toBe(true);
  });

  it('forbids exactly the four privileges of the seeds in Custom keys', () => {
    const forbidden = PRIVILEGE_CATALOG.filter((e) => e.forbiddenInCustomReason !== undefined).map(
      (e) => `${e.owner}/${e.targetDomain}`,
    );
    expect(forbidden.sort()).toEqual(
      [
        'SEARCH_API/EXECUTE_QUERY',
        'SEARCH_API/IMPERSONATE',
        'USAGE_ANALYTICS/ANALYTICS_DATA',
        'USAGE_ANALYTICS/IMPERSONATE',
      ].sort(),
    );
  });

  it('marks exactly the potent search privileges', () => {
    const potent = PRIVILEGE_CATALOG.filter((e) => e.potent === true).map((e) => `${e.owner}/${e.targetDomain}`);
    expect(potent.sort()).toEqual(['SEARCH_API/IMPERSONATE', 'SEARCH_API/VIEW_ALL_CONTENT']);
  });

  it('lets only SOURCE_PUSH and SECURITY_PROVIDER_PUSH take targets', () => {
    const targetable = PRIVILEGE_CATALOG.filter((e) => e.targetable).map((e) => [e.targetDomain, e.targetInput]);
    expect(targetable).toEqual([
      ['SOURCE_PUSH', 'sourceIds'],
      ['SECURITY_PROVIDER_PUSH', 'securityProviderIds'],
    ]);
  });
});

describe('privilegeId / parsePrivilegeId', () => {
  it.each([
    [{ owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' }, 'SEARCH_API/EXECUTE_QUERY'],
    [{ owner: 'USAGE_ANALYTICS', targetDomain: 'ANALYTICS_DATA', type: 'EDIT' }, 'USAGE_ANALYTICS/ANALYTICS_DATA:EDIT'],
    [{ owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 'src' }, 'PLATFORM/SOURCE_PUSH'],
  ] as const)('%o -> %s', (priv, id) => {
    expect(privilegeId(priv)).toBe(id);
  });

  it.each([
    ['PLATFORM/SOURCE:VIEW', { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' }],
    ['COVEO_ML/CASE_ASSIST', { owner: 'COVEO_ML', targetDomain: 'CASE_ASSIST' }],
    ['PLATFORM/NOT_IN_CATALOG', { owner: 'PLATFORM', targetDomain: 'NOT_IN_CATALOG' }],
    ['OTHER/SOURCE', null],
    ['PLATFORM/SOURCE:DELETE', null],
    ['PLATFORM/SOURCE:', null],
    ['PLATFORM', null],
    ['platform/source', null],
    ['', null],
  ])('%s', (id, expected) => {
    expect(parsePrivilegeId(id)).toEqual(expected);
  });

  it('builds typed catalog privileges with an optional target', () => {
    expect(privilege('PLATFORM/SOURCE_PUSH', 'abc')).toEqual({
      owner: 'PLATFORM',
      targetDomain: 'SOURCE_PUSH',
      targetId: 'abc',
    });
    expect(privilege('PLATFORM/API_KEY:CREATE')).toEqual({
      owner: 'PLATFORM',
      targetDomain: 'API_KEY',
      type: 'CREATE',
    });
  });
});

describe('isKnownPrivilege / isAssignableToKeys', () => {
  it.each([
    ['SEARCH_API/EXECUTE_QUERY', true, true],
    ['SEARCH_API/EXECUTE_QUERY:VIEW', false, false],
    ['PLATFORM/SOURCE', false, false],
    ['PLATFORM/SOURCE:CREATE', true, true],
    ['PLATFORM/ORGANIZATION:CREATE', false, false],
    ['PLATFORM/UNKNOWN:VIEW', false, false],
    ['USAGE_ANALYTICS/ANALYTICS_DATA:VIEW', false, false],
    ['USAGE_ANALYTICS/ANALYTICS_DATA:EDIT', true, true],
    ['PLATFORM/API_KEY:CREATE', true, true],
    ['PLATFORM/API_KEY:VIEW', true, false],
    ['PLATFORM/API_KEY:EDIT', true, false],
    ['PLATFORM/ACTIVITIES:VIEW', true, false],
    ['PLATFORM/GROUP:VIEW', true, false],
    ['PLATFORM/GROUP:EDIT', true, false],
    ['PLATFORM/API_KEY_EXPOSURE:EDIT', true, false],
    ['PLATFORM/SOURCE_PUSH', true, true],
  ])('%s known=%s assignable=%s', (id, known, assignable) => {
    expect(isKnownPrivilege(p(id))).toBe(known);
    expect(isAssignableToKeys(p(id))).toBe(assignable);
  });

  it('finds entries regardless of type and target', () => {
    expect(findCatalogEntry({ owner: 'PLATFORM', targetDomain: 'SOURCE' })?.label).toBe('Sources');
    expect(findCatalogEntry({ owner: 'PLATFORM', targetDomain: 'IMPERSONATE' })).toBeUndefined();
  });
});

describe('privilegeLevelLabel', () => {
  it.each([
    ['SEARCH_API/EXECUTE_QUERY', 'Allowed'],
    ['USAGE_ANALYTICS/ANALYTICS_DATA:EDIT', 'Push'],
    // the seeds: Push API lists "Sources: View all", "Security identity providers: View"
    ['PLATFORM/SOURCE:VIEW', 'View all'],
    ['PLATFORM/SOURCE:EDIT', 'Edit all'],
    ['PLATFORM/SECURITY_PROVIDER:VIEW', 'View'],
    ['PLATFORM/ORGANIZATION:VIEW', 'View'],
    ['PLATFORM/API_KEY:CREATE', 'Create'],
  ])('%s -> %s', (id, label) => {
    expect(privilegeLevelLabel(p(id))).toBe(label);
  });
});

describe('PrivilegeKey (compile-time)', () => {
  it('rejects keys that are not in the catalog', () => {
    const typos = () => [
      // @ts-expect-error a typed domain needs its type
      privilege('PLATFORM/SOURCE'),
      // @ts-expect-error not a type of this domain
      privilege('PLATFORM/ORGANIZATION:CREATE'),
      // @ts-expect-error typo in the domain
      privilege('SEARCH_API/EXECUTE_QUERIES'),
      // @ts-expect-error an Allowed domain takes no type
      privilege('SEARCH_API/EXECUTE_QUERY:VIEW'),
    ];
    expect(typeof typos).toBe('function');
  });
});
