import type { ApiKey, DuplicateApiKeyRequest } from '@keyward/contract';
import { validateKeyRequest, type KeyRequestInput } from '@keyward/domain';
import { keySettingsOf, type ApiKeyRow, type GrantRow } from './api-key-row.ts';
import { loadKey } from './api-keys.service.ts';
import { storeNewKey, throwIfInvalid } from './create-api-key.service.ts';
import { grantIds } from './key-fields.ts';
import type { Caller, KeyServiceDeps } from './key-access.ts';

/**
 * An existing key's settings as a create request (for validateKeyRequest): same template,
 * privileges (with their targets), IP lists, search hub, commerce setting and Access grants. Name,
 * description and expiration come from `body` when given; the expiration is never copied (the
 * platform client always sends `lifetimeDuration`). Also what a rotation starts from.
 */
export function requestFromExisting(
  row: ApiKeyRow,
  grants: readonly GrantRow[],
  body: DuplicateApiKeyRequest,
): KeyRequestInput {
  const { additionalConfiguration: config, privileges, allowedIps, deniedIps } = keySettingsOf(row);
  return {
    templateId: row.template_id,
    displayName: body.displayName ?? row.display_name,
    description: body.description ?? row.description,
    privileges,
    allowedIps,
    deniedIps,
    searchHub: config.search?.enforcedQueryPipelineConfiguration?.searchHub ?? null,
    commerce: config.commerce ?? null,
    lifetimeDuration: body.lifetimeDuration ?? null,
    expirationDate: body.expirationDate ?? null,
    groupsThatCanView: grantIds(grants, 'VIEW'),
    groupsThatCanEdit: grantIds(grants, 'EDIT'),
  };
}

/** Create from existing: a new key (with its value) like the original, which is left unchanged. */
export async function duplicateApiKey(
  deps: KeyServiceDeps,
  caller: Caller,
  id: string,
  body: DuplicateApiKeyRequest,
): Promise<ApiKey> {
  const { row, grants } = await loadKey(deps.db, caller, id, 'VIEW');
  const ctx = { now: deps.clock.now(), allowPrivateIps: deps.config.allowPrivateIps, origin: 'DUPLICATE' as const };
  const key = throwIfInvalid(validateKeyRequest(requestFromExisting(row, grants, body), ctx));
  return storeNewKey(deps, caller, key, { operation: 'DUPLICATE', details: { duplicatedFrom: row.id } });
}
