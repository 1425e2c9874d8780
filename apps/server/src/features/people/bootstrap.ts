import {
  ADMINISTRATORS,
  ALL_CONSOLE_PRIVILEGES,
  SECURITY_CONTACT_PRIVILEGES,
  SECURITY_CONTACTS,
} from '@keyward/domain';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { generatePassword, hashPassword } from '../../crypto/password.ts';
import { insertGroup } from './groups.repository.ts';
import { findUserByEmail, insertMember, insertOrganization, insertUser } from './people.repository.ts';

export interface BootstrapResult {
  created: boolean;
  /** Set only when the first administrator's password was generated: print it once. */
  generatedPassword?: string;
}

/**
 * First start: creates the organization, its two built-in groups and the first administrator, in one
 * transaction. Later starts change nothing.
 */
export async function bootstrap(
  db: Db,
  config: Pick<Config, 'orgId' | 'orgName' | 'adminEmail' | 'adminPassword' | 'securityContact'>,
  now: number,
): Promise<BootstrapResult> {
  const existing = await db.selectFrom('organizations').select('id').where('id', '=', config.orgId).executeTakeFirst();
  if (existing) return { created: false };
  const generatedPassword = config.adminPassword ? undefined : generatePassword();
  const passwordHash = await hashPassword(config.adminPassword ?? generatedPassword ?? '');
  await db.transaction().execute(async (trx) => {
    await insertOrganization(trx, {
      id: config.orgId,
      displayName: config.orgName,
      securityContact: config.securityContact,
      now,
    });
    const admins = await insertGroup(trx, {
      organizationId: config.orgId,
      displayName: 'Administrators',
      apiKeyAccess: 'EDIT_ALL',
      privileges: ALL_CONSOLE_PRIVILEGES,
      builtIn: ADMINISTRATORS,
      now,
    });
    await insertGroup(trx, {
      organizationId: config.orgId,
      displayName: 'Security contacts',
      apiKeyAccess: 'VIEW_ALL',
      privileges: SECURITY_CONTACT_PRIVILEGES,
      builtIn: SECURITY_CONTACTS,
      now,
    });
    const user = await findUserByEmail(trx, config.adminEmail);
    const userId =
      user?.id ??
      (await insertUser(trx, { email: config.adminEmail, displayName: 'Administrator', passwordHash, now }));
    await insertMember(trx, admins, userId);
  });
  return { created: true, ...(generatedPassword ? { generatedPassword } : {}) };
}
