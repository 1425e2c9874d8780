import type { AddGroupMember, Member } from '@keyward/contract';
import type { Db } from '../../db/database.ts';
import type { OrgAccess } from '../../http/principal.ts';
import { AppError } from '../../http/problem.ts';
import { ADMINISTRATORS, groupGrants } from '@keyward/domain';
import { assertCanGrant } from './grant-rules.ts';
import { requireGroup, toGroupDto } from './groups.service.ts';
import { toMemberDto } from './members.service.ts';
import {
  deleteMember,
  findUserByEmail,
  findUserById,
  insertMember,
  isGroupMember,
  listGroupMembers,
} from './people.repository.ts';

export async function listMembersOfGroup(db: Db, orgId: string, groupId: string): Promise<Member[]> {
  await requireGroup(db, orgId, groupId);
  return (await listGroupMembers(db, groupId)).map(toMemberDto);
}

/** A user by id, or by e-mail when the reference holds an '@' (the platform client deletes by username). */
async function findUserByRef(db: Db, ref: string) {
  return ref.includes('@') ? findUserByEmail(db, ref) : findUserById(db, ref);
}

/** Adds an existing user to the group; `added` is false when they already were a member. */
export async function addMemberToGroup(
  db: Db,
  caller: OrgAccess | undefined,
  orgId: string,
  groupId: string,
  input: AddGroupMember,
): Promise<{ member: Member; added: boolean }> {
  const ref = input.userId ?? input.email ?? input.username ?? '';
  return db.transaction().execute(async (trx) => {
    const group = toGroupDto(await requireGroup(trx, orgId, groupId));
    const user = await findUserByRef(trx, ref);
    if (!user)
      throw new AppError('NOT_FOUND', `No user "${ref}": create them with POST /rest/organizations/${orgId}/members.`);
    assertCanGrant(caller, groupGrants(group));
    const added = await insertMember(trx, groupId, user.id);
    return { member: toMemberDto(user), added };
  });
}

/** Removes a member; the Administrators group always keeps at least one. */
export async function removeMemberFromGroup(db: Db, orgId: string, groupId: string, userRef: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const group = await requireGroup(trx, orgId, groupId);
    const user = await findUserByRef(trx, userRef);
    if (!user || !(await isGroupMember(trx, groupId, user.id))) {
      throw new AppError('NOT_FOUND', `"${userRef}" is not a member of the group "${group.display_name}".`);
    }
    if (group.built_in === ADMINISTRATORS && group.member_count <= 1) {
      throw new AppError(
        'CONFLICT',
        'This is the last administrator: add another administrator before removing this one.',
      );
    }
    await deleteMember(trx, groupId, user.id);
  });
}
