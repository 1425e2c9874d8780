import { describe, expect, it } from 'vitest';
import { parseIpEntry, validateIpList, MAX_IP_ENTRIES } from './ip-rules.ts';

const PUBLIC = { allowPrivate: false };
const PRIVATE_OK = { allowPrivate: true };

describe('parseIpEntry: accepted', () => {
  it.each([
    ['104.1.1.0/24', '104.1.1.0/24'],
    ['8.8.8.8', '8.8.8.8'],
    ['8.8.8.8/32', '8.8.8.8'],
    ['8.8.8.0/31', '8.8.8.0/31'],
    ['1.0.0.0/8', '1.0.0.0/8'],
    ['203.0.113.7', '203.0.113.7'],
    ['2001:db8::1', '2001:db8::1'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['2001:db8::1/128', '2001:db8::1'],
    ['2606:4700::/32', '2606:4700::/32'],
    ['::ffff:8.8.8.8', '8.8.8.8'],
    ['::ffff:8.8.8.0/120', '8.8.8.0/24'],
    ['::ffff:808:808', '8.8.8.8'],
    ['11.0.0.0/8', '11.0.0.0/8'],
    ['100.128.0.0/9', '100.128.0.0/9'],
    ['172.32.0.0/11', '172.32.0.0/11'],
    ['223.255.255.255', '223.255.255.255'],
  ])('%s -> %s', (text, canonical) => {
    expect(parseIpEntry(text, PUBLIC)).toEqual({ ok: true, value: canonical });
  });
});

describe('parseIpEntry: refused', () => {
  it.each([
    ['', 'INVALID'],
    ['1.2.3', 'INVALID'],
    ['1.2.3.4.5', 'INVALID'],
    ['256.1.1.1', 'INVALID'],
    ['01.2.3.4', 'INVALID'],
    ['0x8.8.8.8', 'INVALID'],
    ['134744072', 'INVALID'],
    ['8.8.8.8/33', 'INVALID'],
    ['8.8.8.8/', 'INVALID'],
    ['8.8.8.8/024', 'INVALID'],
    ['8.8.8.8/-1', 'INVALID'],
    ['8.8.8.8/24/1', 'INVALID'],
    ['2001:db8::/129', 'INVALID'],
    ['2001:db8:::1', 'INVALID'],
    ['fe80::1%eth0', 'INVALID'],
    ['::ffff:0x8.8.8.8', 'INVALID'],
    ['example.com', 'INVALID'],
    ['8.8.8.8 ', 'SPACES'],
    [' 8.8.8.8', 'SPACES'],
    ['8.8.8.0 /24', 'SPACES'],
    ['8.8.8.8\t', 'SPACES'],
    ['8.8.8.1/24', 'HOST_BITS_SET'],
    ['8.8.8.8/0', 'HOST_BITS_SET'],
    ['2001:db8::1/32', 'HOST_BITS_SET'],
    ['::ffff:8.8.8.1/120', 'HOST_BITS_SET'],
    ['10.0.0.1', 'NON_PUBLIC'],
    ['10.0.0.0/8', 'NON_PUBLIC'],
    ['172.16.5.4', 'NON_PUBLIC'],
    ['172.31.255.255', 'NON_PUBLIC'],
    ['192.168.1.1', 'NON_PUBLIC'],
    ['100.64.0.1', 'NON_PUBLIC'],
    ['100.127.255.255', 'NON_PUBLIC'],
    ['127.0.0.1', 'NON_PUBLIC'],
    ['169.254.1.1', 'NON_PUBLIC'],
    ['0.1.2.3', 'NON_PUBLIC'],
    ['224.0.0.1', 'NON_PUBLIC'],
    ['240.0.0.1', 'NON_PUBLIC'],
    ['255.255.255.255', 'NON_PUBLIC'],
    ['0.0.0.0/0', 'NON_PUBLIC'],
    ['8.0.0.0/5', 'NON_PUBLIC'],
    ['::1', 'NON_PUBLIC'],
    ['::', 'NON_PUBLIC'],
    ['::/0', 'NON_PUBLIC'],
    ['fc00::1', 'NON_PUBLIC'],
    ['fd12:3456::/32', 'NON_PUBLIC'],
    ['fe80::1', 'NON_PUBLIC'],
    ['ff02::1', 'NON_PUBLIC'],
    ['::ffff:10.0.0.1', 'NON_PUBLIC'],
    ['::fffe:0:0/95', 'NON_PUBLIC'],
    ['::ffff:0:0/95', 'HOST_BITS_SET'],
  ])('%j -> %s', (text, reason) => {
    const result = parseIpEntry(text, PUBLIC);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toBe(reason);
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it('suggests the network when host bits are set', () => {
    const result = parseIpEntry('10.0.0.1/24', PRIVATE_OK);
    expect(result).toMatchObject({ ok: false, reason: 'HOST_BITS_SET' });
    if (!result.ok) expect(result.message).toContain('"10.0.0.0/24"');
  });

  it('names the range a non-public entry overlaps', () => {
    const result = parseIpEntry('192.168.0.0/16', PUBLIC);
    if (result.ok) throw new Error('expected a refusal');
    expect(result.message).toContain('192.168.0.0/16');
  });
});

describe('parseIpEntry with allowPrivate', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['::/0', '::/0'],
    ['::1', '::1'],
    ['fe80::/10', 'fe80::/10'],
    ['::ffff:192.168.1.1', '192.168.1.1'],
    ['::ffff:0.0.0.0/96', '0.0.0.0/0'],
  ])('%s -> %s', (text, canonical) => {
    expect(parseIpEntry(text, PRIVATE_OK)).toEqual({ ok: true, value: canonical });
  });

  it('still refuses malformed entries and host bits', () => {
    expect(parseIpEntry('10.0.0.1/8', PRIVATE_OK)).toMatchObject({ ok: false, reason: 'HOST_BITS_SET' });
    expect(parseIpEntry('10.0.0', PRIVATE_OK)).toMatchObject({ ok: false, reason: 'INVALID' });
  });
});

describe('validateIpList', () => {
  it('canonicalises and de-duplicates', () => {
    expect(
      validateIpList(['8.8.8.8/32', '8.8.8.8', '::ffff:8.8.8.8', '2001:DB8::/32'], {
        allowPrivate: false,
        field: 'allowedIps',
      }),
    ).toEqual({ ok: true, value: ['8.8.8.8', '2001:db8::/32'] });
  });

  it('accepts an empty list', () => {
    expect(validateIpList([], { allowPrivate: false, field: 'deniedIps' })).toEqual({ ok: true, value: [] });
  });

  it('reports every bad entry with its index', () => {
    const result = validateIpList(['8.8.8.8', '10.0.0.1', 'x', '8.8.8.1/24', ' 1.1.1.1'], {
      allowPrivate: false,
      field: 'deniedIps',
    });
    if (result.ok) throw new Error('expected errors');
    expect(result.errors.map((e) => [e.path, e.index, e.rule])).toEqual([
      ['deniedIps[1]', 1, 'NON_PUBLIC'],
      ['deniedIps[2]', 2, 'INVALID'],
      ['deniedIps[3]', 3, 'HOST_BITS_SET'],
      ['deniedIps[4]', 4, 'SPACES'],
    ]);
  });

  it('caps the number of entries', () => {
    const many = Array.from({ length: MAX_IP_ENTRIES + 1 }, (_, i) => `8.8.${Math.floor(i / 256)}.${i % 256}`);
    const result = validateIpList(many, { allowPrivate: false, field: 'allowedIps' });
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'allowedIps', rule: 'MAX_ENTRIES' }] });
    expect(validateIpList(many.slice(1), { allowPrivate: false, field: 'allowedIps' }).ok).toBe(true);
  });
});
