import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ActivityTable } from '../../db/schema.ts';

export type ActivityRow = Selectable<ActivityTable>;

export async function insertActivity(db: Db, row: Insertable<ActivityTable>): Promise<void> {
  await db.insertInto('activities').values(row).execute();
}

export interface ActivityQuery {
  organizationId: string;
  from: number | null;
  to: number | null;
  resourceTypes: readonly string[];
  resourceIds: readonly string[];
  operations: readonly string[];
  offset: number;
  limit: number;
}

function filtered(db: Db, q: ActivityQuery) {
  let query = db.selectFrom('activities').where('organization_id', '=', q.organizationId);
  if (q.from !== null) query = query.where('create_date', '>=', q.from);
  if (q.to !== null) query = query.where('create_date', '<=', q.to);
  if (q.resourceTypes.length > 0) query = query.where('resource_type', 'in', [...q.resourceTypes]);
  if (q.resourceIds.length > 0) query = query.where('resource_id', 'in', [...q.resourceIds]);
  if (q.operations.length > 0) query = query.where('operation', 'in', [...q.operations]);
  return query;
}

/** Newest first (ties: the later insert first). */
export async function findActivities(db: Db, q: ActivityQuery): Promise<{ rows: ActivityRow[]; total: number }> {
  const rows = await filtered(db, q)
    .selectAll()
    .orderBy('create_date', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  const { total } = await filtered(db, q)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows, total: Number(total) };
}
