import { describe, expect, it } from 'vitest';
import {
  additionalConfigurationOf,
  checkCommerce,
  checkGroups,
  checkIdList,
  checkIdentifier,
  checkIps,
  checkSearchHub,
} from './validation-fields.ts';

describe('checkIdentifier', () => {
  it.each<[unknown, string | null]>([
    ['hub', null],
    [' hub ', null],
    ['', 'REQUIRED'],
    ['  ', 'REQUIRED'],
    [42, 'REQUIRED'],
    [null, 'REQUIRED'],
    ['a b', 'INVALID_FORMAT'],
    ['a\tb', 'INVALID_FORMAT'],
    ['x'.repeat(255), null],
    ['x'.repeat(256), 'MAX_LENGTH'],
  ])('%j -> %s', (input, rule) => {
    expect(checkIdentifier(input, 'p', 'It')?.rule ?? null).toBe(rule);
  });
});

describe('list and object fields', () => {
  it.each<[unknown, string[], string[]]>([
    [undefined, [], []],
    [null, [], []],
    [['a', 'a', ' b '], ['a', 'b'], []],
    [[{ id: 'a' }, 'b'], ['a', 'b'], []],
    ['a', [], ['p:INVALID_FORMAT']],
    [[1], [], ['p[0]:REQUIRED']],
  ])('checkIdList(%j)', (input, value, errors) => {
    const checked = checkIdList(input, 'p', 'An id');
    expect(checked.value).toEqual(value);
    expect(checked.errors.map((e) => `${e.path}:${e.rule}`)).toEqual(errors);
  });

  it('keeps a group that can edit out of the view list', () => {
    expect(checkGroups(['a', 'b'], ['b', 'c']).value).toEqual({ canView: ['a'], canEdit: ['b', 'c'] });
  });

  it.each<[unknown, object | null, number]>([
    [undefined, null, 0],
    [null, null, 0],
    [{ catalogId: ' c1 ' }, { catalogId: 'c1' }, 0],
    [{}, null, 1],
    [{ catalogId: 'a b' }, null, 1],
  ])('checkCommerce(%j)', (input, value, errorCount) => {
    const checked = checkCommerce(input);
    expect(checked.value).toEqual(value);
    expect(checked.errors).toHaveLength(errorCount);
  });

  it.each<[unknown, string | null]>([
    [undefined, null],
    [null, null],
    ['', null],
    [' web ', 'web'],
  ])('checkSearchHub(%j)', (input, value) => {
    expect(checkSearchHub(input)).toEqual({ value, errors: [] });
  });

  it('checkIps passes absent lists through', () => {
    expect(checkIps(undefined, 'allowedIps', false)).toEqual({ value: [], errors: [] });
  });
});

describe('additionalConfigurationOf', () => {
  it.each<[string | null, { catalogId: string } | null, object]>([
    [null, null, {}],
    ['web', null, { search: { enforcedQueryPipelineConfiguration: { searchHub: 'web' } } }],
    [null, { catalogId: 'c' }, { commerce: { catalogId: 'c' } }],
  ])('%j %j', (hub, commerce, expected) => {
    expect(additionalConfigurationOf(hub, commerce)).toEqual(expected);
  });
});
