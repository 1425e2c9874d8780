// The API-key model and requests of PRODUCT.md §3.4 (compatible with @coveo/platform-client).
// Requests ignore unknown fields (the platform client sends the whole model back); shapes and
// types are checked here (400), the rules of §3.2 by the domain (422).
import { z } from 'zod';
import {
  KEY_ACCESS_LEVELS,
  PRIVACY_LEVELS,
  DISABLED_REASONS,
  EXPOSURE_SOURCES,
  KEY_EVENT_KINDS,
  KEY_STATUSES,
  LIST_STATUS_FILTERS,
  SEVERITIES,
  TEMPLATE_IDS,
} from '@keyward/domain';
import { EpochMsSchema, IdNameSchema, PrivilegeInputSchema, PrivilegeSchema } from './common.ts';

export const ApiKeyStatusSchema = z.enum(KEY_STATUSES).meta({ id: 'ApiKeyStatus' });
export type ApiKeyStatus = z.infer<typeof ApiKeyStatusSchema>;

export const ApiKeyStatusFilterSchema = z.enum(LIST_STATUS_FILTERS).meta({ id: 'ApiKeyStatusFilter' });
export type ApiKeyStatusFilter = z.infer<typeof ApiKeyStatusFilterSchema>;

export const API_KEY_SORT_FIELDS = ['displayName', 'createdDate', 'lastUsedDate', 'expirationDate', 'status'] as const;
export const ApiKeySortBySchema = z.enum(API_KEY_SORT_FIELDS);
export type ApiKeySortBy = z.infer<typeof ApiKeySortBySchema>;

export const ApiKeyTemplateIdSchema = z.enum(TEMPLATE_IDS).meta({ id: 'ApiKeyTemplateId' });
export const PrivacyLevelSchema = z.enum(PRIVACY_LEVELS);

export const AdditionalConfigurationSchema = z
  .object({
    search: z.object({ enforcedQueryPipelineConfiguration: z.object({ searchHub: z.string() }).optional() }).optional(),
    commerce: z.object({ catalogId: z.string() }).optional(),
  })
  .meta({ id: 'AdditionalConfiguration' });
export type AdditionalConfiguration = z.infer<typeof AdditionalConfigurationSchema>;

export const ExposureReasonSchema = z.object({
  id: z.string(),
  reason: z.string(),
  source: z.enum(EXPOSURE_SOURCES),
  url: z.string().nullable(),
  createdDate: EpochMsSchema,
  severity: z.enum(SEVERITIES).optional(),
});

export const ExposureReportSchema = z
  .object({
    severity: z.enum(SEVERITIES),
    /** null: a warning only, the key is never deactivated for it. */
    deactivationDate: EpochMsSchema.nullable(),
    createdDate: EpochMsSchema,
    reasons: z.array(ExposureReasonSchema),
  })
  .meta({ id: 'ExposureReport' });
export type ExposureReportDto = z.infer<typeof ExposureReportSchema>;

export const ReactivationSchema = z.object({
  allowed: z.boolean(),
  /** CUSTOM_KEY | EXPIRED | EXPOSED | NOT_DISABLED | AUTOMATIC */
  reason: z.string().optional(),
  message: z.string().optional(),
});

const KeyEventSchema = z.object({ kind: z.enum(KEY_EVENT_KINDS), date: EpochMsSchema });
export const KeyTimelineSchema = z.object({
  next: KeyEventSchema.nullable(),
  ended: KeyEventSchema.nullable(),
  soon: z.boolean(),
});

/**
 * A key as answered. `value` (the full key) is present only in the answers of create and
 * duplicate; everywhere else only `maskedValue` (prefix, asterisks, last 4) is. Absent dates are
 * `null`. The fields after `exposureReport` are Keyward's, derived for the console.
 */
export const ApiKeySchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    value: z.string().optional(),
    maskedValue: z.string(),
    displayName: z.string(),
    description: z.string(),
    enabled: z.boolean(),
    status: ApiKeyStatusSchema,
    privileges: z.array(PrivilegeSchema),
    allowedIps: z.array(z.string()),
    deniedIps: z.array(z.string()),
    additionalConfiguration: AdditionalConfigurationSchema,
    apiKeyTemplateId: ApiKeyTemplateIdSchema,
    privacyLevel: PrivacyLevelSchema,
    groupsThatCanEdit: z.array(IdNameSchema),
    groupsThatCanView: z.array(IdNameSchema),
    apiKeysThatCanEdit: z.array(IdNameSchema),
    createdBy: z.string(),
    createdDate: EpochMsSchema,
    activationDate: EpochMsSchema,
    lastUsedDate: EpochMsSchema.nullable(),
    expirationDate: EpochMsSchema.nullable(),
    disabledDate: EpochMsSchema.nullable(),
    exposureReport: ExposureReportSchema.nullable(),
    statusLabel: z.string(),
    /** Usable: the next automatic deactivation; deactivated: when it happened. */
    deactivationDate: EpochMsSchema.nullable(),
    inactivityDeadline: EpochMsSchema,
    disabledReason: z.enum(DISABLED_REASONS).nullable(),
    scheduledDeactivationDate: EpochMsSchema.nullable(),
    rotatedToKeyId: z.string().nullable(),
    /** The key this one replaced (rotation, or Create from existing with a retirement): answered by get only. */
    rotatedFromKeyId: z.string().nullable().optional(),
    /** What happens next to a usable key, or what ended it (domain keyTimeline, the server's clock). */
    timeline: KeyTimelineSchema,
    reactivation: ReactivationSchema,
    canKeepActive: z.boolean(),
    /** Deactivating asks for the "I understand" check (Custom keys can't be reactivated). */
    disableNeedsConfirmation: z.boolean(),
    /** The caller's access to this key (NONE: a creator whose groups were not granted it). */
    access: z.enum(KEY_ACCESS_LEVELS),
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const ApiKeyListSchema = z.array(ApiKeySchema);

export const ApiKeyListQuerySchema = z.object({
  status: ApiKeyStatusFilterSchema.optional(),
  filter: z.string().max(200).optional().meta({ description: 'Text searched in the name, description and id.' }),
  apiKeyTemplateId: ApiKeyTemplateIdSchema.optional().meta({ description: 'Only keys made from this template.' }),
  sortBy: ApiKeySortBySchema.optional().meta({ description: 'Default createdDate.' }),
  order: z.enum(['asc', 'desc', 'ASC', 'DESC']).optional().meta({ description: 'Default desc.' }),
  page: z.coerce.number().int().min(0).max(1_000_000).optional().meta({ description: '0-based; absent: every key.' }),
  perPage: z.coerce.number().int().min(1).max(500).optional().meta({ description: 'At most 500; default 100.' }),
});
export type ApiKeyListQuery = z.infer<typeof ApiKeyListQuerySchema>;

/** A group named in the Access step: its id, or `{id, displayName}` as answered. */
export const GroupRefSchema = z.union([z.string(), z.object({ id: z.string(), displayName: z.string().nullish() })]);

export const AdditionalConfigurationInputSchema = z.object({
  search: z
    .object({ enforcedQueryPipelineConfiguration: z.object({ searchHub: z.string().nullish() }).nullish() })
    .nullish(),
  commerce: z.object({ catalogId: z.string().nullish() }).nullish(),
});

const StringListSchema = z.array(z.string()).max(1000);

/** `POST B?apiKeyTemplateId=T`. `expirationDate`: epoch ms of any instant of the chosen UTC day. */
export const CreateApiKeyRequestSchema = z
  .object({
    apiKeyTemplateId: z.string().nullish().meta({ description: 'Also accepted as a query parameter, which wins.' }),
    displayName: z.string().nullish(),
    description: z.string().nullish(),
    privileges: z.array(PrivilegeInputSchema).max(500).nullish(),
    sourceIds: StringListSchema.nullish(),
    securityProviderIds: StringListSchema.nullish(),
    allowedIps: StringListSchema.nullish(),
    deniedIps: StringListSchema.nullish(),
    additionalConfiguration: AdditionalConfigurationInputSchema.nullish(),
    lifetimeDuration: z.string().max(64).nullish().meta({ description: 'ISO-8601 duration, or NEVER (Custom only).' }),
    expirationDate: z.number().nullish(),
    groupsThatCanView: z.array(GroupRefSchema).max(500).nullish(),
    groupsThatCanEdit: z.array(GroupRefSchema).max(500).nullish(),
  })
  .meta({ id: 'CreateApiKeyRequest' });
export type CreateApiKeyRequest = z.infer<typeof CreateApiKeyRequestSchema>;

export const CreateApiKeyQuerySchema = z.object({ apiKeyTemplateId: z.string().max(100).optional() });

/**
 * `PUT B/{id}`: the whole model may be sent. Only the name, description, IP lists, search hub and
 * access apply; `privileges` and `expirationDate` are compared (identical: ignored, changed: 422).
 */
export const UpdateApiKeyRequestSchema = z
  .object({
    displayName: z.string().nullish(),
    description: z.string().nullish(),
    allowedIps: StringListSchema.nullish(),
    deniedIps: StringListSchema.nullish(),
    additionalConfiguration: AdditionalConfigurationInputSchema.nullish(),
    groupsThatCanView: z.array(GroupRefSchema).max(500).nullish(),
    groupsThatCanEdit: z.array(GroupRefSchema).max(500).nullish(),
    privileges: z.array(PrivilegeInputSchema).max(500).nullish(),
    expirationDate: z.number().nullish(),
    lifetimeDuration: z.string().max(64).nullish(),
  })
  .meta({ id: 'UpdateApiKeyRequest' });
export type UpdateApiKeyRequest = z.infer<typeof UpdateApiKeyRequestSchema>;

/** `PUT B/{id}/duplicate`: a new key like the original; name, description and lifetime may change. */
export const DuplicateApiKeyRequestSchema = z
  .object({
    displayName: z.string().nullish(),
    description: z.string().nullish(),
    lifetimeDuration: z.string().max(64).nullish(),
    expirationDate: z.number().nullish(),
  })
  .meta({ id: 'DuplicateApiKeyRequest' });
export type DuplicateApiKeyRequest = z.infer<typeof DuplicateApiKeyRequestSchema>;

/** Bulk calls: a JSON array of key ids (all or nothing). */
export const ApiKeyIdListSchema = z.array(z.string().min(1).max(100)).min(1).max(1000).meta({ id: 'ApiKeyIdList' });
