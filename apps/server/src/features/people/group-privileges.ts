import type { PrivilegeInput } from '@keyward/contract';
import { findCatalogEntry, isKnownPrivilege, privilegeId, privilegeKey, type Privilege } from '@keyward/domain';
import type { FieldError } from '../../http/problem.ts';

type Result = { ok: true; privileges: Privilege[] } | { ok: false; errors: FieldError[] };

function targetsOf(input: PrivilegeInput): string[] {
  const ids = input.targetIds ?? (input.targetId ? [input.targetId] : []);
  return ids.includes('*') ? [] : [...new Set(ids)];
}

/**
 * Checks group privileges against the catalog and normalises them: `targetIds` becomes one
 * privilege per target, '*' or no target means every target, duplicates are dropped.
 */
export function normalizeGroupPrivileges(inputs: readonly PrivilegeInput[]): Result {
  const errors: FieldError[] = [];
  const byKey = new Map<string, Privilege>();
  inputs.forEach((input, i) => {
    const base: Privilege = {
      owner: input.owner,
      targetDomain: input.targetDomain,
      ...(input.type ? { type: input.type } : {}),
    };
    if (!isKnownPrivilege(base)) {
      errors.push({
        path: `privileges.${i}`,
        message: `${privilegeId(base)} is not a privilege of the catalog.`,
        rule: 'catalog',
      });
      return;
    }
    const targets = targetsOf(input);
    if (targets.length > 0 && !findCatalogEntry(base)?.targetable) {
      errors.push({
        path: `privileges.${i}.targetIds`,
        message: `${privilegeId(base)} applies to every target; it cannot be limited to some.`,
        rule: 'targets',
      });
      return;
    }
    const expanded = targets.length === 0 ? [base] : targets.map((targetId) => ({ ...base, targetId }));
    for (const p of expanded) byKey.set(privilegeKey(p), p);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, privileges: [...byKey.values()] };
}
