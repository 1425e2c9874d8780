import type { Group, GroupInput, GroupUpdate } from '@keyward/contract';
import { groupGrants, type ApiKeyAccess, type Privilege } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import type { OrgAccess } from '../../http/principal.ts';
import { AppError } from '../../http/problem.ts';
import { assertAdministratorsIntact, assertCanGrant } from './grant-rules.ts';
import { normalizeGroupPrivileges } from './group-privileges.ts';
import {
  deleteGroup,
  findGroup,
  findGroupIdByName,
  insertGroup,
  listGroups,
  updateGroup,
  type GroupRow,
} from './groups.repository.ts';

export function toGroupDto(row: GroupRow): Group {
  return {
    id: row.id,
    displayName: row.display_name,
    apiKeyAccess: row.api_key_access as ApiKeyAccess,
    privileges: JSON.parse(row.privileges_json) as Privilege[],
    builtIn: row.built_in === 'ADMINISTRATORS' || row.built_in === 'SECURITY_CONTACTS' ? row.built_in : null,
    memberCount: row.member_count,
  };
}

export async function listGroupsOf(db: Db, orgId: string): Promise<Group[]> {
  return (await listGroups(db, orgId)).map(toGroupDto);
}

/** The group, or 404 (also for a group of another organization). */
export async function requireGroup(db: Db, orgId: string, groupId: string): Promise<GroupRow> {
  const row = await findGroup(db, orgId, groupId);
  if (!row) throw new AppError('NOT_FOUND', `No group "${groupId}" in organization "${orgId}".`);
  return row;
}

function validInput(input: GroupInput): { displayName: string; apiKeyAccess: ApiKeyAccess; privileges: Privilege[] } {
  const result = normalizeGroupPrivileges(input.privileges);
  if (!result.ok) throw new AppError('INVALID_REQUEST', 'Some privileges are not valid for a group.', result.errors);
  return { displayName: input.displayName, apiKeyAccess: input.apiKeyAccess, privileges: result.privileges };
}

async function assertNameFree(db: Db, orgId: string, displayName: string, exceptId?: string): Promise<void> {
  const existing = await findGroupIdByName(db, orgId, displayName);
  if (existing && existing !== exceptId)
    throw new AppError('CONFLICT', `A group named "${displayName}" already exists.`);
}

export async function createGroup(
  db: Db,
  caller: OrgAccess | undefined,
  orgId: string,
  input: GroupInput,
  now: number,
): Promise<Group> {
  const group = validInput(input);
  assertCanGrant(caller, groupGrants(group));
  return db.transaction().execute(async (trx) => {
    await assertNameFree(trx, orgId, group.displayName);
    const id = await insertGroup(trx, { organizationId: orgId, ...group, now });
    return toGroupDto(await requireGroup(trx, orgId, id));
  });
}

export async function updateGroupOf(
  db: Db,
  caller: OrgAccess | undefined,
  orgId: string,
  groupId: string,
  input: GroupUpdate,
): Promise<Group> {
  return db.transaction().execute(async (trx) => {
    const current = toGroupDto(await requireGroup(trx, orgId, groupId));
    const next = validInput({
      displayName: input.displayName ?? current.displayName,
      apiKeyAccess: input.apiKeyAccess ?? current.apiKeyAccess,
      privileges: input.privileges ?? current.privileges,
    });
    assertAdministratorsIntact(current.builtIn, next);
    assertCanGrant(caller, groupGrants(next), groupGrants(current));
    await assertNameFree(trx, orgId, next.displayName, groupId);
    await updateGroup(trx, groupId, next);
    return toGroupDto(await requireGroup(trx, orgId, groupId));
  });
}

export async function removeGroup(db: Db, orgId: string, groupId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const group = await requireGroup(trx, orgId, groupId);
    if (group.built_in)
      throw new AppError('CONFLICT', `"${group.display_name}" is a built-in group: it cannot be deleted.`);
    await deleteGroup(trx, groupId);
  });
}
