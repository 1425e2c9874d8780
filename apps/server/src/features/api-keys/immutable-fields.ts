import type { PrivilegeInput, UpdateApiKeyRequest } from '@keyward/contract';
import { FIELD_PATHS, expirationFromDate, privilegeId, type Privilege } from '@keyward/domain';
import type { FieldError } from '../../http/problem.ts';
import type { ApiKeyRow } from './api-key-row.ts';

// Adapter (the domain has no rule for it yet): on update, privileges and expiration are compared
// with the stored ones, since the platform client sends the whole model back. Identical: ignored;
// different: refused (PRODUCT.md §3.2, "cannot be edited after creation").

const EVERY_TARGET = '*';

function storedKeys(privileges: readonly Privilege[]): Set<string> {
  return new Set(privileges.map((p) => `${privilegeId(p)}@${p.targetId ?? EVERY_TARGET}`));
}

function sentKeys(privileges: readonly PrivilegeInput[]): Set<string> {
  return new Set(
    privileges.flatMap((p) => {
      const id = privilegeId({ owner: p.owner, targetDomain: p.targetDomain, ...(p.type ? { type: p.type } : {}) });
      const targets = [...(p.targetIds ?? []), ...(p.targetId ? [p.targetId] : [])].filter((t) => t !== EVERY_TARGET);
      return targets.length === 0 ? [`${id}@${EVERY_TARGET}`] : targets.map((t) => `${id}@${t}`);
    }),
  );
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

const RECREATE = 'Create a new key (Create from existing) and deactivate this one instead.';

export function immutableFieldErrors(row: ApiKeyRow, body: UpdateApiKeyRequest): FieldError[] {
  const errors: FieldError[] = [];
  if (body.privileges !== undefined && body.privileges !== null) {
    if (!sameSet(storedKeys(JSON.parse(row.privileges_json) as Privilege[]), sentKeys(body.privileges))) {
      errors.push({
        path: FIELD_PATHS.privileges,
        rule: 'NOT_EDITABLE',
        message: `The privileges of an API key can't be edited after creation. ${RECREATE}`,
      });
    }
  }
  if (body.expirationDate !== undefined) {
    const sent = body.expirationDate === null ? null : expirationFromDate(body.expirationDate);
    if (sent !== row.expiration_date) {
      errors.push({
        path: FIELD_PATHS.expirationDate,
        rule: 'NOT_EDITABLE',
        message: `The expiration date of an API key can't be edited after creation. ${RECREATE}`,
      });
    }
  }
  if (body.lifetimeDuration !== undefined && body.lifetimeDuration !== null) {
    errors.push({
      path: FIELD_PATHS.lifetimeDuration,
      rule: 'NOT_EDITABLE',
      message: `The expiration of an API key can't be edited after creation. ${RECREATE}`,
    });
  }
  return errors;
}
