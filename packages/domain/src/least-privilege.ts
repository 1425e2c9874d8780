// The least-privilege hint (PRODUCT.md §7): which of a key's privileges were not exercised, and the
// narrower key that Create from existing can make without them.

import type { Privilege } from './privilege-catalog.ts';
import { findCatalogEntry, isAssignableToKeys, privilegeId } from './privileges.ts';
import { TEMPLATES, type TemplateId } from './templates.ts';

export type ExercisedPrivilege = Privilege & { lastExercisedDate: number | null };

export type NarrowerKeyPlan =
  /** Every privilege was exercised (or none was: nothing tells which to drop). */
  | { kind: 'none' }
  /** Create from existing as a Custom key holding only `keep`. */
  | { kind: 'custom'; unused: Privilege[]; keep: Privilege[] }
  /** A template key whose narrower set a Custom key may not hold: this smaller template fits. */
  | { kind: 'template'; unused: Privilege[]; templateId: TemplateId }
  /** Neither: the hint lists the unused privileges only. */
  | { kind: 'no-fit'; unused: Privilege[] };

const QUERY = 'SEARCH_API/EXECUTE_QUERY';

function withoutDate(p: ExercisedPrivilege): Privilege {
  return {
    owner: p.owner,
    targetDomain: p.targetDomain,
    ...(p.type === undefined ? {} : { type: p.type }),
    ...(p.targetId === undefined ? {} : { targetId: p.targetId }),
  };
}

/** Whether a Custom key may hold exactly these privileges (§3.2: the Custom exclusions, no query with PLATFORM). */
export function customMayHold(privileges: readonly Privilege[]): boolean {
  if (privileges.length === 0) return false;
  const allowed = privileges.every(
    (p) => isAssignableToKeys(p) && findCatalogEntry(p)?.forbiddenInCustomReason === undefined,
  );
  const query = privileges.some((p) => privilegeId(p) === QUERY);
  return allowed && !(query && privileges.some((p) => p.owner === 'PLATFORM'));
}

/**
 * A template narrower than the key: its privileges are all among the key's (`held`), fewer of them,
 * and include every one of `keep`. Among those: the same privacy first, then the fewest privileges.
 * A template that holds anything the key does not is never offered: that would widen the key.
 */
function fittingTemplate(current: string, held: readonly Privilege[], keep: readonly Privilege[]): TemplateId | null {
  const needed = new Set(keep.map(privilegeId));
  const heldIds = new Set(held.map(privilegeId));
  const own = TEMPLATES.find((t) => t.id === current);
  const fits = TEMPLATES.filter((t) => t.id !== current && t.id !== 'custom' && t.privileges.length < heldIds.size)
    .filter((t) => t.privileges.every((p) => heldIds.has(privilegeId(p))))
    .filter((t) => [...needed].every((id) => t.privileges.some((p) => privilegeId(p) === id)))
    .sort(
      (a, b) =>
        Number(a.privacy !== own?.privacy) - Number(b.privacy !== own?.privacy) ||
        a.privileges.length - b.privileges.length,
    );
  return fits[0]?.id ?? null;
}

export function narrowerKeyPlan(templateId: string, usage: readonly ExercisedPrivilege[]): NarrowerKeyPlan {
  const unused = usage.filter((p) => p.lastExercisedDate === null).map(withoutDate);
  const keep = usage.filter((p) => p.lastExercisedDate !== null).map(withoutDate);
  if (unused.length === 0 || keep.length === 0) return { kind: 'none' };
  if (customMayHold(keep)) return { kind: 'custom', unused, keep };
  const templateIdFit = fittingTemplate(templateId, usage.map(withoutDate), keep);
  return templateIdFit === null ? { kind: 'no-fit', unused } : { kind: 'template', unused, templateId: templateIdFit };
}
