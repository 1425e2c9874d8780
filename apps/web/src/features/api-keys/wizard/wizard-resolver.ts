import type { FieldErrors, Resolver } from 'react-hook-form';
import { validateKeyRequest } from '@keyward/domain';
import { ruleMessage } from '../../../lib/user-messages.ts';
import { ipListSummary } from './ip-entries.ts';
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
    return { values: {}, errors: groupByField(ruleErrors(result.errors)) };
  };

const IP_FIELDS = new Set(['allowedIps', 'deniedIps']);

/**
 * The domain's errors in the user's words. A wrong entry of an IP list is marked on its own chip,
 * so the list itself only says how many entries need fixing.
 */
export function ruleErrors(errors: readonly { path: string; rule: string; message: string }[]): RuleError[] {
  const wrongEntries = new Map<string, number>();
  const out: RuleError[] = [];
  for (const e of errors) {
    const field = fieldOfPath(e.path);
    if (field && IP_FIELDS.has(field) && /\[\d+\]/.test(e.path)) {
      wrongEntries.set(field, (wrongEntries.get(field) ?? 0) + 1);
    } else {
      out.push({ field, type: e.rule, message: ruleMessage(e) });
    }
  }
  for (const [field, count] of wrongEntries)
    out.push({ field: field as keyof WizardValues, type: 'INVALID_ENTRY', message: ipListSummary(count) });
  return out;
}

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
