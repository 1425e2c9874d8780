import type { AdditionalConfiguration, ApiKey, ExposureReportDto } from '@keyward/contract';
import {
  canKeepActive,
  keyTimeline,
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
import { exposureFrom, privilegesFrom, stringsFrom } from '../../db/json-columns.ts';
import type { ApiKeyTable } from '../../db/schema.ts';

export type ApiKeyRow = Selectable<ApiKeyTable>;

/** The columns factsOf reads (the verification cache loads these, not the whole row). */
export type KeyFactsRow = Pick<
  ApiKeyRow,
  | 'enabled'
  | 'disabled_reason'
  | 'disabled_date'
  | 'template_id'
  | 'activation_date'
  | 'last_used_date'
  | 'expiration_date'
  | 'exposure_json'
  | 'exposure_deactivation_date'
  | 'scheduled_deactivation_date'
>;

/** The JSON columns keySettingsOf reads. */
export type KeySettingsRow = Pick<
  ApiKeyRow,
  'privileges_json' | 'allowed_ips_json' | 'denied_ips_json' | 'additional_configuration_json'
>;

/** A grant of the key's Access step, with the group's name. */
export interface GrantRow {
  api_key_id: string;
  group_id: string;
  level: string;
  display_name: string;
}

function exposureOf(row: KeyFactsRow): ExposureReportDto | null {
  return exposureFrom(row) as ExposureReportDto | null;
}

/** A key's stored settings, read from their JSON columns (the one place that parses them). */
export function keySettingsOf(row: KeySettingsRow): {
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

/** The stored facts statusOf reads (the one row → KeyFacts mapping: DTOs and the verification cache). */
export function factsOf(row: KeyFactsRow): KeyFacts {
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
  /** The key this one replaced: only in the answer of get. */
  rotatedFromKeyId?: string | null;
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
    ...(ctx.rotatedFromKeyId === undefined ? {} : { rotatedFromKeyId: ctx.rotatedFromKeyId }),
    timeline: keyTimeline(facts, ctx.now),
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
