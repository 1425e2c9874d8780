import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, LIST_STATUS_FILTERS, KEY_STATUSES, matchesStatusFilter, statusOf } from '@keyward/domain';
import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { OpenedSqlite } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { ORG, T0 } from '../../../test/harness.ts';
import { BASES, EDGES, listQuery, openStatusKeys } from '../../../test/status-keys.ts';
import { factsOf, type ApiKeyRow } from './api-key-row.ts';
import { countByComplement, countOfOrganization } from './api-key-count.repository.ts';
import { countQueries, listKeys, pageQuery } from './api-key-list.repository.ts';
import { filterForms } from './api-key-status.sql.ts';
import { segmentQuery, statusCounts, statusesOf, statusOrderedIds } from './api-key-status-order.ts';
import { statusSegments } from './api-key-status-segments.sql.ts';

// The SQL translation of the status filters must agree with statusOf for every key and instant,
// especially at the edges (exactly at a deadline, one millisecond before).

let db: OpenedSqlite;
let close: () => Promise<void>;
let rows: ApiKeyRow[];

beforeAll(async () => {
  ({ db, rows, close } = await openStatusKeys());
});
afterAll(() => close());

const eb = expressionBuilder<Database, 'api_keys'>();

async function idsWhere(predicate: Expression<SqlBool>): Promise<string[]> {
  const rows = await db.db
    .selectFrom('api_keys')
    .select('id')
    .where('organization_id', '=', ORG)
    .where(predicate)
    .execute();
  return rows.map((r) => r.id).sort();
}

const planOf = (query: { compile: () => { sql: string; parameters: readonly unknown[] } }): string => {
  const { sql, parameters } = query.compile();
  return (db.sqlite.prepare(`explain query plan ${sql}`).all(...parameters) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');
};

/** Every edge of every base, as seen from both sides. */
const INSTANTS = BASES.flatMap((b) => EDGES.map((e) => b + e)).concat(BASES.map((b) => b + 400 * DAY_MS));

describe('status filters in SQL', () => {
  it('cover the statuses of the generated keys', () => {
    const seen = new Set(INSTANTS.flatMap((now) => rows.map((r) => statusOf(factsOf(r), now).status)));
    expect([...seen].sort()).toEqual([...KEY_STATUSES].sort());
  });

  it.each(LIST_STATUS_FILTERS)(
    '%s selects exactly the keys statusOf + matchesStatusFilter select, at every instant',
    async (filter) => {
      for (const now of INSTANTS) {
        const expected = rows
          .filter((r) => {
            const facts = factsOf(r);
            return matchesStatusFilter(statusOf(facts, now), facts.exposure !== null, filter);
          })
          .map((r) => r.id);
        const at = `${filter} at ${new Date(now).toISOString()}`;
        const forms = filterForms(eb, filter, now);
        for (const [form, predicate] of [
          ['dense', forms.dense],
          ['sparse', forms.sparse ?? forms.dense],
        ] as const) {
          expect(await idsWhere(predicate), `${at} (${form})`).toEqual(expected);
        }
        const parts = await Promise.all(forms.count.map(idsWhere));
        expect(parts.flat().sort(), `${at} (count parts)`).toEqual(expected);
        const { rows: found, total } = await listKeys(db.db, listQuery(now, { status: filter }));
        expect(found.map((r) => r.id).sort(), at).toEqual(expected);
        const page = await listKeys(db.db, listQuery(now, { status: filter, page: { offset: 0, limit: 10 } }));
        expect(page.total, at).toBe(expected.length);
        expect(page.rows.map((r) => r.id)).toEqual(found.slice(0, 10).map((r) => r.id));
        void total;
      }
    },
  );

  it('sorting by status follows statusOf', async () => {
    for (const now of INSTANTS.slice(0, 12)) {
      const { rows: sorted } = await listKeys(db.db, listQuery(now, { sortBy: 'status' }));
      const ranks = sorted.map((r) => KEY_STATUSES.indexOf(statusOf(factsOf(r), now).status));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
  });

  it.each(LIST_STATUS_FILTERS)(
    '%s: counts by index ranges; a dense page walks a covering sort index; a sparse page reads a range',
    (filter) => {
      const q = listQuery(T0, { status: filter, sortBy: 'displayName', order: 'desc', page: { offset: 0, limit: 50 } });
      for (const count of countQueries(db.db, q)) {
        expect(planOf(count)).toMatch(
          /COVERING INDEX api_keys_(status_idx \(organization_id=\? AND <expr>|exposure_idx \(organization_id=\? AND exposure_json>\?)/,
        );
      }
      const dense = planOf(pageQuery(db.db, q, 'dense'));
      expect(dense).toMatch(/COVERING INDEX api_keys_list_name_idx/);
      expect(dense).not.toMatch(/TEMP B-TREE/);
      expect(planOf(pageQuery(db.db, q, 'sparse'))).toMatch(
        /INDEX api_keys_(status_idx \(organization_id=\? AND <expr>|exposure_idx \(organization_id=\? AND exposure_json>\?)/,
      );
    },
  );

  it('searches text from the trigram index, and reads the few matches from it for a page', () => {
    const q = listQuery(T0, { text: 'key 12', page: { offset: 0, limit: 50 } });
    const [count] = countQueries(db.db, q);
    expect(planOf(count as never)).toMatch(/VIRTUAL TABLE INDEX/);
    const sparse = planOf(pageQuery(db.db, q, 'sparse'));
    expect(sparse).toMatch(/sqlite_autoindex_api_keys_1 \(id=\?\)/);
  });

  it('counts ACTIVE and DEACTIVATED by whichever side is small, leaving other organizations out', async () => {
    for (const now of INSTANTS.slice(0, 6)) {
      for (const filter of ['ACTIVE', 'DEACTIVATED'] as const) {
        const forms = filterForms(eb, filter, now);
        const expected = (await idsWhere(forms.dense)).length;
        for (const small of [0, 10, expected, 10_000]) {
          expect(
            await countByComplement(
              db.db,
              ORG,
              forms.count[0] as Expression<SqlBool>,
              forms.complement as Expression<SqlBool>,
              small,
            ),
          ).toBe(expected);
        }
      }
    }
    expect(await countOfOrganization(db.db, ORG)).toBe(rows.length);
  });

  it('pages with a total of every match', async () => {
    const now = T0;
    const all = await listKeys(db.db, listQuery(now, { status: 'DEACTIVATED' }));
    const page = await listKeys(db.db, listQuery(now, { status: 'DEACTIVATED', page: { offset: 10, limit: 5 } }));
    expect(page.total).toBe(all.total);
    expect(page.rows.map((r) => r.id)).toEqual(all.rows.slice(10, 15).map((r) => r.id));
  });
});

describe('sorting by status, segment by segment', () => {
  const rankAt = (row: ApiKeyRow, now: number) => KEY_STATUSES.indexOf(statusOf(factsOf(row), now).status);
  const orderAt = (now: number, order: 'asc' | 'desc', keep: (row: ApiKeyRow) => boolean = () => true) => {
    const sign = order === 'asc' ? 1 : -1;
    return rows
      .filter(keep)
      .map((r) => ({ id: r.id, rank: rankAt(r, now) }))
      .sort((a, b) => sign * (a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
      .map((r) => r.id);
  };
  const inOrganization = eb('organization_id', '=', ORG);

  it('each status is one segment, in both its forms, at every instant', async () => {
    for (const now of INSTANTS) {
      for (const segment of statusSegments(eb, now, inOrganization)) {
        const expected = rows
          .filter((r) => statusOf(factsOf(r), now).status === segment.status)
          .map((r) => r.id)
          .sort();
        const at = `${segment.status} at ${new Date(now).toISOString()}`;
        expect(await idsWhere(segment.dense), `${at} (dense)`).toEqual(expected);
        expect(await idsWhere(segment.sparse), `${at} (sparse)`).toEqual(expected);
        if (segment.derived) {
          const enabled = new Set(rows.filter((r) => r.enabled === 1).map((r) => r.id));
          expect(await idsWhere(segment.derived), `${at} (derived)`).toEqual(expected.filter((id) => enabled.has(id)));
        }
      }
    }
  });

  it('counts every status as statusOf does, remembered across instants and writes', async () => {
    const check = async (now: number, keys: readonly ApiKeyRow[]) => {
      const expected: Record<string, number> = Object.fromEntries(KEY_STATUSES.map((s) => [s, 0]));
      for (const r of keys) {
        const status = statusOf(factsOf(r), now).status;
        expected[status] = (expected[status] ?? 0) + 1;
      }
      expect(await statusCounts(db.db, ORG, now), new Date(now).toISOString()).toEqual(expected);
    };
    const instants = [...INSTANTS].sort((a, b) => a - b);
    for (const now of [...instants, ...instants.slice(0, 5).reverse()]) await check(now, rows);
    // A write (a key deactivated, then back as it was) is seen at once.
    const [first, ...others] = rows as [ApiKeyRow, ...ApiKeyRow[]];
    const set = (row: ApiKeyRow) =>
      db.db
        .updateTable('api_keys')
        .set({ enabled: row.enabled, disabled_reason: row.disabled_reason })
        .where('id', '=', row.id)
        .execute();
    const changed = { ...first, enabled: 0, disabled_reason: 'INACTIVITY' };
    await set(changed);
    for (const now of instants.slice(0, 3)) await check(now, [changed, ...others]);
    await set(first);
    for (const now of instants.slice(0, 3)) await check(now, rows);
  });

  it('a page is the slice of the whole order, ascending and descending, walked or read from ranges', async () => {
    const pages = [
      { offset: 0, limit: 10 },
      { offset: 7, limit: 50 },
      { offset: 333, limit: 300 },
      { offset: 880, limit: 50 },
      { offset: 950, limit: 5 },
    ];
    for (const now of INSTANTS.filter((_, i) => i % 3 === 0)) {
      for (const order of ['asc', 'desc'] as const) {
        const expected = orderAt(now, order);
        for (const sparseLimit of [0, 5000]) {
          for (const page of pages) {
            const q = { organizationId: ORG, now, order, narrowing: [], statuses: KEY_STATUSES };
            const at = `${order} ${JSON.stringify(page)} at ${new Date(now).toISOString()}, sparse up to ${sparseLimit}`;
            expect(await statusOrderedIds(db.db, q, page, sparseLimit), at).toEqual(
              expected.slice(page.offset, page.offset + page.limit),
            );
          }
        }
        const listed = await listKeys(
          db.db,
          listQuery(now, { sortBy: 'status', order, page: { offset: 40, limit: 60 } }),
        );
        expect(listed.rows.map((r) => r.id)).toEqual(expected.slice(40, 100));
      }
    }
  });

  it.each(LIST_STATUS_FILTERS)('%s: a page sorted by status keeps the filter', async (filter) => {
    for (const now of INSTANTS.filter((_, i) => i % 5 === 0)) {
      const keep = (r: ApiKeyRow) => {
        const facts = factsOf(r);
        return matchesStatusFilter(statusOf(facts, now), facts.exposure !== null, filter);
      };
      const { statuses, exact } = statusesOf(filter);
      const narrowing = exact ? [] : [filterForms(eb, filter, now).dense];
      for (const order of ['asc', 'desc'] as const) {
        const expected = orderAt(now, order, keep);
        for (const sparseLimit of [0, 5000]) {
          const q = { organizationId: ORG, now, order, narrowing, statuses };
          expect(await statusOrderedIds(db.db, q, { offset: 3, limit: 40 }, sparseLimit)).toEqual(
            expected.slice(3, 43),
          );
        }
      }
    }
  });

  it('walks api_keys_status_order_idx for a segment of many keys, and reads index ranges for a few', () => {
    const sparseIndex: Record<string, RegExp> = {
      ENABLED: /api_keys_status_idx \(organization_id=\? AND <expr>>\?\)/,
      SOON_TO_BE_EXPIRED: /api_keys_status_idx \(organization_id=\? AND <expr>>\? AND <expr><\?\)/,
      EXPIRED: /api_keys_list_expiration_idx \(organization_id=\? AND expiration_date<\?\)/,
      SOON_TO_BE_DISABLED: /api_keys_status_idx \(organization_id=\? AND <expr>>\? AND <expr><\?\)/,
      DISABLED_FOR_INACTIVITY:
        /MULTI-INDEX OR.*api_keys_status_idx \(organization_id=\? AND <expr>=\? AND enabled=\? AND disabled_reason=\?\).*api_keys_status_idx \(organization_id=\? AND <expr>>\? AND <expr><\?\)/,
      DISABLED_EXPOSED:
        /MULTI-INDEX OR.*api_keys_status_idx \(organization_id=\? AND <expr>=\? AND enabled=\? AND disabled_reason=\?\).*api_keys_exposure_idx \(organization_id=\? AND exposure_json>\?\)/,
      DISABLED:
        /MULTI-INDEX OR.*api_keys_status_idx \(organization_id=\? AND <expr>=\? AND enabled=\?\).*api_keys_scheduled_idx \(organization_id=\? AND scheduled_deactivation_date<\?\)/,
    };
    for (const order of ['asc', 'desc'] as const) {
      for (const segment of statusSegments(eb, T0, inOrganization)) {
        const q = { order, narrowing: [] };
        const dense = planOf(segmentQuery(db.db, q, segment, 'dense', inOrganization).limit(50).offset(100));
        expect(dense, segment.status).toMatch(
          /^SEARCH api_keys USING COVERING INDEX api_keys_status_order_idx \(organization_id=\?\)$/,
        );
        const sparse = planOf(segmentQuery(db.db, q, segment, 'sparse', inOrganization).limit(50));
        expect(sparse, segment.status).toMatch(sparseIndex[segment.status] as RegExp);
        expect(sparse, segment.status).not.toMatch(/SCAN api_keys/);
      }
    }
  });
});

it('finds the key a key replaced from api_keys_rotated_to_idx, not by walking the organization', () => {
  const plan = planOf(
    db.db.selectFrom('api_keys').select('id').where('rotated_to_key_id', '=', 'k1').where('organization_id', '=', ORG),
  );
  expect(plan).toBe('SEARCH api_keys USING INDEX api_keys_rotated_to_idx (rotated_to_key_id=?)');
});
