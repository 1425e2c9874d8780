import { describe, expect, it } from 'vitest';
import { privilege } from './privileges.ts';
import { getTemplate } from './templates.ts';
import {
  rotationPeriodMs,
  rotationPeriodValid,
  validateKeyUpdate,
  type ExistingKey,
  type KeyUpdateInput,
} from './validation.ts';
import { DAY_MS } from './durations.ts';

const HUB = 'additionalConfiguration.search.enforcedQueryPipelineConfiguration.searchHub';
const ctx = { allowPrivateIps: false };

const viewAll: ExistingKey = { templateId: 'view-all-content', privileges: getTemplate('view-all-content').privileges };
const potentCustom: ExistingKey = { templateId: 'custom', privileges: [privilege('SEARCH_API/VIEW_ALL_CONTENT')] };
const plainCustom: ExistingKey = { templateId: 'custom', privileges: [privilege('PLATFORM/SOURCE:VIEW')] };
const commerce: ExistingKey = {
  templateId: 'anonymous-search',
  privileges: getTemplate('anonymous-search').privileges,
  commerce: { catalogId: 'c' },
};
const anon: ExistingKey = { templateId: 'anonymous-search', privileges: getTemplate('anonymous-search').privileges };

describe('validateKeyUpdate', () => {
  it.each<[string, ExistingKey, KeyUpdateInput, object | string[][]]>([
    ['nothing', anon, {}, {}],
    ['rename', anon, { displayName: ' New ' }, { displayName: 'New' }],
    ['blank name', anon, { displayName: ' ' }, [['displayName', 'REQUIRED']]],
    ['long description', anon, { description: 'x'.repeat(1001) }, [['description', 'MAX_LENGTH']]],
    ['clear description', anon, { description: null }, { description: '' }],
    ['IPs', anon, { allowedIps: ['8.8.8.8/32'], deniedIps: [] }, { allowedIps: ['8.8.8.8'], deniedIps: [] }],
    [
      'bad IPs',
      anon,
      { allowedIps: ['8.8.8.8', '10.1.1.1'], deniedIps: ['x'] },
      [
        ['allowedIps[1]', 'NON_PUBLIC'],
        ['deniedIps[0]', 'INVALID'],
      ],
    ],
    ['set a hub', anon, { searchHub: ' web ' }, { searchHub: 'web' }],
    ['remove the hub', anon, { searchHub: null }, { searchHub: null }],
    ['view all content keeps a hub', viewAll, { searchHub: 'other' }, { searchHub: 'other' }],
    ['view all content cannot drop its hub', viewAll, { searchHub: '' }, [[HUB, 'SEARCH_HUB_REQUIRED']]],
    ['potent custom cannot drop its hub', potentCustom, { searchHub: null }, [[HUB, 'SEARCH_HUB_REQUIRED']]],
    ['plain custom may drop its hub', plainCustom, { searchHub: null }, { searchHub: null }],
    ['commerce key cannot get a hub', commerce, { searchHub: 'web' }, [[HUB, 'COMMERCE_WITH_SEARCH_HUB']]],
    ['hub with a space', anon, { searchHub: 'a b' }, [[HUB, 'INVALID_FORMAT']]],
    [
      'groups',
      anon,
      { groupsThatCanView: ['a', 'b'], groupsThatCanEdit: ['b'] },
      { groupsThatCanView: ['a'], groupsThatCanEdit: ['b'] },
    ],
    ['view groups only', anon, { groupsThatCanView: [{ id: 'a' }] }, { groupsThatCanView: ['a'] }],
    ['bad group', anon, { groupsThatCanEdit: ['a', ''] }, [['groupsThatCanEdit[1]', 'REQUIRED']]],
  ])('%s', (_name, existing, input, expected) => {
    const result = validateKeyUpdate(existing, input, ctx);
    if (Array.isArray(expected)) expect(result.ok ? [] : result.errors.map((e) => [e.path, e.rule])).toEqual(expected);
    else expect(result).toEqual({ ok: true, value: expected });
  });

  it('accepts private ranges when allowed', () => {
    expect(validateKeyUpdate(anon, { allowedIps: ['10.0.0.0/8'] }, { allowPrivateIps: true })).toEqual({
      ok: true,
      value: { allowedIps: ['10.0.0.0/8'] },
    });
  });

  it('refuses a key of an unknown template', () => {
    expect(validateKeyUpdate({ templateId: 'gone', privileges: [] }, {}, ctx)).toMatchObject({
      ok: false,
      errors: [{ rule: 'UNKNOWN_TEMPLATE' }],
    });
  });
});

describe('rotation period', () => {
  it.each<[string, number | null]>([
    ['PT0S', 0],
    ['P0D', 0],
    ['PT1H', 3_600_000],
    ['P30D', 30 * DAY_MS],
    ['PT720H', 30 * DAY_MS],
    ['P4W', 28 * DAY_MS],
    ['P30DT1S', null],
    ['P31D', null],
    ['P5W', null],
    ['P1M', null],
    ['P1Y', null],
    ['PT', null],
    ['', null],
    ['-P1D', null],
  ])('%j -> %s', (period, ms) => {
    expect(rotationPeriodMs(period)).toBe(ms);
    expect(rotationPeriodValid(period)).toBe(ms !== null);
  });
});
