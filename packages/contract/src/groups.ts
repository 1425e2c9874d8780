import { z } from 'zod';
import { API_KEY_ACCESS_LEVELS, BUILT_IN_GROUPS } from '@keyward/domain';
import { NewPasswordSchema, PrivilegeInputSchema, PrivilegeSchema } from './common.ts';

/** API-key access of a group (PRODUCT.md §2); its type is the domain's `ApiKeyAccess`. */
export const ApiKeyAccessSchema = z.enum(API_KEY_ACCESS_LEVELS).meta({ id: 'ApiKeyAccess' });

export const BuiltInGroupSchema = z.enum(BUILT_IN_GROUPS);
export type BuiltInGroup = z.infer<typeof BuiltInGroupSchema>;

/** Accepts e-mail addresses of intranet hosts too (admin@localhost), so only the shape is checked. */
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'Expected an e-mail address such as name@example.com.');

export const GroupSchema = z
  .object({
    id: z.string(),
    displayName: z.string(),
    apiKeyAccess: ApiKeyAccessSchema,
    privileges: z.array(PrivilegeSchema),
    builtIn: BuiltInGroupSchema.nullable(),
    memberCount: z.number().int(),
    /** API keys whose Access step grants this group view or edit (CUSTOM): deleting the group removes those grants. */
    keyGrantCount: z.number().int(),
  })
  .meta({ id: 'Group' });
export type Group = z.infer<typeof GroupSchema>;

export const GroupListSchema = z.array(GroupSchema);

/** Create a group. Without `apiKeyAccess` or `privileges` it grants nothing (NONE, []). */
export const GroupInputSchema = z
  .object({
    displayName: z.string().trim().min(1).max(125),
    apiKeyAccess: ApiKeyAccessSchema.default('NONE'),
    privileges: z.array(PrivilegeInputSchema).max(500).default([]),
  })
  .meta({ id: 'GroupInput' });
export type GroupInput = z.infer<typeof GroupInputSchema>;

/** Change a group: the whole model may be sent (other fields are ignored); an absent field keeps its value. */
export const GroupUpdateSchema = z
  .object({
    displayName: z.string().trim().min(1).max(125).optional(),
    apiKeyAccess: ApiKeyAccessSchema.optional(),
    privileges: z.array(PrivilegeInputSchema).max(500).optional(),
  })
  .meta({ id: 'GroupUpdate' });
export type GroupUpdate = z.infer<typeof GroupUpdateSchema>;

export const MemberSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof MemberSchema>;

export const MemberListSchema = z.array(MemberSchema);

/** Create a user in the organization: they join the listed groups (ids of this organization). */
export const CreateMemberSchema = z
  .object({
    email: EmailSchema,
    displayName: z.string().trim().min(1).max(125),
    password: NewPasswordSchema,
    groups: z.array(z.string().min(1)).min(1, 'Choose at least one group.').max(100),
  })
  .meta({ id: 'CreateMember' });
export type CreateMember = z.infer<typeof CreateMemberSchema>;

/** Add an existing user to a group, by id or by e-mail (`username` is the platform client's name for it). */
export const AddGroupMemberSchema = z
  .object({
    userId: z.string().min(1).optional(),
    email: EmailSchema.optional(),
    username: EmailSchema.optional(),
  })
  .refine((v) => v.userId !== undefined || v.email !== undefined || v.username !== undefined, {
    message: 'Send userId or email.',
    path: ['userId'],
  })
  .meta({ id: 'AddGroupMember' });
export type AddGroupMember = z.infer<typeof AddGroupMemberSchema>;
