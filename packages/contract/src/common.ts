import { PRIVILEGE_OWNERS, PRIVILEGE_TYPES, type FieldError as DomainFieldError } from '@keyward/domain';
import { z } from 'zod';

/** The domain's FieldError, as problem bodies carry it (`rule` names the rule broken). */
export const FieldErrorSchema = z.object({
  path: z.string(),
  message: z.string(),
  rule: z.string(),
}) satisfies z.ZodType<FieldError>;
export type FieldError = DomainFieldError<string>;

/** application/problem+json body of every error (PRODUCT.md §3.4). */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errorCode: z.string(),
  errors: z.array(FieldErrorSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const PrivilegeOwnerSchema = z.enum(PRIVILEGE_OWNERS);
export const PrivilegeTypeSchema = z.enum(PRIVILEGE_TYPES);

/** A privilege as answered: `targetId` absent or '*' means every target. */
export const PrivilegeSchema = z.object({
  owner: PrivilegeOwnerSchema,
  targetDomain: z.string().min(1),
  type: PrivilegeTypeSchema.optional(),
  targetId: z.string().optional(),
});
export type PrivilegeDto = z.infer<typeof PrivilegeSchema>;

/** A privilege as sent: accepts `targetId` or Coveo's `targetIds` (and ignores `global`). */
export const PrivilegeInputSchema = z.object({
  owner: PrivilegeOwnerSchema,
  targetDomain: z.string().min(1),
  type: PrivilegeTypeSchema.nullish(),
  targetId: z.string().nullish(),
  targetIds: z.array(z.string()).nullish(),
  global: z.boolean().nullish(),
});
export type PrivilegeInput = z.infer<typeof PrivilegeInputSchema>;

export const IdNameSchema = z.object({ id: z.string(), displayName: z.string() });
export type IdName = z.infer<typeof IdNameSchema>;

export const EpochMsSchema = z.number().int();

/** The server's rule for every password it sets (new users, password changes). */
export const NewPasswordSchema = z.string().min(8, 'Use at least 8 characters.').max(1024);
