import type { ApiKeySortBy } from '@keyward/contract';
import type { ListStatusFilter } from '@keyward/domain';
import {
  expressionBuilder,
  sql,
  type Expression,
  type ExpressionBuilder,
  type OrderByDirection,
  type SqlBool,
} from 'kysely';
import type { Db } from '../../db/database.ts';
import { keyTextMatches } from '../../db/key-search.ts';
import type { Database } from '../../db/schema.ts';
import type { ApiKeyRow } from './api-key-row.ts';
import { countByComplement } from './api-key-count.repository.ts';
import { cachedOrganizationCount, cachedStatusCount } from './api-key-status-count.cache.ts';
import { filterForms, statusRank } from './api-key-status.sql.ts';
import { rememberedOrder, type FewOrMany } from './api-key-list-order.cache.ts';
import { statusesOf, statusOrderedIds } from './api-key-status-order.ts';

export interface KeyListQuery {
  organizationId: string;
  now: number;
  status: ListStatusFilter | null;
  text: string | null;
  /** null: every template; else only keys made from this one (`apiKeyTemplateId`). */
  templateId?: string | null;
  /** null: every key; else only keys granted to one of these (CUSTOM) groups. */
  visibleToGroups: readonly string[] | null;
  sortBy: ApiKeySortBy;
  order: OrderByDirection;
  /** null: every matching key. */
  page: { offset: number; limit: number } | null;
}

type Eb = ExpressionBuilder<Database, 'api_keys'>;
type Form = 'count' | 'dense' | 'sparse';

/**
 * Up to this many matches, a page is found by sorting the matches (read from a range of the status
 * or exposure index); beyond, by walking a sort index until the page is full.
 */
const SPARSE_LIMIT = 5000;

/** The conditions of the query; for 'count', one list per disjoint part of the status filter. */
function conditions(eb: Eb, q: KeyListQuery, form: Form): Expression<SqlBool>[][] {
  const inOrganization = eb('organization_id', '=', q.organizationId);
  const forms = q.status === null ? null : filterForms(eb, q.status, q.now, inOrganization);
  // A sparse page is read from the index of its own condition (a status range, or the text index,
  // both of which check the organization); counts and dense pages keep the organization's indexes.
  const scope =
    q.text !== null
      ? [keyTextMatches(q.organizationId, q.text)]
      : forms?.sparse && form === 'sparse'
        ? []
        : [inOrganization];
  const common = [...scope, ...(form === 'dense' && q.text !== null ? [inOrganization] : []), ...narrowing(eb, q)];
  if (!forms) return [common];
  if (form === 'count') return forms.count.map((part) => [...common, part]);
  return [[...common, form === 'sparse' && forms.sparse ? forms.sparse : forms.dense]];
}

/** Conditions beyond status and text: the caller's visibility and the template filter. */
function narrowing(eb: Eb, q: KeyListQuery): Expression<SqlBool>[] {
  const template = q.templateId ? [eb('template_id', '=', q.templateId)] : [];
  return [...visibility(eb, q), ...template];
}

/** For callers whose groups see only the keys granted to them (CUSTOM access). */
function visibility(eb: Eb, q: KeyListQuery): Expression<SqlBool>[] {
  if (q.visibleToGroups === null) return [];
  const groups = q.visibleToGroups.length > 0 ? [...q.visibleToGroups] : [''];
  const granted = eb
    .selectFrom('api_key_grants')
    .select('api_key_grants.api_key_id')
    .whereRef('api_key_grants.api_key_id', '=', 'api_keys.id');
  return [eb.exists(granted.where('api_key_grants.group_id', 'in', groups))];
}

/** The sort; `indexed: false` spells it so that no index provides it (the planner then sorts the few matches). */
function sortKey(eb: Eb, q: KeyListQuery, indexed: boolean) {
  switch (q.sortBy) {
    case 'displayName':
      // The domain's nameSortKey, compared bytewise on both engines: the same order everywhere.
      return indexed ? eb.ref('name_sort') : sql`${sql.ref('name_sort')} || ''`;
    case 'createdDate':
      return indexed ? eb.ref('created_date') : sql`${sql.ref('created_date')} + 0`;
    case 'lastUsedDate':
      return indexed ? eb.ref('last_used_date') : sql`coalesce(${sql.ref('last_used_date')}, -1)`;
    case 'expirationDate':
      return indexed ? eb.ref('expiration_date') : sql`coalesce(${sql.ref('expiration_date')}, -1)`;
    case 'status':
      return statusRank(eb, q.now);
  }
}

/** The ids of a page, in order (exported for the query-plan tests). */
export function pageQuery(db: Db, q: KeyListQuery, form: 'dense' | 'sparse') {
  const eb = expressionBuilder<Database, 'api_keys'>();
  return db
    .selectFrom('api_keys')
    .select('id')
    .where(eb.and(conditions(eb, q, form)[0] ?? []))
    .orderBy(sortKey(eb, q, form === 'dense'), q.order)
    .orderBy('id', q.order);
}

/** One count per disjoint part of the filter (exported for the query-plan tests). */
export function countQueries(db: Db, q: KeyListQuery) {
  const eb = expressionBuilder<Database, 'api_keys'>();
  return conditions(eb, q, 'count').map((part) =>
    db.selectFrom('api_keys').select(eb.fn.countAll<number>().as('n')).where(eb.and(part)),
  );
}

/** The number of matching keys. */
export async function countKeys(db: Db, q: KeyListQuery): Promise<number> {
  const eb = expressionBuilder<Database, 'api_keys'>();
  if (q.text === null && q.visibleToGroups === null && !q.templateId) {
    if (q.status === null) return cachedOrganizationCount(db, q.organizationId, q.now);
    const forms = filterForms(eb, q.status, q.now);
    const [only] = forms.count;
    const { complement } = forms;
    if (complement && only && forms.count.length === 1) {
      const count = () => countByComplement(db, q.organizationId, only, complement);
      return cachedStatusCount(db, { organizationId: q.organizationId, filter: q.status }, q.now, count);
    }
  }
  let total = 0;
  for (const count of countQueries(db, q)) total += Number((await count.executeTakeFirstOrThrow()).n);
  return total;
}

/**
 * Few matches are read from an index range (a status range, or the text index) and sorted; many
 * are found by walking a sort index.
 */
function formFor(q: KeyListQuery, total: number): 'dense' | 'sparse' {
  if (total > SPARSE_LIMIT) return 'dense';
  if (q.text !== null) return 'sparse';
  if (q.status === null) return 'dense';
  return filterForms(expressionBuilder<Database, 'api_keys'>(), q.status, q.now).sparse === null ? 'dense' : 'sparse';
}

/** One page of keys (or all) and the number of keys matching, filtered and sorted in SQL. */
export async function listKeys(db: Db, q: KeyListQuery): Promise<{ rows: ApiKeyRow[]; total: number }> {
  if (q.page === null) {
    const rows = await pageQuery(db, q, 'dense').selectAll().execute();
    return { rows, total: rows.length };
  }
  const { offset, limit } = q.page;
  const found = await fewMatches(db, q);
  if ('ids' in found)
    return { rows: await rowsById(db, found.ids.slice(offset, offset + limit)), total: found.ids.length };
  const total = found.total ?? (await countKeys(db, q));
  const ids =
    q.sortBy === 'status'
      ? await statusOrderedIds(db, statusOrder(q), q.page)
      : (await pageQuery(db, q, 'dense').limit(limit).offset(offset).execute()).map((r) => r.id);
  return { rows: await rowsById(db, ids), total };
}

/**
 * Every matching id in order when there are few (read from an index range and sorted), else the
 * total when it was counted. Remembered across pages (api-key-list-order.cache.ts), except when
 * sorted by status: that order changes with the time for every key.
 */
function fewMatches(db: Db, q: KeyListQuery): Promise<FewOrMany> {
  if (q.sortBy === 'status') return orderedFew(db, q);
  const key = JSON.stringify([
    q.organizationId,
    q.status,
    q.text,
    q.templateId ?? null,
    q.visibleToGroups,
    q.sortBy,
    q.order,
  ]);
  return rememberedOrder(db, { key, now: q.now, timed: q.status !== null, organizationId: q.organizationId }, () =>
    orderedFew(db, q),
  );
}

async function orderedFew(db: Db, q: KeyListQuery): Promise<FewOrMany> {
  if (q.text !== null) {
    // The text index is read once: with few matches, they are all sorted.
    const found = await db
      .selectFrom('api_keys')
      .select('id')
      .where(keyTextMatches(q.organizationId, q.text))
      .limit(SPARSE_LIMIT + 1)
      .execute();
    if (found.length > SPARSE_LIMIT) return { total: null };
    return {
      ids: await sortedAmong(
        db,
        q,
        found.map((r) => r.id),
      ),
    };
  }
  const total = await countKeys(db, q);
  if (formFor(q, total) === 'dense') return { total };
  return { ids: (await pageQuery(db, q, 'sparse').execute()).map((r) => r.id) };
}

/** Sorting many keys by status: segment by segment (api-key-status-order.ts). */
function statusOrder(q: KeyListQuery) {
  const eb = expressionBuilder<Database, 'api_keys'>();
  const { statuses, exact } = statusesOf(q.status);
  const filter = q.status !== null && !exact ? [filterForms(eb, q.status, q.now).dense] : [];
  const text = q.text !== null ? [keyTextMatches(q.organizationId, q.text)] : [];
  const narrowingOf = [...text, ...narrowing(eb, q), ...filter];
  return { organizationId: q.organizationId, now: q.now, order: q.order, narrowing: narrowingOf, statuses };
}

/** Among a few candidate keys (of the organization) that may still fail the other conditions, the matching ones in order. */
async function sortedAmong(db: Db, q: KeyListQuery, candidates: string[]): Promise<string[]> {
  if (candidates.length === 0) return [];
  const eb = expressionBuilder<Database, 'api_keys'>();
  const status = q.status === null ? [] : [filterForms(eb, q.status, q.now).dense];
  const sorted = await db
    .selectFrom('api_keys')
    .select('id')
    .where(eb.and([eb('id', 'in', candidates), ...narrowing(eb, q), ...status]))
    .orderBy(sortKey(eb, q, false), q.order)
    .orderBy('id', q.order)
    .execute();
  return sorted.map((r) => r.id);
}

async function rowsById(db: Db, ids: readonly string[]): Promise<ApiKeyRow[]> {
  if (ids.length === 0) return [];
  const byId = new Map(
    (
      await db
        .selectFrom('api_keys')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute()
    ).map((r) => [r.id, r]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
