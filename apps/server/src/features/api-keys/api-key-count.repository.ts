import { expressionBuilder, sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';

// Counting the keys of a list. A count visits every matching index entry, so the large counts of
// an organization are derived from small ones: count(*) of a whole table is answered from its
// pages, and the other organizations' keys are two index ranges (empty when there is one).

const eb = expressionBuilder<Database, 'api_keys'>();

export async function countWhere(db: Db, predicate: Expression<SqlBool>): Promise<number> {
  const { n } = await db
    .selectFrom('api_keys')
    .select(eb.fn.countAll<number>().as('n'))
    .where(predicate)
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** At most `cap` + 1: enough to know whether the exact count is small. */
async function countUpTo(db: Db, predicate: Expression<SqlBool>, cap: number): Promise<number> {
  const capped = db
    .selectFrom('api_keys')
    .select(sql.lit(1).as('one'))
    .where(predicate)
    .limit(cap + 1)
    .as('capped');
  const { n } = await db
    .selectFrom(capped)
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/** The keys of one organization: the table's count minus the other organizations' keys. */
export async function countOfOrganization(db: Db, organizationId: string): Promise<number> {
  const { n } = await db.selectFrom('api_keys').select(eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const before = await countWhere(db, eb('organization_id', '<', organizationId));
  const after = await countWhere(db, eb('organization_id', '>', organizationId));
  return Number(n) - before - after;
}

/** A count of up to this many index entries is cheap. */
const SMALL = 5000;

/**
 * The keys of the organization matching a filter whose complement is a range: when either side is
 * small it is counted (e.g. ACTIVE as all keys minus the few deactivated ones); else directly.
 */
export async function countByComplement(
  db: Db,
  organizationId: string,
  filter: Expression<SqlBool>,
  complement: Expression<SqlBool>,
  small = SMALL,
): Promise<number> {
  const inOrganization = eb('organization_id', '=', organizationId);
  const direct = await countUpTo(db, eb.and([inOrganization, filter]), small);
  if (direct <= small) return direct;
  const left = await countUpTo(db, eb.and([inOrganization, complement]), small);
  if (left <= small) return (await countOfOrganization(db, organizationId)) - left;
  return countWhere(db, eb.and([inOrganization, filter]));
}
