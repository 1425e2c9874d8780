import type { ApiKey, CreateApiKeyRequest } from '@keyward/contract';
import {
  additionalConfigurationOf,
  generateKeyValue,
  inactivityDeadline,
  keyIdFrom,
  keyValueParts,
  nameSortKey,
  validateKeyRequest,
  type KeyRequestInput,
  type NormalizedKey,
  type TemplateId,
} from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import { groupCommitOf } from '../../db/group-commit.ts';
import { randomBytes, sha256Hex } from '../../crypto/tokens.ts';
import { AppError } from '../../http/problem.ts';
import { recordActivity, type TriggeredBy } from '../activities/record-activity.ts';
import { toApiKeyDto, type ApiKeyRow } from './api-key-row.ts';
import { findGrants, insertGrants, insertKey } from './api-keys.repository.ts';
import { assertGroupsExist, keyActivityFields } from './api-key-fields.ts';
import { accessToKey, type Caller, type KeyServiceDeps } from './api-key-access.ts';

/** Without apiKeyTemplateId, create makes a Custom key (PRODUCT.md §3.4). */
const DEFAULT_TEMPLATE: TemplateId = 'custom';

export interface NewKey {
  organizationId: string;
  key: NormalizedKey;
  createdBy: TriggeredBy;
  now: number;
}

/**
 * Stores a validated key with a fresh value and its Access grants, inside the caller's
 * transaction, and returns the row and the value: the only time the value exists outside the
 * caller's hands. Only its SHA-256, prefix and last 4 characters are stored. No activity is written
 * here: the caller records its own (CREATE, DUPLICATE, ROTATE...).
 */
export async function insertNewKey(trx: Db, input: NewKey): Promise<{ row: ApiKeyRow; value: string }> {
  const value = generateKeyValue(input.key.privacy, randomBytes);
  const row = newKeyRow(input, value);
  await insertKey(trx, row);
  const grants = [
    ...input.key.groupsThatCanView.map((groupId) => ({ groupId, level: 'VIEW' as const })),
    ...input.key.groupsThatCanEdit.map((groupId) => ({ groupId, level: 'EDIT' as const })),
  ];
  await insertGrants(trx, row.id, grants);
  return { row, value };
}

/** A new, active key: never used, activated now, its inactivity deadline a year away. */
function newKeyRow({ organizationId, key, createdBy, now }: NewKey, value: string): ApiKeyRow {
  const { prefix, last4 } = keyValueParts(value);
  return {
    id: keyIdFrom(randomBytes),
    organization_id: organizationId,
    display_name: key.displayName,
    name_sort: nameSortKey(key.displayName),
    description: key.description,
    value_hash: sha256Hex(value),
    value_prefix: prefix,
    value_last4: last4,
    template_id: key.templateId,
    privacy_level: key.privacy,
    privileges_json: JSON.stringify(key.privileges),
    allowed_ips_json: JSON.stringify(key.allowedIps),
    denied_ips_json: JSON.stringify(key.deniedIps),
    additional_configuration_json: JSON.stringify(additionalConfigurationOf(key.searchHub, key.commerce)),
    enabled: 1,
    disabled_reason: null,
    disabled_date: null,
    created_by: createdBy.displayName,
    created_date: now,
    activation_date: now,
    last_used_date: null,
    last_used_ip: null,
    expiration_date: key.expirationDate,
    inactivity_deadline: inactivityDeadline({ activationDate: now, lastUsedDate: null }),
    scheduled_deactivation_date: null,
    rotated_to_key_id: null,
    exposure_json: null,
    exposure_deactivation_date: null,
    updated_date: now,
  };
}

export function throwIfInvalid<T>(
  result: { ok: true; value: T } | { ok: false; errors: { path: string; rule: string; message: string }[] },
): T {
  if (result.ok) return result.value;
  const detail =
    result.errors.length === 1
      ? (result.errors[0]?.message ?? '')
      : `${result.errors.length} rules are broken (see errors).`;
  throw new AppError('INVALID_REQUEST', detail, result.errors);
}

function requestInput(templateId: string, body: CreateApiKeyRequest): KeyRequestInput {
  const config = body.additionalConfiguration;
  return {
    templateId,
    displayName: body.displayName ?? '',
    description: body.description ?? null,
    privileges: body.privileges ?? null,
    sourceIds: body.sourceIds ?? null,
    securityProviderIds: body.securityProviderIds ?? null,
    allowedIps: body.allowedIps ?? null,
    deniedIps: body.deniedIps ?? null,
    searchHub: config?.search?.enforcedQueryPipelineConfiguration?.searchHub ?? null,
    commerce: (config?.commerce ?? null) as KeyRequestInput['commerce'],
    lifetimeDuration: body.lifetimeDuration ?? null,
    expirationDate: body.expirationDate ?? null,
    groupsThatCanView: body.groupsThatCanView ?? null,
    groupsThatCanEdit: body.groupsThatCanEdit ?? null,
  };
}

/** Writes a validated key and its activity in one transaction (shared with other creates arriving together); answers the key with its value. */
export async function storeNewKey(
  deps: KeyServiceDeps,
  caller: Caller,
  key: NormalizedKey,
  activity: { operation: 'CREATE' | 'DUPLICATE'; details?: Record<string, unknown> },
): Promise<ApiKey> {
  const organizationId = caller.access.organizationId;
  await assertGroupsExist(deps.db, organizationId, key);
  const now = deps.clock.now();
  // Creates that arrive together share one transaction (group-commit.ts), each with its activity.
  const created = await groupCommitOf(deps.db).run(async (trx) => {
    const result = await insertNewKey(trx, { organizationId, key, createdBy: caller.actor, now });
    await recordActivity(trx, {
      organizationId,
      operation: activity.operation,
      triggeredBy: caller.actor,
      resourceId: result.row.id,
      resourceName: key.displayName,
      state: 'ENABLED',
      after: keyActivityFields(result.row, key.groupsThatCanView, key.groupsThatCanEdit),
      ...(activity.details ? { details: activity.details } : {}),
      now,
    });
    return result;
  });
  deps.keyChanges.publish([created.row.id]);
  const hasGrants = key.groupsThatCanView.length + key.groupsThatCanEdit.length > 0;
  const grants = hasGrants ? await findGrants(deps.db, [created.row.id]) : [];
  return toApiKeyDto(created.row, {
    now,
    grants,
    access: accessToKey(caller.access, grants, created.row.id),
    value: created.value,
  });
}

export async function createApiKey(
  deps: KeyServiceDeps,
  caller: Caller,
  templateId: string | undefined,
  body: CreateApiKeyRequest,
): Promise<ApiKey> {
  const template = templateId ?? body.apiKeyTemplateId ?? DEFAULT_TEMPLATE;
  const ctx = { now: deps.clock.now(), allowPrivateIps: deps.config.allowPrivateIps, origin: 'CREATE' as const };
  const key = throwIfInvalid(validateKeyRequest(requestInput(template, body), ctx));
  return storeNewKey(deps, caller, key, { operation: 'CREATE' });
}
