// The life of a key after creation (PRODUCT.md §3.3, §5, §8): exposure reports, secret-scanning
// intake, rotation, the notification outbox and the test clock.
import { z } from 'zod';
import { SEVERITIES } from '@keyward/domain';

export const SeveritySchema = z.enum(SEVERITIES).meta({ id: 'ExposureSeverity' });

export const ReportExposureRequestSchema = z
  .object({
    reason: z.string().trim().min(1).max(1000),
    severity: SeveritySchema,
    url: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullish(),
  })
  .meta({ id: 'ReportExposureRequest' });
export type ReportExposureRequest = z.infer<typeof ReportExposureRequestSchema>;

/** `previousKeyExpirationPeriod`: ISO-8601 duration from `PT0S` (deactivate now) to `P30D`. */
export const RotateKeyRequestSchema = z
  .object({
    previousKeyExpirationPeriod: z.string().min(1).max(64),
  })
  .meta({ id: 'RotateKeyRequest' });
export type RotateKeyRequest = z.infer<typeof RotateKeyRequestSchema>;

/** `POST B/lookup`: a key found by its full value (hashed, never stored or logged). */
export const LookupApiKeyRequestSchema = z
  .object({ value: z.string().min(1).max(200).meta({ description: 'The full key value, e.g. kwprv_…' }) })
  .meta({ id: 'LookupApiKeyRequest' });
export type LookupApiKeyRequest = z.infer<typeof LookupApiKeyRequestSchema>;

/** `POST B/{id}/replace`: after Create from existing, the original is retired in favour of the new key. */
export const ReplaceKeyRequestSchema = z
  .object({
    replacementKeyId: z.string().min(1).max(100),
    previousKeyExpirationPeriod: z.string().min(1).max(64),
  })
  .meta({ id: 'ReplaceKeyRequest' });
export type ReplaceKeyRequest = z.infer<typeof ReplaceKeyRequestSchema>;

export const NOTIFICATION_STATUSES = ['PENDING', 'SENT', 'HELD', 'FAILED'] as const;
export const NotificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export type NotificationStatus = z.infer<typeof NotificationStatusSchema>;

/** One e-mail of the outbox. HELD: no SMTP server configured, kept for the console only. */
export const NotificationSchema = z
  .object({
    id: z.number().int(),
    to: z.array(z.string()),
    subject: z.string(),
    body: z.string(),
    status: NotificationStatusSchema,
    attempts: z.number().int(),
    /** epoch milliseconds */
    createdDate: z.number().int(),
    sentDate: z.number().int().nullable(),
    lastError: z.string().nullable(),
    apiKeyId: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

/** `page` is 0-based; without `page`, the first page. Total in `X-Total-Count`. */
export const NotificationListQuerySchema = z.object({
  page: z.coerce.number().int().min(0).max(1_000_000).optional(),
  perPage: z.coerce.number().int().min(1).max(500).optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

/** GitHub's secret-scanning partner format: what GitHub found. */
export const SecretScanningMatchSchema = z.object({
  token: z.string().max(4096),
  type: z.string().max(200),
  url: z.string().max(4096).optional().default(''),
  source: z.string().max(200).optional().default(''),
});
export const SecretScanningRequestSchema = z
  .array(SecretScanningMatchSchema)
  .max(1000)
  .meta({ id: 'SecretScanningRequest' });
export type SecretScanningMatch = z.infer<typeof SecretScanningMatchSchema>;

export const SecretScanningResultSchema = z
  .object({
    token_raw: z.string(),
    token_type: z.string(),
    label: z.enum(['true_positive', 'false_positive']),
  })
  .meta({ id: 'SecretScanningResult' });
export type SecretScanningResult = z.infer<typeof SecretScanningResultSchema>;

const IsoInstantSchema = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const TestClockSchema = z.object({ now: IsoInstantSchema }).meta({ id: 'TestClock' });
export type TestClock = z.infer<typeof TestClockSchema>;

export const TestClockResponseSchema = z
  .object({ now: z.string(), epochMs: z.number().int() })
  .meta({ id: 'TestClockState' });

/** What one pass of the job loop did. */
export const JobRunSummarySchema = z
  .object({
    now: z.string(),
    keysExamined: z.number().int(),
    deactivated: z.object({ inactivity: z.number().int(), exposure: z.number().int(), rotation: z.number().int() }),
    noticesQueued: z.number().int(),
    noticesSuperseded: z.number().int(),
    mail: z.object({ sent: z.number().int(), retrying: z.number().int(), failed: z.number().int() }),
    durationMs: z.number(),
    /** Another instance was running a pass (PostgreSQL): this one skipped its turn. */
    skipped: z.boolean().optional(),
  })
  .meta({ id: 'JobRunSummary' });
export type JobRunSummary = z.infer<typeof JobRunSummarySchema>;
