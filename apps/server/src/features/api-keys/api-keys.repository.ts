import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ApiKeyTable } from '../../db/schema.ts';
import type { ApiKeyRow, GrantRow } from './api-key-row.ts';

export type NewKeyRow = Insertable<ApiKeyTable>;
export type KeyPatch = Updateable<ApiKeyTable>;
export interface NewGrant {
  groupId: string;
  level: 'VIEW' | 'EDIT';
}

export async function insertKey(db: Db, row: NewKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function findKey(db: Db, organizationId: string, id: string): Promise<ApiKeyRow | undefined> {
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findKeys(db: Db, organizationId: string, ids: readonly string[]): Promise<ApiKeyRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('api_keys')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
}

export async function updateKey(db: Db, id: string, patch: KeyPatch): Promise<void> {
  await db.updateTable('api_keys').set(patch).where('id', '=', id).execute();
}

export async function deleteKeys(db: Db, organizationId: string, ids: readonly string[]): Promise<void> {
  await db
    .deleteFrom('api_keys')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
}

/** The grants of these keys with their groups' names, in a stable order. */
export async function findGrants(db: Db, keyIds: readonly string[]): Promise<GrantRow[]> {
  if (keyIds.length === 0) return [];
  return db
    .selectFrom('api_key_grants as k')
    .innerJoin('groups as g', 'g.id', 'k.group_id')
    .select(['k.api_key_id', 'k.group_id', 'k.level', 'g.display_name'])
    .where('k.api_key_id', 'in', [...keyIds])
    .orderBy('g.display_name')
    .orderBy('k.group_id')
    .execute();
}

export async function insertGrants(db: Db, keyId: string, grants: readonly NewGrant[]): Promise<void> {
  if (grants.length === 0) return;
  await db
    .insertInto('api_key_grants')
    .values(grants.map((g) => ({ api_key_id: keyId, group_id: g.groupId, level: g.level })))
    .execute();
}

export async function replaceGrants(db: Db, keyId: string, grants: readonly NewGrant[]): Promise<void> {
  await db.deleteFrom('api_key_grants').where('api_key_id', '=', keyId).execute();
  await insertGrants(db, keyId, grants);
}

/** Which of these group ids exist in the organization. */
export async function existingGroupIds(db: Db, organizationId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('groups')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.id));
}
