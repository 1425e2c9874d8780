import { describe, expect, it } from 'vitest';
import { compileIpRules, ipVerdict, normalizeAddress } from './ip-rules.ts';

describe('ipVerdict', () => {
  const rules = compileIpRules({
    allowedIps: ['104.1.1.0/24', '8.8.8.8', '2001:db8::/32'],
    deniedIps: ['104.1.1.128/25', '2001:db8:dead::/48'],
  });

  it.each([
    ['104.1.1.0', 'ALLOWED'],
    ['104.1.1.127', 'ALLOWED'],
    ['104.1.1.128', 'DENIED'],
    ['104.1.1.255', 'DENIED'],
    ['104.1.2.1', 'DENIED'],
    ['8.8.8.8', 'ALLOWED'],
    ['8.8.8.9', 'DENIED'],
    ['::ffff:8.8.8.8', 'ALLOWED'],
    ['::ffff:104.1.1.200', 'DENIED'],
    ['2001:db8::1', 'ALLOWED'],
    ['2001:db8:dead::1', 'DENIED'],
    ['2001:db9::1', 'DENIED'],
    ['not-an-ip', 'DENIED'],
    ['', 'DENIED'],
    ['127.1', 'DENIED'],
  ])('%s -> %s', (address, verdict) => {
    expect(ipVerdict(rules, address)).toBe(verdict);
  });

  it.each<[string[], string[], string, 'ALLOWED' | 'DENIED']>([
    [[], [], '1.2.3.4', 'ALLOWED'],
    [[], [], 'garbage', 'ALLOWED'],
    [[], ['1.2.3.4'], '1.2.3.4', 'DENIED'],
    [[], ['1.2.3.4'], '1.2.3.5', 'ALLOWED'],
    [[], ['1.2.3.4'], 'garbage', 'DENIED'],
    [['0.0.0.0/0'], [], '203.0.113.9', 'ALLOWED'],
    [['0.0.0.0/0'], [], '2001:db8::1', 'DENIED'],
    [['::/0'], [], '2001:db8::1', 'ALLOWED'],
    [['1.2.3.4/32'], [], '1.2.3.4', 'ALLOWED'],
    [['1.2.3.4/32'], [], '1.2.3.5', 'DENIED'],
    [['::ffff:1.2.3.4'], [], '1.2.3.4', 'ALLOWED'],
    [['1.2.3.4'], [], '::ffff:1.2.3.4', 'ALLOWED'],
    [['not valid'], [], '1.2.3.4', 'DENIED'],
    [['1.2.3.4'], ['0.0.0.0/0'], '1.2.3.4', 'DENIED'],
    [['fe80::/10'], [], 'fe80::1%eth0', 'ALLOWED'],
  ])('allowed %j denied %j: %s -> %s', (allowedIps, deniedIps, address, verdict) => {
    expect(ipVerdict(compileIpRules({ allowedIps, deniedIps }), address)).toBe(verdict);
  });
});

describe('normalizeAddress', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['::ffff:1.2.3.4', '1.2.3.4'],
    ['2001:DB8:0::1', '2001:db8::1'],
    ['nope', null],
  ])('%s -> %s', (address, expected) => {
    expect(normalizeAddress(address)).toBe(expected);
  });
});
