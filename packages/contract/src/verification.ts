import { VERIFICATION_CODES } from '@keyward/domain';
import { z } from 'zod';
import { PrivilegeInputSchema, PrivilegeSchema } from './common.ts';

export const VerifyRequestSchema = z.object({
  key: z.string().max(200),
  ip: z.string().max(100).nullish(),
  origin: z.string().max(2000).nullish(),
  privileges: z.array(PrivilegeInputSchema).max(100).nullish(),
  searchHub: z.string().max(255).nullish(),
});
export type VerifyRequest = z.infer<typeof VerifyRequestSchema>;

export const VerifyCodeSchema = z.enum(VERIFICATION_CODES);

export const VerifyResponseSchema = z.object({
  valid: z.boolean(),
  code: VerifyCodeSchema,
  keyId: z.string().optional(),
  displayName: z.string().optional(),
  privileges: z.array(PrivilegeSchema).optional(),
  enforcedSearchHub: z.string().nullable().optional(),
  expirationDate: z.number().int().nullable().optional(),
});
export type VerifyResponse = z.infer<typeof VerifyResponseSchema>;

export const UsageDaySchema = z.object({
  date: z.string(),
  allowed: z.number().int(),
  denied: z.number().int(),
  byCode: z.record(z.string(), z.number().int()),
});
export const UsageResponseSchema = z.object({
  lastUsedDate: z.number().int().nullable(),
  lastUsedIp: z.string().nullable(),
  days: z.array(UsageDaySchema),
});
export type UsageResponse = z.infer<typeof UsageResponseSchema>;

/** One of the key's privileges and when it was last exercised (PRODUCT.md §7, least-privilege hint). */
export const PrivilegeUsageSchema = PrivilegeSchema.extend({
  lastExercisedDate: z
    .number()
    .int()
    .nullable()
    .describe(
      'Epoch ms of the last verification or REST call that exercised it within the window; null: not exercised.',
    ),
});
export type PrivilegeUsage = z.infer<typeof PrivilegeUsageSchema>;
export const PrivilegeUsageResponseSchema = z.array(PrivilegeUsageSchema);
export type PrivilegeUsageResponse = z.infer<typeof PrivilegeUsageResponseSchema>;
export const PrivilegeUsageQuerySchema = z.object({
  days: z.coerce.number().int().min(1).max(366).default(90),
});
