import { keyIdFrom, type ApiKeyAccess, type Privilege } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import { randomBytes } from '../../http/hash.ts';

export const newId = (): string => keyIdFrom(randomBytes);

export async function insertOrganization(db: Db, org: { id: string; displayName: string; securityContact: string; now: number }): Promise<void> {
  await db
    .insertInto('organizations')
    .values({ id: org.id, display_name: org.displayName, security_contact: org.securityContact, created_date: org.now })
    .execute();
}

export async function insertUser(db: Db, user: { email: string; displayName: string; passwordHash: string; now: number }): Promise<string> {
  const id = newId();
  await db
    .insertInto('users')
    .values({ id, email: user.email.toLowerCase(), display_name: user.displayName, password_hash: user.passwordHash, created_date: user.now })
    .execute();
  return id;
}

export async function insertGroup(
  db: Db,
  group: { organizationId: string; displayName: string; apiKeyAccess: ApiKeyAccess; privileges: readonly Privilege[]; builtIn?: string | null; now: number },
): Promise<string> {
  const id = newId();
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

export async function insertMember(db: Db, groupId: string, userId: string): Promise<void> {
  await db.insertInto('group_members').values({ group_id: groupId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
}

export async function findUserByEmail(db: Db, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}
