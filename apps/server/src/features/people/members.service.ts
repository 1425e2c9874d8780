import type { CreateMember, Member } from '@keyward/contract';
import type { Db } from '../../db/database.ts';
import type { OrgAccess } from '../../http/principal.ts';
import { AppError } from '../../http/problem.ts';
import { hashPassword } from '../../crypto/password.ts';
import { groupGrants } from '@keyward/domain';
import { assertCanGrant } from './grant-rules.ts';
import { findGroupsByIds } from './groups.repository.ts';
import { toGroupDto } from './groups.service.ts';
import { findUserByEmail, insertMember, insertUser, listOrganizationMembers } from './people.repository.ts';

export function toMemberDto(row: { id: string; email: string; display_name: string }): Member {
  return { id: row.id, email: row.email, displayName: row.display_name };
}

export async function listMembersOf(db: Db, orgId: string): Promise<Member[]> {
  return (await listOrganizationMembers(db, orgId)).map(toMemberDto);
}

/**
 * Creates a user who joins the given groups of the organization, in one transaction. An e-mail that
 * already has an account is a conflict: add that user to a group instead.
 */
export async function createMember(
  db: Db,
  caller: OrgAccess | undefined,
  orgId: string,
  input: CreateMember,
  now: number,
): Promise<Member> {
  const groupIds = [...new Set(input.groups)];
  const groups = await findGroupsByIds(db, orgId, groupIds);
  const unknown = groupIds.filter((id) => !groups.some((g) => g.id === id));
  if (unknown.length > 0) {
    throw new AppError(
      'INVALID_REQUEST',
      'Every group must be a group of this organization.',
      unknown.map((id) => ({
        path: `groups.${input.groups.indexOf(id)}`,
        message: `No group "${id}" in organization "${orgId}".`,
        rule: 'group-of-organization',
      })),
    );
  }
  for (const g of groups) assertCanGrant(caller, groupGrants(toGroupDto(g)));
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) {
      throw new AppError(
        'CONFLICT',
        `A user with the e-mail ${input.email.toLowerCase()} already exists: add them to a group instead.`,
      );
    }
    const id = await insertUser(trx, { email: input.email, displayName: input.displayName, passwordHash, now });
    for (const g of groupIds) await insertMember(trx, g, id);
    return { id, email: input.email.toLowerCase(), displayName: input.displayName };
  });
}
