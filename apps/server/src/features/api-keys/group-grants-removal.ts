import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { actorOf, changedFields, recordActivity } from '../activities/record-activity.ts';
import type { GroupDeletion } from '../people/groups.service.ts';
import { resourceStateOf } from './api-key-row.ts';
import { grantIds } from './api-key-fields.ts';
import { findGrants, findKeys } from './api-keys.repository.ts';

async function keysGrantedTo(trx: Transaction<Database>, groupId: string): Promise<string[]> {
  const rows = await trx.selectFrom('api_key_grants').select('api_key_id').where('group_id', '=', groupId).execute();
  return rows.map((r) => r.api_key_id);
}

/**
 * Before a group is deleted (its grants go with it, by cascade): one UPDATE activity per key that
 * loses a grant, with the key's access lists before → after (as an edit of the Access tab records
 * them) and the deleted group named, since its id will no longer resolve to a name.
 */
export async function recordGrantsLostWithGroup(trx: Transaction<Database>, deletion: GroupDeletion): Promise<void> {
  const keyIds = await keysGrantedTo(trx, deletion.groupId);
  if (keyIds.length === 0) return;
  const [rows, grants] = await Promise.all([findKeys(trx, deletion.organizationId, keyIds), findGrants(trx, keyIds)]);
  const triggeredBy = actorOf(deletion.principal);
  for (const row of rows) {
    const own = grants.filter((g) => g.api_key_id === row.id);
    const lost = own.find((g) => g.group_id === deletion.groupId);
    const remaining = own.filter((g) => g.group_id !== deletion.groupId);
    const before = { groupsThatCanView: grantIds(own, 'VIEW').sort(), groupsThatCanEdit: grantIds(own, 'EDIT').sort() };
    const after = {
      groupsThatCanView: grantIds(remaining, 'VIEW').sort(),
      groupsThatCanEdit: grantIds(remaining, 'EDIT').sort(),
    };
    await recordActivity(trx, {
      organizationId: row.organization_id,
      operation: 'UPDATE',
      triggeredBy,
      resourceId: row.id,
      resourceName: row.display_name,
      state: resourceStateOf(row, deletion.now),
      ...(changedFields(before, after) ?? {}),
      details: {
        groupDeleted: { id: deletion.groupId, displayName: deletion.displayName, level: lost?.level ?? 'VIEW' },
      },
      now: deletion.now,
    });
  }
}
