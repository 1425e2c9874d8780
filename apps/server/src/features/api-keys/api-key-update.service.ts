import type { UpdateApiKeyRequest } from '@keyward/contract';
import {
  immutableFieldErrors,
  additionalConfigurationOf,
  nameSortKey,
  validateKeyUpdate,
  type KeyUpdate,
  type KeyUpdateInput,
} from '@keyward/domain';
import { AppError } from '../../http/problem.ts';
import { changedFields, recordActivity } from '../activities/record-activity.ts';
import { keySettingsOf, resourceStateOf, type ApiKeyRow, type GrantRow } from './api-key-row.ts';
import { replaceGrants, updateKey, type KeyPatch } from './api-keys.repository.ts';
import { loadKey } from './api-keys.service.ts';
import { throwIfInvalid } from './api-key-create.service.ts';
import { assertGroupsExist, grantIds } from './api-key-fields.ts';
import type { Caller, KeyServiceDeps } from './api-key-access.ts';

function updateInput(body: UpdateApiKeyRequest, grants: readonly GrantRow[]): KeyUpdateInput {
  const input: KeyUpdateInput = {};
  if (typeof body.displayName === 'string') input.displayName = body.displayName;
  if (body.description !== undefined) input.description = body.description;
  if (body.allowedIps !== undefined) input.allowedIps = body.allowedIps;
  if (body.deniedIps !== undefined) input.deniedIps = body.deniedIps;
  if (body.additionalConfiguration !== undefined) {
    input.searchHub = body.additionalConfiguration?.search?.enforcedQueryPipelineConfiguration?.searchHub ?? null;
  }
  // Both lists are checked together so that a group named in both ends up in the edit list only.
  if (body.groupsThatCanView != null || body.groupsThatCanEdit != null) {
    input.groupsThatCanView = body.groupsThatCanView ?? grantIds(grants, 'VIEW');
    input.groupsThatCanEdit = body.groupsThatCanEdit ?? grantIds(grants, 'EDIT');
  }
  return input;
}

function editableFields(row: ApiKeyRow, grants: readonly GrantRow[]) {
  const { additionalConfiguration: config, allowedIps, deniedIps } = keySettingsOf(row);
  return {
    displayName: row.display_name,
    description: row.description,
    allowedIps,
    deniedIps,
    searchHub: config.search?.enforcedQueryPipelineConfiguration?.searchHub ?? null,
    commerce: config.commerce ?? null,
    groupsThatCanView: grantIds(grants, 'VIEW').sort(),
    groupsThatCanEdit: grantIds(grants, 'EDIT').sort(),
  };
}

/** The update as compared with the stored fields (group order does not matter). */
function comparableUpdate(update: KeyUpdate): Record<string, unknown> {
  return {
    ...update,
    ...(update.groupsThatCanView ? { groupsThatCanView: [...update.groupsThatCanView].sort() } : {}),
    ...(update.groupsThatCanEdit ? { groupsThatCanEdit: [...update.groupsThatCanEdit].sort() } : {}),
  };
}

function patchOf(update: KeyUpdate, current: ReturnType<typeof editableFields>, now: number): KeyPatch {
  return {
    ...(update.displayName !== undefined
      ? { display_name: update.displayName, name_sort: nameSortKey(update.displayName) }
      : {}),
    ...(update.description !== undefined ? { description: update.description } : {}),
    ...(update.allowedIps !== undefined ? { allowed_ips_json: JSON.stringify(update.allowedIps) } : {}),
    ...(update.deniedIps !== undefined ? { denied_ips_json: JSON.stringify(update.deniedIps) } : {}),
    ...(update.searchHub !== undefined
      ? { additional_configuration_json: JSON.stringify(additionalConfigurationOf(update.searchHub, current.commerce)) }
      : {}),
    updated_date: now,
  };
}

/** `PUT B/{id}`: applies the editable fields; the rest of the model is compared or ignored. */
export async function updateApiKey(
  deps: KeyServiceDeps,
  caller: Caller,
  id: string,
  body: UpdateApiKeyRequest,
): Promise<void> {
  const { row, grants } = await loadKey(deps.db, caller, id, 'EDIT');
  const immutable = immutableFieldErrors(
    { privileges: keySettingsOf(row).privileges, expirationDate: row.expiration_date },
    body,
  );
  if (immutable.length > 0) throw new AppError('INVALID_REQUEST', immutable[0]?.message ?? 'Not editable.', immutable);
  const current = editableFields(row, grants);
  const existing = {
    templateId: row.template_id,
    privileges: keySettingsOf(row).privileges,
    commerce: current.commerce,
    searchHub: current.searchHub,
  };
  const update = throwIfInvalid(
    validateKeyUpdate(existing, updateInput(body, grants), { allowPrivateIps: deps.config.allowPrivateIps }),
  );
  await assertGroupsExist(deps.db, caller.access.organizationId, update);
  const { commerce: _commerce, ...comparable } = current;
  const changes = changedFields(comparable, comparableUpdate(update));
  if (!changes) return;
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await updateKey(trx, id, patchOf(update, current, now));
    if (update.groupsThatCanView !== undefined || update.groupsThatCanEdit !== undefined) {
      const view = update.groupsThatCanView ?? current.groupsThatCanView;
      const edit = update.groupsThatCanEdit ?? current.groupsThatCanEdit;
      await replaceGrants(trx, id, [
        ...view.map((groupId) => ({ groupId, level: 'VIEW' as const })),
        ...edit.map((groupId) => ({ groupId, level: 'EDIT' as const })),
      ]);
    }
    await recordActivity(trx, {
      organizationId: row.organization_id,
      operation: 'UPDATE',
      triggeredBy: caller.actor,
      resourceId: id,
      resourceName: update.displayName ?? row.display_name,
      state: resourceStateOf(row, now),
      ...changes,
      now,
    });
  });
  deps.keyChanges.publish([id]);
}
