import type { Db } from '../../db/database.ts';
import { ADMINISTRATORS } from '@keyward/domain';

export interface OrganizationRecipients {
  organizationId: string;
  organizationName: string;
  administrators: string[];
  securityContact: string;
}

/** Who hears about an organization's keys: members of its built-in Administrators group, and its security contact. */
export async function organizationRecipients(db: Db, organizationId: string): Promise<OrganizationRecipients | null> {
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'display_name', 'security_contact'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!org) return null;
  const admins = await db
    .selectFrom('users as u')
    .innerJoin('group_members as m', 'm.user_id', 'u.id')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select('u.email')
    .distinct()
    .where('g.organization_id', '=', organizationId)
    .where('g.built_in', '=', ADMINISTRATORS)
    .orderBy('u.email')
    .execute();
  return {
    organizationId: org.id,
    organizationName: org.display_name,
    administrators: admins.map((a) => a.email),
    securityContact: org.security_contact,
  };
}
