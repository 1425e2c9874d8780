import { describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { refetchDelayFor } from './get-api-key.ts';

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const keyWith = (timeline: Pick<ApiKey['timeline'], 'next'>): ApiKey =>
  ({ timeline: { ended: null, soon: false, ...timeline } }) as unknown as ApiKey;

describe('refetchDelayFor: the key page reads the key again once its next event has come', () => {
  it.each<[string, ApiKey | undefined, number | false]>([
    ['not loaded yet', undefined, false],
    ['nothing ahead (deactivated)', keyWith({ next: null }), false],
    ['in an hour: just after it', keyWith({ next: { kind: 'ROTATION', date: NOW + 3_600_000 } }), 3_602_000],
    [
      'in a year: at the timer ceiling',
      keyWith({ next: { kind: 'INACTIVITY', date: NOW + 365 * 86_400_000 } }),
      2 ** 31 - 1,
    ],
    [
      'already past for this browser: every 30 s, not a loop',
      keyWith({ next: { kind: 'EXPOSURE', date: NOW - 1 } }),
      30_000,
    ],
    ['exactly now', keyWith({ next: { kind: 'EXPIRES', date: NOW } }), 30_000],
  ])('%s', (_, key, delay) => {
    expect(refetchDelayFor(key, NOW)).toBe(delay);
  });
});
