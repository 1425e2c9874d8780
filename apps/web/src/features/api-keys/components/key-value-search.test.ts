import { describe, expect, it } from 'vitest';
import { generateKeyValue } from '@keyward/domain';
import { classifySearch } from './key-value-search.ts';

const value = generateKeyValue('PRIVATE', (n) => new Uint8Array(n).map((_, i) => (i * 37) % 256));

describe('classifySearch', () => {
  it('a whole key value is looked up, trimmed', () => {
    expect(classifySearch(`  ${value} `)).toEqual({ kind: 'value', value });
  });

  it('a truncated value is incomplete', () => {
    expect(classifySearch(value.slice(0, 30))).toEqual({ kind: 'partial-value', incomplete: true });
  });

  it('a value with one character changed, or one too many, is not a valid one (not incomplete)', () => {
    const changed = `${value.slice(0, 10)}${value[10] === 'a' ? 'b' : 'a'}${value.slice(11)}`;
    expect(classifySearch(changed)).toEqual({ kind: 'partial-value', incomplete: false });
    expect(classifySearch(`${value}x`)).toEqual({ kind: 'partial-value', incomplete: false });
  });

  it('text, and masked values as the list shows them, are searched as text', () => {
    expect(classifySearch('storefront')).toEqual({ kind: 'text', text: 'storefront' });
    expect(classifySearch('kwprv_********abcd')).toEqual({ kind: 'text', text: 'kwprv_********abcd' });
  });
});
