import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DAY_MS, LIST_STATUS_FILTERS, matchesStatusFilter, statusOf, type ListStatusFilter } from '@keyward/domain';
import type { ApiKeySortBy } from '@keyward/contract';
import type { OpenedSqlite } from '../../db/database.ts';
import { ORG } from '../../../test/harness.ts';
import { BASES, EDGES, listQuery, openStatusKeys } from '../../../test/status-keys.ts';
import { factsOf, type ApiKeyRow } from './api-key-row.ts';
import { listKeys } from './api-key-list.repository.ts';
import { nextMembershipChange, rememberedOrder } from './api-key-list-order.cache.ts';

// The ordered ids of a list with few matches are remembered across pages. They must never be
// served once a write or the passing of time could have changed them.

let db: OpenedSqlite;
let close: () => Promise<void>;
let rows: ApiKeyRow[];

beforeAll(async () => {
  ({ db, rows, close } = await openStatusKeys());
});
afterAll(() => close());

/** Every instant at which statusOf could change for a key: each stored date, at each window's edges. */
function candidateInstants(row: ApiKeyRow): number[] {
  const dates = [
    row.expiration_date,
    row.inactivity_deadline,
    row.exposure_deactivation_date,
    row.scheduled_deactivation_date,
  ].filter((d): d is number => d !== null);
  const shifts = [-30 * DAY_MS, -7 * DAY_MS, 0, 1000];
  return dates.flatMap((d) => shifts.flatMap((s) => [d + s - 1, d + s, d + s + 1]));
}

const membership = (now: number) =>
  LIST_STATUS_FILTERS.map((filter) =>
    rows
      .filter((r) => {
        const facts = factsOf(r);
        return matchesStatusFilter(statusOf(facts, now), facts.exposure !== null, filter);
      })
      .map((r) => r.id)
      .join(','),
  );

const INSTANTS = [...new Set(BASES.flatMap((b) => EDGES.map((e) => b + e)))].sort((a, b) => a - b);
const T = (i: number) => INSTANTS[i] as number;

describe('nextMembershipChange', () => {
  it('is after now, and no key enters or leaves a status filter before it', async () => {
    const candidates = [...new Set(rows.flatMap(candidateInstants))].sort((a, b) => a - b);
    for (const now of [...INSTANTS, ...INSTANTS.map((t) => t + 3 * DAY_MS)]) {
      const next = await nextMembershipChange(db.db, ORG, now);
      expect(next).toBeGreaterThan(now);
      expect(next).toBeLessThanOrEqual(now + DAY_MS);
      const at = membership(now);
      for (const t of candidates.filter((c) => c > now && c < next)) {
        expect(membership(t), `from ${now} to ${t} (next ${next})`).toEqual(at);
      }
    }
  });

  it('is the exact instant when a filter changes within the day', async () => {
    // Some instant of INSTANTS is followed by a change less than a day later: it must be found.
    let exact = 0;
    for (const now of INSTANTS) {
      const next = await nextMembershipChange(db.db, ORG, now);
      if (next < now + DAY_MS) {
        expect(membership(next), `at ${next}`).not.toEqual(membership(next - 1));
        exact += 1;
      }
    }
    expect(exact).toBeGreaterThan(0);
  });
});

describe('rememberedOrder', () => {
  const source = (now: number, timed = true) => ({ key: 'k', now, timed, organizationId: ORG });

  it('computes again after a write, when time passes a change, and when the clock goes back', async () => {
    const now = T(0);
    const compute = vi.fn(() => Promise.resolve({ ids: ['a', 'b'] }));
    const next = await nextMembershipChange(db.db, ORG, now);
    expect(await rememberedOrder(db.db, source(now), compute)).toEqual({ ids: ['a', 'b'] });
    await rememberedOrder(db.db, source(now), compute);
    await rememberedOrder(db.db, source(next - 1), compute);
    expect(compute).toHaveBeenCalledTimes(1);
    await rememberedOrder(db.db, source(next), compute); // time reached a change
    expect(compute).toHaveBeenCalledTimes(2);
    await rememberedOrder(db.db, source(next - 1), compute); // the clock went back
    expect(compute).toHaveBeenCalledTimes(3);
    await db.db.updateTable('organizations').set({ display_name: 'renamed' }).where('id', '=', ORG).execute();
    await rememberedOrder(db.db, source(next - 1), compute); // a write
    expect(compute).toHaveBeenCalledTimes(4);
    await rememberedOrder(db.db, source(next + 400 * DAY_MS, false), compute);
    expect(compute).toHaveBeenCalledTimes(5); // a new time-independent entry
    await rememberedOrder(db.db, source(next + 800 * DAY_MS, false), compute);
    expect(compute).toHaveBeenCalledTimes(5); // time does not matter to it
  });

  it('does not remember many matches', async () => {
    const compute = vi.fn(() => Promise.resolve({ total: 12_000 }));
    await rememberedOrder(db.db, { ...source(T(0)), key: 'many' }, compute);
    await rememberedOrder(db.db, { ...source(T(0)), key: 'many' }, compute);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});

describe('paged lists', () => {
  const sorts: [ApiKeySortBy, 'asc' | 'desc'][] = [
    ['displayName', 'asc'],
    ['lastUsedDate', 'desc'],
    ['expirationDate', 'asc'],
  ];
  const filters: (ListStatusFilter | null)[] = [...LIST_STATUS_FILTERS, null];

  it('are the pages of the whole list at every instant, as time passes', async () => {
    for (const now of INSTANTS) {
      for (const status of filters) {
        for (const [sortBy, order] of sorts) {
          for (const text of status === null ? ['key 1'] : [null, 'key 1']) {
            const over = { status, sortBy, order, text };
            const all = (await listKeys(db.db, listQuery(now, over))).rows.map((r) => r.id);
            const paged: string[] = [];
            let total = -1;
            for (let offset = 0; offset <= all.length; offset += 40) {
              const page = await listKeys(db.db, listQuery(now, { ...over, page: { offset, limit: 40 } }));
              paged.push(...page.rows.map((r) => r.id));
              total = page.total;
            }
            const at = `${status} ${text} by ${sortBy} at ${now}`;
            expect(paged, at).toEqual(all);
            expect(total, at).toBe(all.length);
          }
        }
      }
    }
  });

  it('show a renamed key on the next page asked for', async () => {
    const now = T(0);
    const q = listQuery(now, { text: 'renamed key', page: { offset: 0, limit: 10 } });
    expect((await listKeys(db.db, q)).total).toBe(0);
    const id = rows[5]?.id as string;
    await db.db.updateTable('api_keys').set({ display_name: 'a renamed key' }).where('id', '=', id).execute();
    const after = await listKeys(db.db, q);
    expect(after.rows.map((r) => r.id)).toEqual([id]);
  });
});
