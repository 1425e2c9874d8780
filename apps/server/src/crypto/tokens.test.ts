import { describe, expect, it } from 'vitest';
import { randomBytes } from './tokens.ts';

describe('randomBytes (pooled)', () => {
  it('hands out the length asked, fresh bytes each time, across refills of the pool', () => {
    const seen = new Set<string>();
    let total = 0;
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 5000; i += 1) {
      const n = 1 + (i % 64);
      const bytes = randomBytes(n);
      expect(bytes.length).toBe(n);
      if (n >= 8) {
        const hex = Buffer.from(bytes).toString('hex');
        expect(seen.has(hex)).toBe(false);
        seen.add(hex);
      }
      for (const b of bytes) counts[b] = (counts[b] ?? 0) + 1;
      total += n;
    }
    expect(total).toBeGreaterThan(4096 * 30);
    // ~640 of each value expected: every value appears, none dominates
    expect(Math.min(...counts)).toBeGreaterThan(400);
    expect(Math.max(...counts)).toBeLessThan(900);
  });

  it('keeps what it handed out when the pool is reused (a copy, not a view)', () => {
    const first = randomBytes(32);
    const copy = Buffer.from(first).toString('hex');
    for (let i = 0; i < 400; i += 1) randomBytes(32);
    expect(Buffer.from(first).toString('hex')).toBe(copy);
  });

  it('asks the generator directly for large amounts', () => {
    expect(randomBytes(4096).length).toBe(4096);
  });
});
