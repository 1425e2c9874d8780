import { keyIdFrom, type ApiKeyAccess, type Privilege } from '@keyward/domain';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { randomBytes } from '../../crypto/tokens.ts';

export interface GroupRow {
  id: string;
  organization_id: string;
  display_name: string;
  api_key_access: string;
  privileges_json: string;
  built_in: string | null;
  member_count: number;
}

export async function insertGroup(
  db: Db,
  group: {
    organizationId: string;
    displayName: string;
    apiKeyAccess: ApiKeyAccess;
    privileges: readonly Privilege[];
    builtIn?: string | null;
    now: number;
  },
): Promise<string> {
  const id = keyIdFrom(randomBytes);
  await db
    .insertInto('groups')
    .values({
      id,
      organization_id: group.organizationId,
      display_name: group.displayName,
      api_key_access: group.apiKeyAccess,
      privileges_json: JSON.stringify(group.privileges),
      built_in: group.builtIn ?? null,
      created_date: group.now,
    })
    .execute();
  return id;
}

function selectGroups(db: Db, organizationId: string) {
  return db
    .selectFrom('groups as g')
    .select(['g.id', 'g.organization_id', 'g.display_name', 'g.api_key_access', 'g.privileges_json', 'g.built_in'])
    .select((eb) =>
      eb
        .selectFrom('group_members as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .as('member_count'),
    )
    .where('g.organization_id', '=', organizationId);
}

function toRow(r: Omit<GroupRow, 'member_count'> & { member_count: number | null }): GroupRow {
  return { ...r, member_count: Number(r.member_count ?? 0) };
}

export async function listGroups(db: Db, organizationId: string): Promise<GroupRow[]> {
  const rows = await selectGroups(db, organizationId).orderBy('g.created_date').orderBy('g.display_name').execute();
  return rows.map(toRow);
}

export async function findGroup(db: Db, organizationId: string, groupId: string): Promise<GroupRow | undefined> {
  const row = await selectGroups(db, organizationId).where('g.id', '=', groupId).executeTakeFirst();
  return row && toRow(row);
}

export async function findGroupsByIds(db: Db, organizationId: string, ids: readonly string[]): Promise<GroupRow[]> {
  if (ids.length === 0) return [];
  const rows = await selectGroups(db, organizationId).where('g.id', 'in', ids).execute();
  return rows.map(toRow);
}

/** Names are unique per organization regardless of case. */
export async function findGroupIdByName(
  db: Db,
  organizationId: string,
  displayName: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where(sql<string>`lower(display_name)`, '=', displayName.toLowerCase())
    .executeTakeFirst();
  return row?.id;
}

export async function updateGroup(
  db: Db,
  groupId: string,
  changes: { displayName: string; apiKeyAccess: ApiKeyAccess; privileges: readonly Privilege[] },
): Promise<void> {
  await db
    .updateTable('groups')
    .set({
      display_name: changes.displayName,
      api_key_access: changes.apiKeyAccess,
      privileges_json: JSON.stringify(changes.privileges),
    })
    .where('id', '=', groupId)
    .execute();
}

export async function deleteGroup(db: Db, groupId: string): Promise<void> {
  await db.deleteFrom('groups').where('id', '=', groupId).execute();
}
