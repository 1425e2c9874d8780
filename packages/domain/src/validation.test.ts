import { describe, expect, it } from 'vitest';
import { findCatalogEntry, privilegeId } from './privileges.ts';
import { TEMPLATE_IDS, getTemplate, type TemplateId } from './templates.ts';
import { validateKeyRequest, type KeyRequestInput } from './validation.ts';
import type { PrivilegeInput } from './validation-privileges.ts';
import { HUB, P, ctx, req, rules, t, value } from './validation-test-helpers.ts';
const PUSH_SCOPE: Partial<KeyRequestInput> = { sourceIds: ['s1'], securityProviderIds: ['p1'] };

describe('each template, minimal valid request', () => {
  const minimal: Record<TemplateId, Partial<KeyRequestInput>> = {
    'anonymous-search': {},
    'authenticated-search': {},
    'usage-analytics': {},
    'search-pages': {},
    'anonymous-case-assist': {},
    'push-api': { sourceIds: ['s1'], securityProviderIds: ['*'] },
    'crawling-module': { sourceIds: ['*'], securityProviderIds: ['p1'] },
    'view-all-content': { searchHub: 'support', lifetimeDuration: 'P14D' },
    custom: { privileges: [P('PLATFORM/SOURCE:VIEW')], lifetimeDuration: 'NEVER' },
  };
  it.each(TEMPLATE_IDS.map((id) => [id]))('%s', (id) => {
    const key = value(req(id, minimal[id]));
    const template = getTemplate(id);
    expect(key.templateId).toBe(id);
    expect(key.privacy).toBe(template.privacy);
    // A push privilege carries the scope chosen in the Configuration step.
    const scoped = template.privileges.map((p) => {
      const list = minimal[id][findCatalogEntry(p)?.targetInput ?? 'sourceIds'];
      return findCatalogEntry(p)?.targetable ? { ...p, targetId: list?.[0] } : p;
    });
    if (id !== 'custom') expect(key.privileges).toEqual(scoped);
    expect(key.expirationDate).toBe(id === 'view-all-content' ? t('2025-06-24T23:59:59.000Z') : null);
  });
});

describe('normalization', () => {
  it('trims strings, canonicalises IPs, splits groups', () => {
    const key = value(
      req('authenticated-search', {
        displayName: '  Portal backend ',
        description: ' used by the portal\n',
        allowedIps: ['104.1.1.0/24', '::ffff:8.8.8.8', '8.8.8.8/32'],
        deniedIps: ['2001:DB8::/32'],
        searchHub: ' portal ',
        groupsThatCanView: ['g1', { id: 'g2' }, 'g1'],
        groupsThatCanEdit: ['g2'],
      }),
    );
    expect(key).toMatchObject({
      displayName: 'Portal backend',
      description: 'used by the portal',
      allowedIps: ['104.1.1.0/24', '8.8.8.8'],
      deniedIps: ['2001:db8::/32'],
      searchHub: 'portal',
      commerce: null,
      groupsThatCanView: ['g1'],
      groupsThatCanEdit: ['g2'],
    });
  });

  it('blank search hub and description', () => {
    expect(value(req('anonymous-search', { searchHub: '   ', description: '  ' }))).toMatchObject({
      searchHub: null,
      description: '',
    });
  });

  it('accepts private ranges when the deployment allows them', () => {
    expect(
      value(req('push-api', { ...PUSH_SCOPE, allowedIps: ['10.0.0.0/8'] }), { ...ctx, allowPrivateIps: true })
        .allowedIps,
    ).toEqual(['10.0.0.0/8']);
    expect(rules(req('push-api', { ...PUSH_SCOPE, allowedIps: ['10.0.0.0/8'] }))).toEqual([
      ['allowedIps[0]', 'NON_PUBLIC'],
    ]);
  });
});

describe('fixed template privileges', () => {
  const anon = ['SEARCH_API/EXECUTE_QUERY', 'SEARCH_API/EXECUTE_AGENT_QUERY', 'USAGE_ANALYTICS/ANALYTICS_DATA:EDIT'];
  it.each<[string, string[], string[][]]>([
    ['none sent', [], []],
    ['exactly the set', anon, []],
    ['the set in another order, twice', [...anon].reverse().concat(anon), []],
    ['one removed', anon.slice(0, 2), [['privileges', 'TEMPLATE_PRIVILEGES_FIXED']]],
    ['one added', [...anon, 'SEARCH_API/SEARCH_PAGES:VIEW'], [['privileges', 'TEMPLATE_PRIVILEGES_FIXED']]],
    ['unknown added', [...anon, 'PLATFORM/NOPE:VIEW'], [['privileges[3]', 'UNKNOWN_PRIVILEGE']]],
    ['a console privilege added', [...anon, 'PLATFORM/API_KEY:VIEW'], [['privileges', 'TEMPLATE_PRIVILEGES_FIXED']]],
  ])('%s', (_name, ids, expected) => {
    expect(rules(req('anonymous-search', { privileges: ids.map((id) => P(id)) }))).toEqual(expected);
  });

  it('explains what was added and removed', () => {
    const result = validateKeyRequest(
      req('anonymous-search', { privileges: [P('SEARCH_API/EXECUTE_QUERY'), P('COVEO_ML/CASE_ASSIST')] }),
      ctx,
    );
    expect(result.ok ? '' : result.errors[0]?.message).toMatch(
      /adds COVEO_ML\/CASE_ASSIST and removes SEARCH_API\/EXECUTE_AGENT_QUERY/,
    );
  });
});

describe('targets', () => {
  it('push-api takes sources and providers from the lists', () => {
    const key = value(req('push-api', { sourceIds: ['s1', 's2', 's1'], securityProviderIds: ['p1'] }));
    expect(
      key.privileges.filter((p) => p.targetId !== undefined).map((p) => `${privilegeId(p)}@${p.targetId}`),
    ).toEqual(['PLATFORM/SOURCE_PUSH@s1', 'PLATFORM/SOURCE_PUSH@s2', 'PLATFORM/SECURITY_PROVIDER_PUSH@p1']);
  });

  it('push-api takes targets from the privileges sent (targetId or targetIds)', () => {
    const privileges = getTemplate('push-api').privileges.map((p): PrivilegeInput =>
      p.targetDomain === 'SOURCE_PUSH'
        ? { ...p, targetIds: ['s9'] }
        : p.targetDomain === 'SECURITY_PROVIDER_PUSH'
          ? { ...p, targetId: '*' }
          : p,
    );
    const key = value(req('push-api', { privileges }));
    expect(key.privileges.filter((p) => p.targetDomain.endsWith('_PUSH'))).toEqual([
      { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: 's9' },
      { owner: 'PLATFORM', targetDomain: 'SECURITY_PROVIDER_PUSH', targetId: '*' },
    ]);
  });

  it('"*" in a list is every target, chosen deliberately, and wins over ids beside it', () => {
    const key = value(req('push-api', { sourceIds: ['*', 's1'], securityProviderIds: ['*'] }));
    expect(key.privileges.filter((p) => p.targetDomain.endsWith('_PUSH'))).toEqual([
      { owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: '*' },
      { owner: 'PLATFORM', targetDomain: 'SECURITY_PROVIDER_PUSH', targetId: '*' },
    ]);
  });

  it.each<[string, string, Partial<KeyRequestInput>, string[][]]>([
    [
      'push-api',
      'no scope at all',
      {},
      [
        ['sourceIds', 'PUSH_SCOPE_REQUIRED'],
        ['securityProviderIds', 'PUSH_SCOPE_REQUIRED'],
      ],
    ],
    ['push-api', 'empty lists', { sourceIds: [], securityProviderIds: ['p1'] }, [['sourceIds', 'PUSH_SCOPE_REQUIRED']]],
    ['crawling-module', 'no providers', { sourceIds: ['s1'] }, [['securityProviderIds', 'PUSH_SCOPE_REQUIRED']]],
    [
      'custom',
      'Push items without sources',
      { privileges: [P('PLATFORM/SOURCE_PUSH')], lifetimeDuration: 'NEVER' },
      [['sourceIds', 'PUSH_SCOPE_REQUIRED']],
    ],
  ])('%s with %s is refused, naming the list', (template, _name, over, expected) => {
    expect(rules(req(template, over))).toEqual(expected);
  });

  it('a Custom key takes "*" on the privilege itself', () => {
    const key = value(
      req('custom', { privileges: [P('PLATFORM/SOURCE_PUSH', { targetId: '*' })], lifetimeDuration: 'NEVER' }),
    );
    expect(key.privileges).toEqual([{ owner: 'PLATFORM', targetDomain: 'SOURCE_PUSH', targetId: '*' }]);
  });

  it.each<[string, Partial<KeyRequestInput>, string[][]]>([
    ['sources on a template without them', { sourceIds: ['s1'] }, [['sourceIds', 'NOT_APPLICABLE']]],
    [
      'providers on a template without them',
      { securityProviderIds: ['p1'] },
      [['securityProviderIds', 'NOT_APPLICABLE']],
    ],
    ['empty lists are fine', { sourceIds: [], securityProviderIds: [] }, []],
  ])('anonymous-search: %s', (_name, over, expected) => {
    expect(rules(req('anonymous-search', over))).toEqual(expected);
  });

  it.each<[Partial<KeyRequestInput>, string[][]]>([
    [
      { sourceIds: ['ok', ' ', 'has space'], securityProviderIds: ['p'] },
      [
        ['sourceIds[1]', 'REQUIRED'],
        ['sourceIds[2]', 'INVALID_FORMAT'],
      ],
    ],
    [{ sourceIds: ['s'], securityProviderIds: ['x'.repeat(256)] }, [['securityProviderIds[0]', 'MAX_LENGTH']]],
  ])('push-api: bad ids %j', (over, expected) => {
    expect(rules(req('push-api', over))).toEqual(expected);
  });
});

describe('identification and every error at once', () => {
  it.each<[string, Partial<KeyRequestInput>, string[][]]>([
    ['blank name', { displayName: '   ' }, [['displayName', 'REQUIRED']]],
    ['missing name', { displayName: undefined as unknown as string }, [['displayName', 'REQUIRED']]],
    ['125 characters', { displayName: 'n'.repeat(125) }, []],
    ['126 characters', { displayName: 'n'.repeat(126) }, [['displayName', 'MAX_LENGTH']]],
    ['125 emoji', { displayName: '🔑'.repeat(125) }, []],
    ['description of 1000', { description: 'd'.repeat(1000) }, []],
    ['description of 1001', { description: 'd'.repeat(1001) }, [['description', 'MAX_LENGTH']]],
    ['IP lists must be lists', { allowedIps: '8.8.8.8' as unknown as string[] }, [['allowedIps', 'INVALID_FORMAT']]],
  ])('%s', (_name, over, expected) => {
    expect(rules(req('usage-analytics', over))).toEqual(expected);
  });

  it('reports every broken rule with its path', () => {
    expect(
      rules(
        req('custom', {
          displayName: '',
          description: 'x'.repeat(1001),
          privileges: [P('PLATFORM/SOURCE:VIEW'), P('SEARCH_API/EXECUTE_QUERY')],
          allowedIps: ['8.8.8.8', '192.168.0.1'],
          deniedIps: ['1.2.3.4/8'],
          searchHub: 'a b',
          groupsThatCanEdit: [''],
        }),
      ),
    ).toEqual([
      ['displayName', 'REQUIRED'],
      ['description', 'MAX_LENGTH'],
      ['privileges[1]', 'FORBIDDEN_IN_CUSTOM'],
      ['privileges', 'QUERY_WITH_PLATFORM'],
      ['allowedIps[1]', 'NON_PUBLIC'],
      ['deniedIps[0]', 'HOST_BITS_SET'],
      [HUB, 'INVALID_FORMAT'],
      ['lifetimeDuration', 'EXPIRATION_REQUIRED'],
      ['groupsThatCanEdit[0]', 'REQUIRED'],
    ]);
  });

  it('refuses an unknown template', () => {
    expect(rules(req('nope'))).toEqual([['apiKeyTemplateId', 'UNKNOWN_TEMPLATE']]);
  });
});
