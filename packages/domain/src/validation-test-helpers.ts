// Shared by the validation tests (not a test file itself).
import { validateKeyRequest, type KeyRequestInput, type ValidationContext } from './validation.ts';
import type { PrivilegeInput } from './validation-privileges.ts';

export const t = (iso: string): number => Date.parse(iso);
export const NOW = t('2025-06-10T15:00:00.000Z');
export const ctx: ValidationContext = { now: NOW, allowPrivateIps: false, origin: 'CREATE' };
export const HUB = 'additionalConfiguration.search.enforcedQueryPipelineConfiguration.searchHub';

export const req = (templateId: string, over: Partial<KeyRequestInput> = {}): KeyRequestInput => ({
  templateId,
  displayName: 'My key',
  ...over,
});

/** `OWNER/DOMAIN[:TYPE]` as a privilege input. */
export const P = (id: string, extra: Partial<PrivilegeInput> = {}): PrivilegeInput => {
  const [domain, type] = id.split(':');
  const [owner = '', targetDomain = ''] = (domain ?? '').split('/');
  return { owner, targetDomain, ...(type === undefined ? {} : { type }), ...extra };
};

/** [path, rule] of every error; [] when valid. */
export const rules = (input: KeyRequestInput, c: ValidationContext = ctx): string[][] => {
  const result = validateKeyRequest(input, c);
  return result.ok ? [] : result.errors.map((e) => [e.path, e.rule]);
};

export const value = (input: KeyRequestInput, c: ValidationContext = ctx) => {
  const result = validateKeyRequest(input, c);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
};
