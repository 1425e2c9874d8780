import { keyIdFrom } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import { randomBytes } from '../../crypto/tokens.ts';

// Group queries live in groups.repository.ts; re-exported for the bootstrap and the test harness.
export { insertGroup } from './groups.repository.ts';

export const newId = (): string => keyIdFrom(randomBytes);

export async function insertOrganization(
  db: Db,
  org: { id: string; displayName: string; securityContact: string; now: number },
): Promise<void> {
  await db
    .insertInto('organizations')
    .values({ id: org.id, display_name: org.displayName, security_contact: org.securityContact, created_date: org.now })
    .execute();
}

export async function findOrganization(db: Db, id: string) {
  return db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  user: { email: string; displayName: string; passwordHash: string; now: number },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('users')
    .values({
      id,
      email: user.email.toLowerCase(),
      display_name: user.displayName,
      password_hash: user.passwordHash,
      created_date: user.now,
    })
    .execute();
  return id;
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Users who belong to at least one group of the organization. */
export async function listOrganizationMembers(db: Db, organizationId: string) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.display_name'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('group_members as m')
          .innerJoin('groups as g', 'g.id', 'm.group_id')
          .select('m.user_id')
          .whereRef('m.user_id', '=', 'u.id')
          .where('g.organization_id', '=', organizationId),
      ),
    )
    .orderBy('u.email')
    .execute();
}

export async function insertMember(db: Db, groupId: string, userId: string): Promise<boolean> {
  const result = await db
    .insertInto('group_members')
    .values({ group_id: groupId, user_id: userId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function deleteMember(db: Db, groupId: string, userId: string): Promise<void> {
  await db.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
}

export async function listGroupMembers(db: Db, groupId: string) {
  return db
    .selectFrom('group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.display_name'])
    .where('m.group_id', '=', groupId)
    .orderBy('u.email')
    .execute();
}

export async function isGroupMember(db: Db, groupId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every group of the user, with its organization: what `GET /rest/auth/me` summarises. */
export async function listUserGroups(db: Db, userId: string) {
  return db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .innerJoin('organizations as o', 'o.id', 'g.organization_id')
    .select(['o.id as organization_id', 'o.display_name as organization_name', 'g.api_key_access', 'g.privileges_json'])
    .where('m.user_id', '=', userId)
    .orderBy('o.display_name')
    .orderBy('o.id')
    .execute();
}
