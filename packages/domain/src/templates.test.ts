import { describe, expect, it } from 'vitest';
import { isAssignableToKeys, privilegeId } from './privileges.ts';
import {
  TEMPLATES,
  TEMPLATE_IDS,
  applyTargets,
  getTemplate,
  isTemplateId,
  templatePrivileges,
  type TemplateId,
} from './templates.ts';

const Q = 'SEARCH_API/EXECUTE_QUERY';
const AQ = 'SEARCH_API/EXECUTE_AGENT_QUERY';
const PUSH = 'USAGE_ANALYTICS/ANALYTICS_DATA:EDIT';

describe('templates', () => {
  it('lists the nine templates in the order of the seeds', () => {
    expect(TEMPLATE_IDS).toEqual([
      'anonymous-search',
      'authenticated-search',
      'usage-analytics',
      'search-pages',
      'anonymous-case-assist',
      'push-api',
      'crawling-module',
      'view-all-content',
      'custom',
    ]);
  });

  it.each<[TemplateId, 'PUBLIC' | 'PRIVATE', string[]]>([
    ['anonymous-search', 'PUBLIC', [Q, AQ, PUSH]],
    ['authenticated-search', 'PRIVATE', ['SEARCH_API/IMPERSONATE', PUSH]],
    ['usage-analytics', 'PUBLIC', ['USAGE_ANALYTICS/IMPERSONATE', PUSH]],
    ['search-pages', 'PUBLIC', [Q, AQ, PUSH, 'SEARCH_API/SEARCH_PAGES:VIEW']],
    ['anonymous-case-assist', 'PUBLIC', [PUSH, 'COVEO_ML/CASE_ASSIST']],
    [
      'push-api',
      'PRIVATE',
      [
        'PLATFORM/SOURCE_PUSH',
        'PLATFORM/SOURCE:VIEW',
        'PLATFORM/SECURITY_PROVIDER_PUSH',
        'PLATFORM/SECURITY_PROVIDER:VIEW',
        'PLATFORM/ORGANIZATION:VIEW',
      ],
    ],
    [
      'crawling-module',
      'PRIVATE',
      [
        'PLATFORM/CRAWLING_MODULE:EDIT',
        'PLATFORM/CRAWLING_MODULE_LOG_REQUEST:EDIT',
        'PLATFORM/SECURITY_PROVIDER_PUSH',
        'PLATFORM/SOURCE_PUSH',
        'PLATFORM/SECURITY_PROVIDER:VIEW',
        'PLATFORM/SOURCE:VIEW',
        'PLATFORM/API_KEY:CREATE',
        'PLATFORM/ON_PREMISE_ADMINISTRATION:EDIT',
        'PLATFORM/ORGANIZATION:VIEW',
      ],
    ],
    ['view-all-content', 'PRIVATE', ['SEARCH_API/VIEW_ALL_CONTENT', Q]],
    ['custom', 'PRIVATE', []],
  ])('%s is %s with its fixed privileges', (id, privacy, ids) => {
    const t = getTemplate(id);
    expect(t.privacy).toBe(privacy);
    expect(t.privacyLabel).toBe(privacy === 'PUBLIC' ? 'Can be public' : 'Must remain private');
    expect(t.privileges.map(privilegeId)).toEqual(ids);
  });

  it.each<[TemplateId, string, boolean, boolean, boolean, string]>([
    ['anonymous-search', 'recommended', false, false, false, 'optional'],
    ['authenticated-search', 'recommended', false, false, true, 'optional'],
    ['usage-analytics', 'none', false, false, false, 'optional'],
    ['search-pages', 'recommended', false, false, false, 'optional'],
    ['anonymous-case-assist', 'none', false, false, false, 'optional'],
    ['push-api', 'none', true, true, true, 'optional'],
    ['crawling-module', 'none', true, true, true, 'optional'],
    ['view-all-content', 'required', false, false, true, 'required'],
    ['custom', 'recommended', true, true, true, 'required-or-never'],
  ])(
    '%s configuration: hub %s, sources %s, providers %s, IPs %s, expiration %s',
    (id, hub, sources, providers, ips, expiration) => {
      const t = getTemplate(id);
      expect(t.configuration).toEqual({ searchHub: hub, sources, securityProviders: providers, ips });
      expect(t.expiration.kind).toBe(expiration);
    },
  );

  it('View all content must expire within 1 to 14 days', () => {
    expect(getTemplate('view-all-content').expiration).toEqual({ kind: 'required', minDays: 1, maxDays: 14 });
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s wizard steps follow its configuration', (id, t) => {
    const hasConfig =
      t.configuration.searchHub !== 'none' ||
      t.configuration.sources ||
      t.configuration.securityProviders ||
      t.configuration.ips;
    const expected = [
      'purpose',
      'identification',
      ...(id === 'custom' ? ['privileges'] : []),
      ...(hasConfig ? ['configuration'] : []),
      'access',
      'review',
    ];
    expect(t.steps).toEqual(expected);
    expect(t.description.length).toBeGreaterThan(20);
  });

  it.each(TEMPLATES.map((t) => [t.id, t] as const))(
    '%s holds only key-assignable privileges, never query + PLATFORM',
    (_id, t) => {
      expect(t.privileges.every(isAssignableToKeys)).toBe(true);
      const query = t.privileges.some((p) => privilegeId(p) === Q);
      expect(query && t.privileges.some((p) => p.owner === 'PLATFORM')).toBe(false);
    },
  );

  it.each([
    ['custom', true],
    ['push-api', true],
    ['Custom', false],
    ['', false],
    [undefined, false],
    ['view_all_content', false],
  ])('isTemplateId(%s) = %s', (s, expected) => {
    expect(isTemplateId(s)).toBe(expected);
    expect(getTemplate(String(s)) !== undefined).toBe(expected);
  });
});

describe('targets', () => {
  it('push-api: chosen sources and providers become targets', () => {
    const privileges = templatePrivileges('push-api', { sourceIds: ['s1', 's2'], securityProviderIds: ['p1'] });
    expect(privileges.filter((p) => p.targetId !== undefined)).toEqual([
      { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 's1' },
      { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 's2' },
      { owner: 'PLATFORM', targetDomain: 'SECURITY_PROVIDER_PUSH', targetId: 'p1' },
    ]);
    expect(privileges).toHaveLength(6);
  });

  it('no choice keeps every target', () => {
    expect(templatePrivileges('crawling-module').every((p) => p.targetId === undefined)).toBe(true);
    expect(templatePrivileges('crawling-module', { sourceIds: [] })).toHaveLength(9);
  });

  it('keeps explicit targets and expands wildcards', () => {
    expect(
      applyTargets([{ owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 'x' }], { sourceIds: ['a'] }),
    ).toEqual([{ owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 'x' }]);
    expect(
      applyTargets([{ owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: '*' }], { sourceIds: ['a'] }),
    ).toEqual([{ owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 'a' }]);
    expect(applyTargets([{ owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' }], { sourceIds: ['a'] })).toEqual([
      { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' },
    ]);
  });
});
