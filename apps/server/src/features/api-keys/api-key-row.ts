import type { AdditionalConfiguration, ApiKey, ExposureReportDto } from '@keyward/contract';
import {
  canKeepActive,
  maskKeyValue,
  reactivationVerdict,
  requiresDisableConfirmation,
  statusOf,
  type DisabledReason,
  type KeyAccessLevel,
  type KeyFacts,
  type Privilege,
} from '@keyward/domain';
import type { Selectable } from 'kysely';
import { privilegesFrom, stringsFrom } from '../../db/json-columns.ts';
import type { ApiKeyTable } from '../../db/schema.ts';

export type ApiKeyRow = Selectable<ApiKeyTable>;

/** A grant of the key's Access step, with the group's name. */
export interface GrantRow {
  api_key_id: string;
  group_id: string;
  level: string;
  display_name: string;
}

function exposureOf(row: ApiKeyRow): ExposureReportDto | null {
  if (row.exposure_json === null) return null;
  // The column is authoritative for the deadline: it is what the list filters read.
  return { ...(JSON.parse(row.exposure_json) as ExposureReportDto), deactivationDate: row.exposure_deactivation_date };
}

/** A key's stored settings, read from their JSON columns (the one place that parses them). */
export function keySettingsOf(row: ApiKeyRow): {
  privileges: Privilege[];
  allowedIps: string[];
  deniedIps: string[];
  additionalConfiguration: AdditionalConfiguration;
} {
  return {
    privileges: privilegesFrom(row.privileges_json),
    allowedIps: stringsFrom(row.allowed_ips_json),
    deniedIps: stringsFrom(row.denied_ips_json),
    additionalConfiguration: JSON.parse(row.additional_configuration_json) as AdditionalConfiguration,
  };
}

/** The stored facts statusOf reads. */
export function factsOf(row: ApiKeyRow): KeyFacts {
  return {
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason as DisabledReason | null,
    disabledDate: row.disabled_date,
    templateId: row.template_id,
    activationDate: row.activation_date,
    lastUsedDate: row.last_used_date,
    expirationDate: row.expiration_date,
    exposure: exposureOf(row),
    scheduledDeactivationDate: row.scheduled_deactivation_date,
  };
}

function groupsAt(grants: readonly GrantRow[], keyId: string, level: 'VIEW' | 'EDIT') {
  return grants
    .filter((g) => g.api_key_id === keyId && g.level === level)
    .map((g) => ({ id: g.group_id, displayName: g.display_name }));
}

export interface DtoContext {
  now: number;
  grants: readonly GrantRow[];
  access: KeyAccessLevel;
  /** The full value: only in the answer that creates the key. */
  value?: string;
}

export function toApiKeyDto(row: ApiKeyRow, ctx: DtoContext): ApiKey {
  const facts = factsOf(row);
  const view = statusOf(facts, ctx.now);
  const reactivation = reactivationVerdict(facts, ctx.now);
  return {
    id: row.id,
    organizationId: row.organization_id,
    ...(ctx.value === undefined ? {} : { value: ctx.value }),
    maskedValue: maskKeyValue(row.value_prefix, row.value_last4),
    displayName: row.display_name,
    description: row.description,
    enabled: view.usable,
    status: view.status,
    ...keySettingsOf(row),
    apiKeyTemplateId: row.template_id as ApiKey['apiKeyTemplateId'],
    privacyLevel: row.privacy_level as ApiKey['privacyLevel'],
    groupsThatCanEdit: groupsAt(ctx.grants, row.id, 'EDIT'),
    groupsThatCanView: groupsAt(ctx.grants, row.id, 'VIEW'),
    apiKeysThatCanEdit: [],
    createdBy: row.created_by,
    createdDate: row.created_date,
    activationDate: row.activation_date,
    lastUsedDate: row.last_used_date,
    expirationDate: row.expiration_date,
    disabledDate: row.disabled_date,
    exposureReport: facts.exposure === null ? null : exposureOf(row),
    statusLabel: view.label,
    deactivationDate: view.deactivationDate,
    inactivityDeadline: view.inactivityDeadline,
    disabledReason: facts.disabledReason,
    scheduledDeactivationDate: row.scheduled_deactivation_date,
    rotatedToKeyId: row.rotated_to_key_id,
    reactivation: reactivation.ok
      ? { allowed: true }
      : { allowed: false, reason: reactivation.reason, message: reactivation.message },
    canKeepActive: canKeepActive(facts, ctx.now),
    disableNeedsConfirmation: requiresDisableConfirmation(row.template_id),
    access: ctx.access,
  };
}

/** ENABLED while usable, else DISABLED: the resulting state recorded with an activity. */
export function resourceStateOf(row: ApiKeyRow, now: number): 'ENABLED' | 'DISABLED' {
  return statusOf(factsOf(row), now).usable ? 'ENABLED' : 'DISABLED';
}
