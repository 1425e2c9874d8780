import { describe, expect, it } from 'vitest';
import { expirationFromDate } from './expiration.ts';
import { immutableFieldErrors } from './immutable-fields.ts';

const SOURCE_VIEW = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' } as const;
const QUERY = { owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY' } as const;
const stored = {
  privileges: [{ ...SOURCE_VIEW, targetId: 'src-a' }, QUERY],
  expirationDate: expirationFromDate('2026-05-01'),
};
const rules = (sent: Parameters<typeof immutableFieldErrors>[1]) =>
  immutableFieldErrors(stored, sent).map((e) => `${e.path}:${e.rule}`);

describe('immutableFieldErrors (the whole model sent back on update)', () => {
  it.each<[string, Parameters<typeof immutableFieldErrors>[1], string[]]>([
    ['nothing sent', {}, []],
    ['privileges null', { privileges: null }, []],
    [
      'the same privileges, in another order and spelling',
      {
        privileges: [
          { owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY', type: null, targetIds: ['*'] },
          { ...SOURCE_VIEW, targetIds: ['src-a'] },
        ],
      },
      [],
    ],
    ['one privilege more', { privileges: [...stored.privileges, SOURCE_VIEW] }, ['privileges:NOT_EDITABLE']],
    ['another target', { privileges: [{ ...SOURCE_VIEW, targetId: 'src-b' }, QUERY] }, ['privileges:NOT_EDITABLE']],
    ['the same expiration date', { expirationDate: '2026-05-01' }, []],
    ['another expiration date', { expirationDate: '2026-05-02' }, ['expirationDate:NOT_EDITABLE']],
    ['removing the expiration', { expirationDate: null }, ['expirationDate:NOT_EDITABLE']],
    ['any lifetime', { lifetimeDuration: 'P7D' }, ['lifetimeDuration:NOT_EDITABLE']],
    ['lifetime null', { lifetimeDuration: null }, []],
  ])('%s', (_name, sent, expected) => {
    expect(rules(sent)).toEqual(expected);
  });
});
