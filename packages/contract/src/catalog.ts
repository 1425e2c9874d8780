// Templates (`GET .../templates/apikeys`) and assignable privileges (`GET .../privileges/apikeys`).
import { z } from 'zod';
import { PRIVACY_LEVELS, PRIVILEGE_OWNERS, PRIVILEGE_TYPES, TEMPLATE_IDS } from '@keyward/domain';
import { PrivilegeSchema } from './common.ts';

export const WIZARD_STEPS = ['purpose', 'identification', 'privileges', 'configuration', 'access', 'review'] as const;

export const ApiKeyTemplateSchema = z
  .object({
    id: z.enum(TEMPLATE_IDS),
    displayName: z.string(),
    description: z.string(),
    privacyLevel: z.enum(PRIVACY_LEVELS),
    privacyLabel: z.string(),
    /** Fixed privileges; empty for Custom (chosen in the Privileges step). */
    privileges: z.array(PrivilegeSchema),
    allowedIps: z.array(z.string()),
    deniedIps: z.array(z.string()),
    steps: z.array(z.enum(WIZARD_STEPS)),
    configuration: z.object({
      searchHub: z.enum(['none', 'recommended', 'required']),
      sources: z.boolean(),
      securityProviders: z.boolean(),
      ips: z.boolean(),
    }),
    expiration: z.object({
      kind: z.enum(['optional', 'required', 'required-or-never']),
      minDays: z.number().int().optional(),
      maxDays: z.number().int().optional(),
    }),
  })
  .meta({ id: 'ApiKeyTemplate' });
export type ApiKeyTemplate = z.infer<typeof ApiKeyTemplateSchema>;

export const ApiKeyTemplateListSchema = z.array(ApiKeyTemplateSchema);

export const AssignablePrivilegeSchema = z
  .object({
    owner: z.enum(PRIVILEGE_OWNERS),
    targetDomain: z.string(),
    type: z.enum(PRIVILEGE_TYPES).optional(),
    targetIds: z.array(z.string()),
    global: z.literal(false),
  })
  .meta({ id: 'AssignablePrivilege' });
export type AssignablePrivilegeDto = z.infer<typeof AssignablePrivilegeSchema>;

export const AssignablePrivilegeListSchema = z.array(AssignablePrivilegeSchema);

/** ALL: every privilege an API key may hold; CUSTOM: those a Custom key may hold. */
export const AssignablePrivilegeQuerySchema = z.object({ filter: z.enum(['ALL', 'CUSTOM']).optional() });
