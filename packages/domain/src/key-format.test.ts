import { describe, expect, it } from 'vitest';
import {
  BASE62_ALPHABET,
  KEY_LENGTH,
  checksumOf,
  crc32,
  generateKeyValue,
  keyIdFrom,
  keyValueParts,
  looksLikeKeyValue,
  maskKeyValue,
  parseKeyValue,
  randomString,
  toBase62,
  type RandomBytes,
} from './key-format.ts';

/** Deterministic bytes: a counter, so every byte value appears in turn. */
function counterBytes(start = 0): RandomBytes {
  let next = start;
  return (n) => Uint8Array.from({ length: n }, () => next++ % 256);
}

/** Replays a fixed sequence of bytes, then zeros. */
function fixedBytes(bytes: number[]): RandomBytes {
  const queue = [...bytes];
  return (n) => Uint8Array.from({ length: n }, () => queue.shift() ?? 0);
}

describe('crc32 (IEEE)', () => {
  it.each([
    ['', 0],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
    ['a', 0xe8b7be43],
  ])('%j -> %s', (text, crc) => {
    expect(crc32(text)).toBe(crc);
  });
});

describe('toBase62', () => {
  it.each([
    [0, 6, '000000'],
    [61, 6, '00000z'],
    [62, 6, '000010'],
    [0xffffffff, 6, '4gfFC3'],
    [3843, 2, 'zz'],
  ])('%s in %s digits -> %s', (n, width, text) => {
    expect(toBase62(n, width)).toBe(text);
  });
});

describe('randomString (rejection sampling)', () => {
  it('skips bytes at or above the largest multiple of the alphabet size', () => {
    expect(randomString(BASE62_ALPHABET, 4, fixedBytes([248, 255, 0, 61, 62, 247]))).toBe('0z0z');
    expect(randomString('abc', 3, fixedBytes([255, 254, 0, 1]))).toBe('cab');
  });

  it('is uniform over a full cycle of usable bytes', () => {
    const text = randomString(BASE62_ALPHABET, 248, counterBytes());
    const counts = new Map<string, number>();
    for (const c of text) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(62);
    expect([...counts.values()].every((n) => n === 4)).toBe(true);
  });

  it('gives up on a source of only unusable bytes', () => {
    expect(() => randomString('abc', 1, () => Uint8Array.from([255]))).toThrow();
  });
});

describe('generateKeyValue / parseKeyValue', () => {
  const pub = generateKeyValue('PUBLIC', counterBytes());
  const prv = generateKeyValue('PRIVATE', counterBytes(7));

  it('has the documented shape', () => {
    expect(pub).toHaveLength(KEY_LENGTH);
    expect(KEY_LENGTH).toBe(42);
    expect(pub).toMatch(/^kwpub_[0-9A-Za-z]{36}$/);
    expect(prv).toMatch(/^kwprv_[0-9A-Za-z]{36}$/);
    expect(pub.slice(36)).toBe(checksumOf(pub.slice(6, 36)));
  });

  it('round-trips', () => {
    expect(parseKeyValue(pub)).toEqual({ ok: true, privacy: 'PUBLIC' });
    expect(parseKeyValue(prv)).toEqual({ ok: true, privacy: 'PRIVATE' });
  });

  const flip = (s: string, i: number): string => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);

  it.each([
    ['empty', '', 'LENGTH'],
    ['one short', pub.slice(0, 41), 'LENGTH'],
    ['one long', `${pub}0`, 'LENGTH'],
    ['other prefix', `kwxxx_${pub.slice(6)}`, 'PREFIX'],
    ['upper-case prefix', `KWPUB_${pub.slice(6)}`, 'PREFIX'],
    ['bad alphabet', `${pub.slice(0, 10)}-${pub.slice(11)}`, 'ALPHABET'],
    ['typo in random part', flip(pub, 10), 'CHECKSUM'],
    ['typo in checksum', flip(pub, 40), 'CHECKSUM'],
  ])('%s -> %s', (_name, value, reason) => {
    expect(parseKeyValue(value)).toEqual({ ok: false, reason });
  });

  it('checksums the random part only (the prefix is checked against the stored hash)', () => {
    expect(parseKeyValue(`kwprv_${pub.slice(6)}`)).toEqual({ ok: true, privacy: 'PRIVATE' });
  });

  it('detects every single-character change of the random part', () => {
    for (let i = 6; i < 36; i++) expect(parseKeyValue(flip(pub, i)).ok).toBe(false);
  });

  it('keys from different random bytes differ', () => {
    expect(generateKeyValue('PUBLIC', counterBytes(1))).not.toBe(pub);
  });
});

describe('looksLikeKeyValue', () => {
  it.each([
    ['kwpub_x', true],
    ['kwprv_', true],
    ['kwpu_', false],
    ['Bearer kwprv_x', false],
    ['', false],
  ])('%j -> %s', (s, expected) => {
    expect(looksLikeKeyValue(s)).toBe(expected);
  });
});

describe('masking', () => {
  it('keeps prefix and last 4, 42 characters in all', () => {
    const value = generateKeyValue('PRIVATE', counterBytes(3));
    const { prefix, last4 } = keyValueParts(value);
    const masked = maskKeyValue(prefix, last4);
    expect(masked).toHaveLength(42);
    expect(masked).toBe(`kwprv_${'*'.repeat(32)}${value.slice(-4)}`);
    expect(masked).not.toContain(value.slice(6, 36));
  });

  it('never goes negative', () => {
    expect(maskKeyValue('x'.repeat(40), 'abcd')).toBe(`${'x'.repeat(40)}abcd`);
  });
});

describe('keyIdFrom', () => {
  it('gives 25 lowercase letters and digits', () => {
    expect(keyIdFrom(counterBytes())).toMatch(/^[a-z0-9]{25}$/);
  });

  it('skips bytes 252..255', () => {
    expect(keyIdFrom(fixedBytes([252, 253, 254, 255, 0, 35, 36, 251]))).toBe(`a9a9${'a'.repeat(21)}`);
  });
});
