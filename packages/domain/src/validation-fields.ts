// Field rules shared by create and update. Each returns the normalized value and the errors found.

import { validateIpList } from './ip-rules.ts';

export type ValidationRule =
  | 'REQUIRED'
  | 'MAX_LENGTH'
  | 'INVALID_FORMAT'
  | 'UNKNOWN_TEMPLATE'
  | 'UNKNOWN_PRIVILEGE'
  | 'NOT_ASSIGNABLE_TO_KEYS'
  | 'FORBIDDEN_IN_CUSTOM'
  | 'TEMPLATE_PRIVILEGES_FIXED'
  | 'PRIVILEGES_REQUIRED'
  | 'QUERY_WITH_PLATFORM'
  | 'TARGET_NOT_ALLOWED'
  | 'NOT_APPLICABLE'
  | 'SEARCH_HUB_REQUIRED'
  | 'COMMERCE_WITH_SEARCH_HUB'
  | 'EXPIRATION_REQUIRED'
  | 'EXPIRATION_CONFLICT'
  | 'EXPIRATION_IN_PAST'
  | 'EXPIRATION_RANGE'
  | 'INVALID_DURATION'
  | 'INVALID_DATE'
  | 'INVALID'
  | 'SPACES'
  | 'HOST_BITS_SET'
  | 'NON_PUBLIC'
  | 'MAX_ENTRIES'
  | 'NOT_EDITABLE';

export type FieldError = { path: string; rule: ValidationRule; message: string };
export type Checked<T> = { value: T; errors: FieldError[] };

export const FIELD_PATHS = {
  templateId: 'apiKeyTemplateId',
  displayName: 'displayName',
  description: 'description',
  privileges: 'privileges',
  sourceIds: 'sourceIds',
  securityProviderIds: 'securityProviderIds',
  allowedIps: 'allowedIps',
  deniedIps: 'deniedIps',
  searchHub: 'additionalConfiguration.search.enforcedQueryPipelineConfiguration.searchHub',
  commerceCatalogId: 'additionalConfiguration.commerce.catalogId',
  lifetimeDuration: 'lifetimeDuration',
  expirationDate: 'expirationDate',
  groupsThatCanView: 'groupsThatCanView',
  groupsThatCanEdit: 'groupsThatCanEdit',
} as const;

export const MAX_DISPLAY_NAME = 125;
export const MAX_DESCRIPTION = 1000;
export const MAX_IDENTIFIER = 255;

/** Length in code points, so an emoji counts as one character. */
function length(s: string): number {
  return [...s].length;
}

export function checkDisplayName(input: unknown): Checked<string> {
  const value = typeof input === 'string' ? input.trim() : '';
  const path = FIELD_PATHS.displayName;
  if (value === '') return { value, errors: [{ path, rule: 'REQUIRED', message: 'A name is required.' }] };
  if (length(value) > MAX_DISPLAY_NAME) {
    return {
      value,
      errors: [{ path, rule: 'MAX_LENGTH', message: `The name must be at most ${MAX_DISPLAY_NAME} characters.` }],
    };
  }
  return { value, errors: [] };
}

export function checkDescription(input: unknown): Checked<string> {
  const value = typeof input === 'string' ? input.trim() : '';
  if (length(value) <= MAX_DESCRIPTION) return { value, errors: [] };
  const message = `The description must be at most ${MAX_DESCRIPTION} characters.`;
  return { value, errors: [{ path: FIELD_PATHS.description, rule: 'MAX_LENGTH', message }] };
}

/** Ids and search hubs: trimmed, no inner whitespace, at most 255 characters. */
export function checkIdentifier(input: unknown, path: string, what: string): FieldError | null {
  if (typeof input !== 'string' || input.trim() === '')
    return { path, rule: 'REQUIRED', message: `${what} can't be blank.` };
  const value = input.trim();
  if (/\s/.test(value)) return { path, rule: 'INVALID_FORMAT', message: `${what} can't contain spaces.` };
  if (length(value) > MAX_IDENTIFIER)
    return { path, rule: 'MAX_LENGTH', message: `${what} must be at most ${MAX_IDENTIFIER} characters.` };
  return null;
}

/** Blank or absent = no search hub enforced. */
export function checkSearchHub(input: unknown): Checked<string | null> {
  if (input === null || input === undefined || (typeof input === 'string' && input.trim() === '')) {
    return { value: null, errors: [] };
  }
  const error = checkIdentifier(input, FIELD_PATHS.searchHub, 'The search hub');
  return error ? { value: null, errors: [error] } : { value: (input as string).trim(), errors: [] };
}

export function checkCommerce(input: unknown): Checked<{ catalogId: string } | null> {
  if (input === null || input === undefined) return { value: null, errors: [] };
  const catalogId = (input as { catalogId?: unknown }).catalogId;
  const error = checkIdentifier(catalogId, FIELD_PATHS.commerceCatalogId, 'The commerce catalog id');
  return error ? { value: null, errors: [error] } : { value: { catalogId: (catalogId as string).trim() }, errors: [] };
}

/** A list of ids (sources, providers, groups): each valid, de-duplicated, in input order. */
export function checkIdList(input: unknown, path: string, what: string): Checked<string[]> {
  if (input === undefined || input === null) return { value: [], errors: [] };
  if (!Array.isArray(input))
    return { value: [], errors: [{ path, rule: 'INVALID_FORMAT', message: `${what} must be a list.` }] };
  const value: string[] = [];
  const errors: FieldError[] = [];
  input.forEach((item: unknown, i) => {
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : item;
    const error = checkIdentifier(id, `${path}[${i}]`, what);
    if (error) errors.push(error);
    else if (!value.includes((id as string).trim())) value.push((id as string).trim());
  });
  return { value, errors };
}

export function checkIps(input: unknown, field: 'allowedIps' | 'deniedIps', allowPrivate: boolean): Checked<string[]> {
  if (input === undefined || input === null) return { value: [], errors: [] };
  if (!Array.isArray(input)) {
    return { value: [], errors: [{ path: field, rule: 'INVALID_FORMAT', message: 'IP addresses must be a list.' }] };
  }
  const result = validateIpList(input as string[], { allowPrivate, field });
  if (result.ok) return { value: result.value, errors: [] };
  return { value: [], errors: result.errors.map(({ path, rule, message }) => ({ path, rule, message })) };
}

/** Groups that can edit also view; a group named in both lists is kept in the edit list only. */
export function checkGroups(view: unknown, edit: unknown): Checked<{ canView: string[]; canEdit: string[] }> {
  const canEdit = checkIdList(edit, FIELD_PATHS.groupsThatCanEdit, 'A group id');
  const canView = checkIdList(view, FIELD_PATHS.groupsThatCanView, 'A group id');
  return {
    value: { canView: canView.value.filter((id) => !canEdit.value.includes(id)), canEdit: canEdit.value },
    errors: [...canView.errors, ...canEdit.errors],
  };
}

/** The REST model's `additionalConfiguration` for a normalized search hub and commerce setting. */
export function additionalConfigurationOf(
  searchHub: string | null,
  commerce: { catalogId: string } | null,
): {
  search?: { enforcedQueryPipelineConfiguration: { searchHub: string } };
  commerce?: { catalogId: string };
} {
  return {
    ...(searchHub === null ? {} : { search: { enforcedQueryPipelineConfiguration: { searchHub } } }),
    ...(commerce === null ? {} : { commerce }),
  };
}
