import { describe, expect, it } from 'vitest';
import { ipEntryProblem, ipListSummary } from './ip-entries.ts';
import { ruleErrors } from './wizard-resolver.ts';

describe('ipEntryProblem: each entry on its own, with the server rule', () => {
  it.each([
    ['104.1.1.0/24', null],
    ['2001:db8::1', null],
    ['999.1.1.1', 'Not an IPv4 or IPv6 address or CIDR range.'],
    ['10.0.0.1', /^Overlaps 10\.0\.0\.0\/8 .*private and reserved ranges can't be used for API keys\.$/],
    ['192.168.1.0/24', /private and reserved ranges can't be used/],
    ['::1', /private and reserved ranges can't be used/],
    ['104.1.1.7/24', 'Not the start of a range: did you mean 104.1.1.0/24?'],
    ['104.1.1.1 ', 'Remove the spaces.'],
  ])('%s', (entry, expected) => {
    const problem = ipEntryProblem(entry, false);
    if (expected === null) expect(problem).toBeNull();
    else if (typeof expected === 'string') expect(problem).toBe(expected);
    else expect(problem).toMatch(expected);
  });

  it('accepts private ranges when the server allows them (KEYWARD_ALLOW_PRIVATE_IPS)', () => {
    expect(ipEntryProblem('10.0.0.1', true)).toBeNull();
    expect(ipEntryProblem('999.1.1.1', true)).not.toBeNull();
  });

  it('never repeats the entry inside its own message (the chip shows it)', () => {
    expect(ipEntryProblem('10.0.0.1', false)).not.toContain('"10.0.0.1"');
  });
});

describe('ruleErrors: the list says how many entries are wrong, each chip says why', () => {
  it('replaces per-entry messages by one count per list', () => {
    const errors = ruleErrors([
      { path: 'allowedIps[0]', rule: 'NON_PUBLIC', message: '"10.0.0.1" overlaps…' },
      { path: 'allowedIps[1]', rule: 'INVALID', message: '"999.1.1.1" is not…' },
      { path: 'deniedIps[0]', rule: 'INVALID', message: '"x" is not…' },
      { path: 'displayName', rule: 'REQUIRED', message: 'A name is required.' },
    ]);
    expect(errors).toEqual([
      { field: 'displayName', type: 'REQUIRED', message: 'A name is required.' },
      { field: 'allowedIps', type: 'INVALID_ENTRY', message: ipListSummary(2) },
      { field: 'deniedIps', type: 'INVALID_ENTRY', message: ipListSummary(1) },
    ]);
  });

  it('keeps a message about the whole list (too many entries) as it is', () => {
    const errors = ruleErrors([
      { path: 'allowedIps', rule: 'MAX_ENTRIES', message: 'At most 500 entries are allowed.' },
    ]);
    expect(errors).toEqual([{ field: 'allowedIps', type: 'MAX_ENTRIES', message: 'At most 500 entries are allowed.' }]);
  });

  it('speaks of one or of several entries', () => {
    expect(ipListSummary(1)).toBe('1 entry is not valid: fix or remove it (it is marked below).');
    expect(ipListSummary(3)).toBe('3 entries are not valid: fix or remove them (they are marked below).');
  });
});
