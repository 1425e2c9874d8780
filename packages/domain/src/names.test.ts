import { describe, expect, it } from 'vitest';
import { nameKey } from './names.ts';

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
