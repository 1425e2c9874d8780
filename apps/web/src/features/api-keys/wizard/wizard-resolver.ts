import type { FieldErrors, Resolver } from 'react-hook-form';
import { validateKeyRequest } from '@keyward/domain';
import { toKeyRequestInput, type WizardValues } from './wizard-model.ts';

export interface RuleError {
  field: keyof WizardValues | null;
  type: string;
  message: string;
}

/** Several broken rules on one field read as one message. */
export function groupByField(errors: RuleError[]): FieldErrors<WizardValues> {
  const grouped: Record<string, { type: string; message: string }> = {};
  for (const error of errors) {
    const name = error.field ?? 'root';
    const existing = grouped[name];
    if (!existing) grouped[name] = { type: error.type, message: error.message };
    else if (!existing.message.includes(error.message)) existing.message = `${existing.message} ${error.message}`;
  }
  return grouped as FieldErrors<WizardValues>;
}

/**
 * The wizard checks the very rules the server applies (the domain's validateKeyRequest), as the
 * user types, with the server's setting for private IP ranges (KEYWARD_ALLOW_PRIVATE_IPS).
 */
export const wizardResolver =
  (allowPrivateIps: boolean): Resolver<WizardValues> =>
  (values) => {
    if (!values.templateId) {
      return {
        values: {},
        errors: groupByField([{ field: 'templateId', type: 'REQUIRED', message: 'Choose the purpose of the key.' }]),
      };
    }
    const result = validateKeyRequest(toKeyRequestInput(values), {
      now: Date.now(),
      allowPrivateIps,
      origin: 'CREATE',
    });
    if (result.ok) return { values, errors: {} };
    const errors = result.errors.map((e) => ({ field: fieldOfPath(e.path), type: e.rule, message: e.message }));
    return { values: {}, errors: groupByField(errors) };
  };

/** A rule's (or the server's) field path, e.g. `allowedIps[2]` or `privileges.0`, to the form field showing it. */
export function fieldOfPath(path: string): keyof WizardValues | null {
  const head = path.replace(/\[\d+\]/g, '').split('.')[0] ?? '';
  if (path.startsWith('additionalConfiguration.search')) return 'searchHub';
  const table: Record<string, keyof WizardValues> = {
    apiKeyTemplateId: 'templateId',
    displayName: 'displayName',
    description: 'description',
    privileges: 'privileges',
    sourceIds: 'sourceIds',
    securityProviderIds: 'securityProviderIds',
    allowedIps: 'allowedIps',
    deniedIps: 'deniedIps',
    lifetimeDuration: 'expirationDate',
    expirationDate: 'expirationDate',
    groupsThatCanView: 'access',
    groupsThatCanEdit: 'access',
  };
  return table[head] ?? null;
}
