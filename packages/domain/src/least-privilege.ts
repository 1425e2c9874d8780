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
 * The template (other than `current`) with fewer fixed privileges that include all of `keep`: the
 * same privacy first, then the fewest privileges, then the fewest potent extras (impersonation).
 */
function fittingTemplate(current: string, keep: readonly Privilege[]): TemplateId | null {
  const needed = new Set(keep.map(privilegeId));
  const own = TEMPLATES.find((t) => t.id === current);
  const size = own?.privileges.length ?? Number.POSITIVE_INFINITY;
  const potentExtras = (ps: readonly Privilege[]) =>
    ps.filter((p) => !needed.has(privilegeId(p)) && findCatalogEntry(p)?.forbiddenInCustomReason !== undefined).length;
  const rank = (t: (typeof TEMPLATES)[number]) => [
    t.privacy === own?.privacy ? 0 : 1,
    t.privileges.length,
    potentExtras(t.privileges),
  ];
  const fits = TEMPLATES.filter((t) => t.id !== current && t.id !== 'custom' && t.privileges.length < size)
    .filter((t) => [...needed].every((id) => t.privileges.some((p) => privilegeId(p) === id)))
    .sort((a, b) => {
      const [ra, rb] = [rank(a), rank(b)];
      return (ra[0] ?? 0) - (rb[0] ?? 0) || (ra[1] ?? 0) - (rb[1] ?? 0) || (ra[2] ?? 0) - (rb[2] ?? 0);
    });
  return fits[0]?.id ?? null;
}

export function narrowerKeyPlan(templateId: string, usage: readonly ExercisedPrivilege[]): NarrowerKeyPlan {
  const unused = usage.filter((p) => p.lastExercisedDate === null).map(withoutDate);
  const keep = usage.filter((p) => p.lastExercisedDate !== null).map(withoutDate);
  if (unused.length === 0 || keep.length === 0) return { kind: 'none' };
  if (customMayHold(keep)) return { kind: 'custom', unused, keep };
  const templateIdFit = fittingTemplate(templateId, keep);
  return templateIdFit === null ? { kind: 'no-fit', unused } : { kind: 'template', unused, templateId: templateIdFit };
}
