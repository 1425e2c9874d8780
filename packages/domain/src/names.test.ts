import { describe, expect, it } from 'vitest';
import { nameKey, nameSortKey } from './names.ts';

describe('nameKey', () => {
  it.each([
    ['ABC', 'abc'],
    ['Ω≈ç√', 'ω≈ç√'],
    ['Straße', 'STRASSE'],
    ['ΣΊΣΥΦΟΣ', 'σίσυφος'],
    ['Café', 'Cafe\u0301'],
    ['ﬁnance', 'FINANCE'],
    ['Ａｄｍｉｎｓ', 'admins'],
    ['ÅNGSTRÖM', 'ångström'],
  ])('%s and %s are the same name', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['abc', 'abd'],
    ['Cafe', 'Café'],
    ['a b', 'ab'],
    ['Ω', 'Ο'],
  ])('%s and %s are different names', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('is idempotent', () => {
    for (const s of ['Ω≈ç√', 'Straße', 'İstanbul', 'ﬃ', 'ǅ']) expect(nameKey(nameKey(s))).toBe(nameKey(s));
  });
});

describe('nameSortKey', () => {
  const sorted = (names: string[]) =>
    [...names].sort((a, b) => {
      const [x, y] = [nameSortKey(a), nameSortKey(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });

  it('orders without case, accented letters among their base letters', () => {
    expect(sorted(['Émile', 'zebra', 'Zulu', 'ångström', 'éclair', 'Eclair', 'apple', 'Ærø'])).toEqual([
      'ångström',
      'apple',
      'Eclair',
      'éclair',
      'Émile',
      'zebra',
      'Zulu',
      'Ærø',
    ]);
  });

  it('puts a name before its longer continuations; control characters count only as a tie-break', () => {
    expect(sorted(['ab', 'a', 'a b', 'a\u0001b', 'a-b'])).toEqual(['a', 'a b', 'a-b', 'a\u0001b', 'ab']);
  });

  it('breaks ties between names equal without accents by the folded name', () => {
    expect(sorted(['résumé', 'resume', 'Résume', 'RESUME'])).toEqual(['resume', 'RESUME', 'Résume', 'résumé']);
  });

  it('is the same for names that are the same under nameKey', () => {
    expect(nameSortKey('Straße')).toBe(nameSortKey('STRASSE'));
    expect(nameSortKey('Cafe\u0301')).toBe(nameSortKey('Café'));
  });

  it('stays short for names that compatibility normalization lengthens', () => {
    const key = nameSortKey('\ufdfa'.repeat(125)); // one code point that NFKC makes 18
    expect([...key].length).toBeLessThanOrEqual(2 * 128 + 1);
  });
});
