import { VerifyRequestSchema } from '@keyward/contract';
import { describe, expect, it } from 'vitest';
import { plainVerifyRequest } from './verify-request.ts';

// The hand-written check must never accept what the contract's schema would refuse or change.
const strings = ['', 'x', 'k'.repeat(200), 'k'.repeat(201), 'i'.repeat(100), 'i'.repeat(101), '203.0.113.1'];
const values: unknown[] = [undefined, null, 0, 1.5, true, false, [], {}, ...strings, ['a'], { a: 1 }];
const privileges: unknown[] = [
  { owner: 'PLATFORM', targetDomain: 'SOURCE' },
  { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW', targetId: 'a' },
  { owner: 'SEARCH_API', targetDomain: 'EXECUTE_QUERY', type: null, targetId: null, targetIds: null, global: null },
  { owner: 'PLATFORM', targetDomain: 'SOURCE', targetIds: ['a', 'b'], global: false },
  { owner: 'PLATFORM', targetDomain: '' },
  { owner: 'NOPE', targetDomain: 'SOURCE' },
  { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'DELETE' },
  { owner: 'PLATFORM', targetDomain: 'SOURCE', targetIds: [1] },
  { owner: 'PLATFORM', targetDomain: 'SOURCE', targetIds: 'a' },
  { owner: 'PLATFORM', targetDomain: 'SOURCE', global: 'yes' },
  { owner: 'PLATFORM', targetDomain: 'SOURCE', extra: 1 },
  { owner: 'PLATFORM', targetDomain: 5 },
  null,
  [],
  'PLATFORM/SOURCE',
];

function* requests(): Generator<unknown> {
  yield* values;
  const base = { key: 'kwprv_abc' };
  yield base;
  for (const field of ['key', 'ip', 'origin', 'searchHub', 'extra']) {
    for (const v of values) yield { ...base, [field]: v };
  }
  yield { ...base, origin: 'o'.repeat(2000) };
  yield { ...base, origin: 'o'.repeat(2001) };
  yield { ...base, searchHub: 'h'.repeat(255) };
  yield { ...base, searchHub: 'h'.repeat(256) };
  for (const p of privileges) {
    yield { ...base, privileges: [p] };
    yield { ...base, privileges: [privileges[0], p] };
  }
  yield { ...base, privileges: Array.from({ length: 100 }, () => privileges[0]) };
  yield { ...base, privileges: Array.from({ length: 101 }, () => privileges[0]) };
  for (const v of values) yield { ...base, privileges: v };
  yield JSON.parse('{"key":"kwprv_abc","__proto__":{"x":1}}');
  yield JSON.parse('{"key":"kwprv_abc","privileges":[{"owner":"PLATFORM","targetDomain":"S","__proto__":{}}]}');
}

describe('plainVerifyRequest', () => {
  it('accepts only what VerifyRequestSchema accepts unchanged', () => {
    let accepted = 0;
    for (const value of requests()) {
      const plain = plainVerifyRequest(value);
      const parsed = VerifyRequestSchema.safeParse(value);
      if (plain !== null) {
        accepted += 1;
        expect(parsed.success, JSON.stringify(value)).toBe(true);
        expect(parsed.data, JSON.stringify(value)).toEqual(value);
      }
    }
    expect(accepted).toBeGreaterThan(20);
  });

  it('takes the common shapes itself (the schema is only for the unusual and the wrong)', () => {
    for (const value of [
      { key: 'kwprv_abc' },
      { key: 'kwprv_abc', ip: '203.0.113.1', origin: 'https://a.example', searchHub: 'main' },
      { key: 'kwprv_abc', ip: null, privileges: [privileges[1], privileges[2], privileges[3]] },
    ])
      expect(plainVerifyRequest(value)).toBe(value);
  });
});
