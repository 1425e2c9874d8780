// Key values: `kwpub_`/`kwprv_` + 30 random base62 characters (178.6 bits) + the CRC32 (IEEE) of
// those 30 ASCII characters, written as 6 base62 digits, most significant first, zero-padded.
// The checksum lets secret scanners and the verifier reject typos offline.

import type { Privacy } from './templates.ts';

export type RandomBytes = (n: number) => Uint8Array;

export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const KEY_PREFIXES = { PUBLIC: 'kwpub_', PRIVATE: 'kwprv_' } as const satisfies Record<Privacy, string>;
export const KEY_RANDOM_LENGTH = 30;
export const KEY_CHECKSUM_LENGTH = 6;
export const KEY_PREFIX_LENGTH = 6;
export const KEY_LENGTH = KEY_PREFIX_LENGTH + KEY_RANDOM_LENGTH + KEY_CHECKSUM_LENGTH;
export const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const ID_LENGTH = 25;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Standard CRC32 (IEEE 802.3, reflected, as zlib) of the UTF-16 code units, each taken as a byte. */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    crc = (CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function toBase62(n: number, width: number): string {
  let out = '';
  let rest = n;
  for (let i = 0; i < width; i++) {
    out = BASE62_ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

/**
 * `length` characters drawn uniformly from `alphabet` by rejection sampling: a byte is used only
 * when below the largest multiple of the alphabet size, so no character is favoured.
 */
export function randomString(alphabet: string, length: number, randomBytes: RandomBytes): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  for (let round = 0; out.length < length; round++) {
    if (round === 1000) throw new Error('randomBytes keeps returning unusable bytes');
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit) out += alphabet[byte % alphabet.length];
      if (out.length === length) break;
    }
  }
  return out;
}

export function checksumOf(randomPart: string): string {
  return toBase62(crc32(randomPart), KEY_CHECKSUM_LENGTH);
}

export function generateKeyValue(privacy: Privacy, randomBytes: RandomBytes): string {
  const random = randomString(BASE62_ALPHABET, KEY_RANDOM_LENGTH, randomBytes);
  return `${KEY_PREFIXES[privacy]}${random}${checksumOf(random)}`;
}

export type KeyValueCheck =
  { ok: true; privacy: Privacy } | { ok: false; reason: 'LENGTH' | 'PREFIX' | 'ALPHABET' | 'CHECKSUM' };

const BODY = /^[0-9A-Za-z]+$/;

/** Offline check of a presented value: length, prefix, alphabet and checksum. */
export function parseKeyValue(s: string): KeyValueCheck {
  if (typeof s !== 'string' || s.length !== KEY_LENGTH) return { ok: false, reason: 'LENGTH' };
  const prefix = s.slice(0, KEY_PREFIX_LENGTH);
  const privacy = prefix === KEY_PREFIXES.PUBLIC ? 'PUBLIC' : prefix === KEY_PREFIXES.PRIVATE ? 'PRIVATE' : null;
  if (privacy === null) return { ok: false, reason: 'PREFIX' };
  const body = s.slice(KEY_PREFIX_LENGTH);
  if (!BODY.test(body)) return { ok: false, reason: 'ALPHABET' };
  const random = body.slice(0, KEY_RANDOM_LENGTH);
  if (checksumOf(random) !== body.slice(KEY_RANDOM_LENGTH)) return { ok: false, reason: 'CHECKSUM' };
  return { ok: true, privacy };
}

/** Prefix-only test, e.g. to tell an API key from a session access token in `Authorization`. */
export function looksLikeKeyValue(s: string): boolean {
  return typeof s === 'string' && (s.startsWith(KEY_PREFIXES.PUBLIC) || s.startsWith(KEY_PREFIXES.PRIVATE));
}

/** What may be stored besides the hash: the prefix and the last 4 characters. */
export function keyValueParts(value: string): { prefix: string; last4: string } {
  return { prefix: value.slice(0, KEY_PREFIX_LENGTH), last4: value.slice(-4) };
}

/** `kwprv_********************************abcd`: prefix, asterisks, last 4; 42 characters in all. */
export function maskKeyValue(prefix: string, last4: string): string {
  const stars = Math.max(0, KEY_LENGTH - prefix.length - last4.length);
  return `${prefix}${'*'.repeat(stars)}${last4}`;
}

/** 25 lowercase letters and digits (key ids, and other ids). */
export function keyIdFrom(randomBytes: RandomBytes): string {
  return randomString(ID_ALPHABET, ID_LENGTH, randomBytes);
}
