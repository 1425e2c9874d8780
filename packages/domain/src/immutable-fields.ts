// On update, privileges and expiration are compared with the stored ones, since the platform client
// sends the whole model back. Identical: ignored; different: refused (PRODUCT.md §3.2, "cannot be
// edited after creation").

import { expirationFromDate } from './expiration.ts';
import { privilegeKey } from './groups.ts';
import type { Privilege, PrivilegeOwner, PrivilegeType } from './privilege-catalog.ts';
import { privilegeId } from './privileges.ts';
import { FIELD_PATHS, type FieldError } from './validation-fields.ts';

const EVERY_TARGET = '*';

/** A privilege as a client sends it back: one target, several (`targetIds`), or '*' for every target. */
export interface SentPrivilege {
  owner: PrivilegeOwner;
  targetDomain: string;
  type?: PrivilegeType | null | undefined;
  targetId?: string | null | undefined;
  targetIds?: readonly string[] | null | undefined;
}

/** What an update request says about the fields fixed at creation (absent: not sent). */
export interface SentImmutableFields {
  privileges?: readonly SentPrivilege[] | null | undefined;
  expirationDate?: number | string | null | undefined;
  lifetimeDuration?: string | null | undefined;
}

function sentKeys(privileges: readonly SentPrivilege[]): Set<string> {
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

/** The errors of an update that would change a key's privileges or expiration (none: nothing to refuse). */
export function immutableFieldErrors(
  stored: { privileges: readonly Privilege[]; expirationDate: number | null },
  sent: SentImmutableFields,
): FieldError[] {
  const errors: FieldError[] = [];
  if (sent.privileges !== undefined && sent.privileges !== null) {
    if (!sameSet(new Set(stored.privileges.map(privilegeKey)), sentKeys(sent.privileges))) {
      errors.push({
        path: FIELD_PATHS.privileges,
        rule: 'NOT_EDITABLE',
        message: `The privileges of an API key can't be edited after creation. ${RECREATE}`,
      });
    }
  }
  if (sent.expirationDate !== undefined) {
    const value = sent.expirationDate === null ? null : expirationFromDate(sent.expirationDate);
    if (value !== stored.expirationDate) {
      errors.push({
        path: FIELD_PATHS.expirationDate,
        rule: 'NOT_EDITABLE',
        message: `The expiration date of an API key can't be edited after creation. ${RECREATE}`,
      });
    }
  }
  if (sent.lifetimeDuration !== undefined && sent.lifetimeDuration !== null) {
    errors.push({
      path: FIELD_PATHS.lifetimeDuration,
      rule: 'NOT_EDITABLE',
      message: `The expiration of an API key can't be edited after creation. ${RECREATE}`,
    });
  }
  return errors;
}
