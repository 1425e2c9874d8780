import type { ApiKeySortBy } from '@keyward/contract';
import type { ListStatusFilter } from '@keyward/domain';
import type { Expression, ExpressionBuilder, OrderByDirection, SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import { caseInsensitive, containsText } from '../../db/dialect.ts';
import type { Database } from '../../db/schema.ts';
import type { ApiKeyRow } from './api-key.mapper.ts';
import { statusFilterPredicate, statusRank } from './status-sql.ts';

export interface KeyListQuery {
  organizationId: string;
  now: number;
  status: ListStatusFilter | null;
  text: string | null;
  /** null: every key; else only keys granted to one of these (CUSTOM) groups. */
  visibleToGroups: readonly string[] | null;
  sortBy: ApiKeySortBy;
  order: OrderByDirection;
  /** null: every matching key. */
  page: { offset: number; limit: number } | null;
}

type Eb = ExpressionBuilder<Database, 'api_keys'>;

function where(eb: Eb, q: KeyListQuery) {
  const conditions: Expression<SqlBool>[] = [eb('organization_id', '=', q.organizationId)];
  if (q.status !== null) conditions.push(statusFilterPredicate(eb, q.status, q.now));
  if (q.text !== null) {
    conditions.push(eb.or([containsText('display_name', q.text), containsText('description', q.text), containsText('id', q.text)]));
  }
  if (q.visibleToGroups !== null) {
    const groups = q.visibleToGroups.length > 0 ? [...q.visibleToGroups] : [''];
    conditions.push(
      eb.exists(
        eb
          .selectFrom('api_key_grants')
          .select('api_key_grants.api_key_id')
          .whereRef('api_key_grants.api_key_id', '=', 'api_keys.id')
          .where('api_key_grants.group_id', 'in', groups),
      ),
    );
  }
  return eb.and(conditions);
}

function sortKey(eb: Eb, q: KeyListQuery) {
  switch (q.sortBy) {
    case 'displayName':
      return caseInsensitive('display_name');
    case 'createdDate':
      return eb.ref('created_date');
    case 'lastUsedDate':
      return eb.ref('last_used_date');
    case 'expirationDate':
      return eb.ref('expiration_date');
    case 'status':
      return statusRank(eb, q.now);
  }
}

/** One page of keys (or all) and the number of keys matching, filtered and sorted in SQL. */
export async function listKeys(db: Db, q: KeyListQuery): Promise<{ rows: ApiKeyRow[]; total: number }> {
  let query = db
    .selectFrom('api_keys')
    .selectAll()
    .where((eb) => where(eb, q))
    .orderBy((eb) => sortKey(eb, q), q.order)
    .orderBy('id', q.order);
  if (q.page !== null) query = query.limit(q.page.limit).offset(q.page.offset);
  const rows = await query.execute();
  const total =
    q.page === null
      ? rows.length
      : Number(
          (
            await db
              .selectFrom('api_keys')
              .select((eb) => eb.fn.countAll<number>().as('total'))
              .where((eb) => where(eb, q))
              .executeTakeFirstOrThrow()
          ).total,
        );
  return { rows, total };
}
