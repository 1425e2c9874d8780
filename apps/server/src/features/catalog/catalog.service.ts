import type { ApiKeyTemplate, AssignablePrivilegeDto } from '@keyward/contract';
import {
  assignablePrivileges,
  getTemplate,
  TEMPLATES,
  type AssignableFilter,
  type TemplateDefinition,
} from '@keyward/domain';
import { AppError } from '../../http/problem.ts';

function toTemplateDto(t: TemplateDefinition): ApiKeyTemplate {
  return {
    id: t.id as ApiKeyTemplate['id'],
    displayName: t.name,
    description: t.description,
    privacyLevel: t.privacy,
    privacyLabel: t.privacyLabel,
    privileges: t.privileges.map((p) => ({ ...p })),
    allowedIps: [],
    deniedIps: [],
    steps: [...t.steps],
    configuration: { ...t.configuration },
    expiration: { ...t.expiration },
  };
}

export function listTemplates(): ApiKeyTemplate[] {
  return (TEMPLATES as readonly TemplateDefinition[]).map(toTemplateDto);
}

export function findTemplate(id: string): ApiKeyTemplate {
  const template = getTemplate(id);
  if (!template) throw new AppError('NOT_FOUND', `No API key template "${id}".`);
  return toTemplateDto(template);
}

export function listAssignablePrivileges(filter: AssignableFilter): AssignablePrivilegeDto[] {
  return assignablePrivileges(filter);
}
