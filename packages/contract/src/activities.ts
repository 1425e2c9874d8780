// The activity log of PRODUCT.md §3.5 (`POST /rest/organizations/{org}/activities/public`).
import { z } from 'zod';
import { EpochMsSchema } from './common.ts';

/** What was done to a key. DEACTIVATE: automatic deactivation (inactivity, exposure, end of rotation). */
export const ACTIVITY_OPERATIONS = [
  'CREATE',
  'UPDATE',
  'DELETE',
  'ENABLE',
  'DISABLE',
  'DUPLICATE',
  'ROTATE',
  'EXTEND',
  'EXPOSE',
  'DISMISS_EXPOSURE',
  'DEACTIVATE',
] as const;
export const ActivityOperationSchema = z.enum(ACTIVITY_OPERATIONS);
export type ActivityOperation = z.infer<typeof ActivityOperationSchema>;

/** The key's state after the change. */
export const RESOURCE_STATES = ['ENABLED', 'DISABLED', 'DELETED'] as const;
export type ResourceState = (typeof RESOURCE_STATES)[number];

export const TRIGGER_TYPES = ['USER', 'API_KEY', 'SYSTEM'] as const;

export const TriggeredBySchema = z.object({ type: z.enum(TRIGGER_TYPES), id: z.string(), displayName: z.string() });
export type TriggeredBy = z.infer<typeof TriggeredBySchema>;

/** `content`: the resulting state and a before/after of the changed fields (never a key value). */
export const ActivityContentSchema = z
  .object({
    resourceState: z.enum(RESOURCE_STATES),
    before: z.record(z.string(), z.unknown()).optional(),
    after: z.record(z.string(), z.unknown()).optional(),
  })
  .catchall(z.unknown());

export const ActivitySchema = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    operation: z.string(),
    result: z.literal('SUCCESS'),
    state: z.literal('EXECUTED'),
    triggeredBy: TriggeredBySchema,
    createDate: EpochMsSchema,
    resourceType: z.literal('API_KEY'),
    resourceId: z.string(),
    resourceName: z.string(),
    section: z.literal('ORGANIZATION'),
    content: ActivityContentSchema,
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof ActivitySchema>;

export const ActivityPageSchema = z
  .object({ items: z.array(ActivitySchema), totalEntries: z.number().int(), totalPages: z.number().int() })
  .meta({ id: 'ActivityPage' });
export type ActivityPage = z.infer<typeof ActivityPageSchema>;

/** An instant: ISO-8601 (`2026-01-15T12:00:00Z`, `2026-01-15`) or epoch milliseconds. */
const InstantParamSchema = z
  .string()
  .max(40)
  .refine(
    (s) => /^\d{1,15}$/.test(s) || !Number.isNaN(Date.parse(s)),
    'Expected an ISO-8601 date-time or epoch milliseconds.',
  );

export const ActivityListQuerySchema = z.object({
  page: z.coerce.number().int().min(0).max(1_000_000).optional().meta({ description: '0-based; default 0.' }),
  perPage: z.coerce.number().int().min(1).max(1000).optional().meta({ description: 'Default 100.' }),
  from: InstantParamSchema.optional().meta({ description: 'Inclusive lower bound of createDate.' }),
  to: InstantParamSchema.optional().meta({ description: 'Inclusive upper bound of createDate.' }),
});
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;

/** Filters in the body; other facets the platform client may send are ignored. Empty lists: no filter. */
export const ActivityFiltersSchema = z
  .object({
    resourceTypes: z.array(z.string()).max(100).nullish(),
    resourceIds: z.array(z.string()).max(1000).nullish(),
    operations: z.array(z.string()).max(100).nullish(),
  })
  .meta({ id: 'ActivityFilters' });
export type ActivityFilters = z.infer<typeof ActivityFiltersSchema>;
