import type { Group, GroupInput, GroupUpdate } from '@keyward/contract';
import { groupGrants, type ApiKeyAccess, type Privilege } from '@keyward/domain';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { privilegesFrom } from '../../db/json-columns.ts';
import { isUniqueViolation } from '../../db/unique-violation.ts';
import type { OrgAccess, Principal } from '../../http/principal.ts';
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
    privileges: privilegesFrom(row.privileges_json),
    builtIn: row.built_in === 'ADMINISTRATORS' || row.built_in === 'SECURITY_CONTACTS' ? row.built_in : null,
    memberCount: row.member_count,
    keyGrantCount: row.key_grant_count,
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

/** A concurrent write that took the name between the check and the write: the same 409. */
function nameTakenOnRace(displayName: string): (err: unknown) => never {
  return (err) => {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `A group named "${displayName}" already exists.`);
    throw err;
  };
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
  return db
    .transaction()
    .execute(async (trx) => {
      await assertNameFree(trx, orgId, group.displayName);
      const id = await insertGroup(trx, { organizationId: orgId, ...group, now });
      return toGroupDto(await requireGroup(trx, orgId, id));
    })
    .catch(nameTakenOnRace(group.displayName));
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
    await updateGroup(trx, groupId, next).catch(nameTakenOnRace(next.displayName));
    return toGroupDto(await requireGroup(trx, orgId, groupId));
  });
}

/** A group about to be deleted, and by whom. */
export interface GroupDeletion {
  organizationId: string;
  groupId: string;
  displayName: string;
  principal: Principal;
  now: number;
}

/**
 * Runs in the deletion's transaction, before the group and its grants go: the API-keys feature
 * (above this one) records what each key loses, so that the activity exists if and only if the
 * deletion was committed.
 */
export type BeforeGroupDelete = (trx: Transaction<Database>, deletion: GroupDeletion) => Promise<void>;

export async function removeGroup(
  db: Db,
  deletion: Omit<GroupDeletion, 'displayName'>,
  beforeDelete?: BeforeGroupDelete,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const group = await requireGroup(trx, deletion.organizationId, deletion.groupId);
    if (group.built_in)
      throw new AppError('CONFLICT', `"${group.display_name}" is a built-in group: it cannot be deleted.`);
    await beforeDelete?.(trx, { ...deletion, displayName: group.display_name });
    await deleteGroup(trx, deletion.groupId);
  });
}
