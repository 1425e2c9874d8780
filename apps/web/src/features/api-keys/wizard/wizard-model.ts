import {
  DAY_MS,
  NEVER,
  expirationFromDate,
  findCatalogEntry,
  getTemplate,
  parsePrivilegeId,
  privilegeId,
  utcDateString,
  type KeyAccessLevel,
  type KeyRequestInput,
  type TemplateDefinition,
  type WizardStep,
} from '@keyward/domain';
import type { ApiKey, CreateApiKeyRequest } from '@keyward/contract';

/** A group's level on one key, as the Access step sets it (the domain's KeyAccessLevel). */
export type AccessLevel = KeyAccessLevel;

/** Everything the wizard asks, as the form holds it (one form across all steps). */
export interface WizardValues {
  templateId: string;
  displayName: string;
  description: string;
  /** Custom only: `owner/targetDomain[:type]` of each chosen privilege. */
  privileges: string[];
  sourceIds: string[];
  securityProviderIds: string[];
  searchHub: string;
  /** 'date': expirationDate (YYYY-MM-DD) applies; 'never': a Custom key that never expires. */
  expirationMode: 'date' | 'never' | '';
  expirationDate: string;
  allowedIps: string[];
  deniedIps: string[];
  /** Access level per CUSTOM group id. */
  access: Record<string, AccessLevel>;
}

export const STEP_LABELS: Record<WizardStep, string> = {
  purpose: 'Key purpose',
  identification: 'Identification',
  privileges: 'Privileges',
  configuration: 'Configuration',
  access: 'Access',
  review: 'Review',
};

/** The form fields each step owns: Next validates these, and errors send the user back there. */
export const STEP_FIELDS: Record<WizardStep, (keyof WizardValues)[]> = {
  purpose: ['templateId'],
  identification: ['displayName', 'description'],
  // searchHub too: the "Limit the API key scope" section asks for it under potent privileges
  privileges: ['privileges', 'searchHub'],
  configuration: [
    'sourceIds',
    'securityProviderIds',
    'searchHub',
    'expirationMode',
    'expirationDate',
    'allowedIps',
    'deniedIps',
  ],
  access: ['access'],
  review: [],
};

const DEFAULT_STEPS: readonly WizardStep[] = ['purpose', 'identification', 'configuration', 'access', 'review'];

/** Steps come from the template's data; Create from existing skips Key purpose. */
export function stepsFor(templateId: string, fromExisting: boolean): WizardStep[] {
  const steps = getTemplate(templateId)?.steps ?? DEFAULT_STEPS;
  return steps.filter((s) => !(fromExisting && s === 'purpose'));
}

export function emptyValues(): WizardValues {
  return {
    templateId: '',
    displayName: '',
    description: '',
    privileges: [],
    sourceIds: [],
    securityProviderIds: [],
    searchHub: '',
    expirationMode: '',
    expirationDate: '',
    allowedIps: [],
    deniedIps: [],
    access: {},
  };
}

/** Defaults that depend on the template: View all content expires in 7 days unless changed. */
export function expirationDefaults(
  template: TemplateDefinition | undefined,
  now: number,
): Pick<WizardValues, 'expirationMode' | 'expirationDate'> {
  if (template?.expiration.kind === 'required') {
    return { expirationMode: 'date', expirationDate: utcDateString(now + 7 * DAY_MS) };
  }
  return { expirationMode: '', expirationDate: '' };
}

/** Create from existing: the existing key's settings, a new name to be given. */
export function valuesFromKey(key: ApiKey, now: number): WizardValues {
  const template = getTemplate(key.apiKeyTemplateId);
  const targets = (input: 'sourceIds' | 'securityProviderIds') =>
    key.privileges
      .filter((p) => findCatalogEntry(p)?.targetInput === input)
      // An unscoped privilege (a key stored before push scope was explicit) reads as every target.
      .map((p) => p.targetId ?? '*');
  const access: Record<string, AccessLevel> = {};
  key.groupsThatCanView.forEach((g) => (access[g.id] = 'VIEW'));
  key.groupsThatCanEdit.forEach((g) => (access[g.id] = 'EDIT'));
  const futureDate = key.expirationDate !== null && key.expirationDate > now ? utcDateString(key.expirationDate) : '';
  const expiration =
    template?.expiration.kind === 'required-or-never'
      ? key.expirationDate === null
        ? { expirationMode: 'never' as const, expirationDate: '' }
        : { expirationMode: 'date' as const, expirationDate: futureDate }
      : expirationDefaults(template, now);
  return {
    ...emptyValues(),
    templateId: key.apiKeyTemplateId,
    description: key.description,
    privileges: key.apiKeyTemplateId === 'custom' ? [...new Set(key.privileges.map(privilegeId))] : [],
    sourceIds: [...new Set(targets('sourceIds'))],
    securityProviderIds: [...new Set(targets('securityProviderIds'))],
    searchHub: key.additionalConfiguration.search?.enforcedQueryPipelineConfiguration?.searchHub ?? '',
    allowedIps: key.allowedIps,
    deniedIps: key.deniedIps,
    access,
    ...expiration,
  };
}

function groupsAt(access: Record<string, AccessLevel>, level: AccessLevel): string[] {
  return Object.entries(access)
    .filter(([, l]) => l === level)
    .map(([id]) => id);
}

/** What only the chosen template uses is dropped, so hidden leftovers never reach the rules. */
function applicable(values: WizardValues) {
  const template = getTemplate(values.templateId);
  const config = template?.configuration;
  const expiration = template?.expiration.kind ?? 'optional';
  const custom = values.templateId === 'custom';
  const privileges = custom ? values.privileges.map(parsePrivilegeId).filter((p) => p !== null) : [];
  const uses = (input: 'sourceIds' | 'securityProviderIds') =>
    !custom || privileges.some((p) => findCatalogEntry(p)?.targetInput === input);
  return {
    privileges,
    sourceIds: config?.sources && uses('sourceIds') ? values.sourceIds : [],
    securityProviderIds: config?.securityProviders && uses('securityProviderIds') ? values.securityProviderIds : [],
    searchHub: config && config.searchHub !== 'none' ? values.searchHub.trim() : '',
    allowedIps: config?.ips ? values.allowedIps : [],
    deniedIps: config?.ips ? values.deniedIps : [],
    never: expiration === 'required-or-never' && values.expirationMode === 'never',
    date:
      expiration === 'required' || (expiration === 'required-or-never' && values.expirationMode === 'date')
        ? values.expirationDate || null
        : null,
  };
}

/** The input of the domain's validateKeyRequest: the same rules the server applies. */
export function toKeyRequestInput(values: WizardValues): KeyRequestInput {
  const a = applicable(values);
  const date = a.date === null ? null : (expirationFromDate(a.date) ?? Number.NaN);
  return {
    templateId: values.templateId,
    displayName: values.displayName,
    description: values.description,
    privileges: a.privileges,
    sourceIds: a.sourceIds,
    securityProviderIds: a.securityProviderIds,
    searchHub: a.searchHub || null,
    allowedIps: a.allowedIps,
    deniedIps: a.deniedIps,
    lifetimeDuration: a.never ? NEVER : null,
    expirationDate: date,
    groupsThatCanView: groupsAt(values.access, 'VIEW'),
    groupsThatCanEdit: groupsAt(values.access, 'EDIT'),
  };
}

/** The REST model sent to `POST .../apikeys?apiKeyTemplateId=T`. */
export function toCreateBody(values: WizardValues): CreateApiKeyRequest {
  const a = applicable(values);
  const date = a.date === null ? null : expirationFromDate(a.date);
  return {
    displayName: values.displayName.trim(),
    description: values.description.trim(),
    ...(a.privileges.length > 0 ? { privileges: a.privileges } : {}),
    ...(a.sourceIds.length > 0 ? { sourceIds: a.sourceIds } : {}),
    ...(a.securityProviderIds.length > 0 ? { securityProviderIds: a.securityProviderIds } : {}),
    allowedIps: a.allowedIps,
    deniedIps: a.deniedIps,
    additionalConfiguration: a.searchHub
      ? { search: { enforcedQueryPipelineConfiguration: { searchHub: a.searchHub } } }
      : {},
    ...(a.never ? { lifetimeDuration: NEVER } : {}),
    ...(date !== null ? { expirationDate: date } : {}),
    groupsThatCanView: groupsAt(values.access, 'VIEW').map((id) => ({ id })),
    groupsThatCanEdit: groupsAt(values.access, 'EDIT').map((id) => ({ id })),
  };
}

/** The step the URL names, if the user has reached it; else the first step. */
export function stepIndexFromUrl(steps: readonly WizardStep[], fromUrl: string | null, reached: number): number {
  const index = steps.findIndex((s) => s === fromUrl);
  return index === -1 || index > reached ? 0 : index;
}
