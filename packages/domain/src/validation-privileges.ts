// Resolves the privileges of a key being created: the template's fixed set, or the Custom choice,
// with targets (sources, security providers) applied, and every privilege rule of §3.2 checked.

import type { CatalogEntry, Privilege } from './privilege-catalog.ts';
import {
  findCatalogEntry,
  isAssignableToKeys,
  isKnownPrivilege,
  isOwner,
  isType,
  privilege,
  privilegeId,
} from './privileges.ts';
import type { TemplateDefinition } from './templates.ts';
import { checkIdentifier, checkIdList, FIELD_PATHS, type Checked, type FieldError } from './validation-fields.ts';

/**
 * A privilege as sent: `targetId` or `targetIds`. '*' is every target; a push privilege with no
 * target at all is refused (PRODUCT.md §3.2: push scope is always explicit).
 */
export type PrivilegeInput = {
  owner: string;
  targetDomain: string;
  type?: string | null;
  targetId?: string | null;
  targetIds?: readonly string[] | null;
};

export type PrivilegeRequest = {
  privileges?: readonly PrivilegeInput[] | null;
  sourceIds?: readonly string[] | null;
  securityProviderIds?: readonly string[] | null;
};

type Item = { base: Privilege; targets: string[]; all: boolean };

/** The id lists of the Configuration step; `all`: '*' was chosen ("All sources"). */
type TargetLists = Record<'sourceIds' | 'securityProviderIds', { ids: string[]; all: boolean; invalid: boolean }>;

/** Every target of a push privilege, as chosen deliberately. */
export const ALL_TARGETS = '*';

/** How the console names a push scope of every target. */
export const ALL_TARGETS_LABELS = {
  sourceIds: 'All sources',
  securityProviderIds: 'All security identity providers',
} as const;

const EXECUTE_QUERY = privilegeId(privilege('SEARCH_API/EXECUTE_QUERY'));

function describe(input: PrivilegeInput): string {
  const type = typeof input.type === 'string' ? `:${input.type}` : '';
  return `${String(input.owner)}/${String(input.targetDomain)}${type}`;
}

function unknownMessage(input: PrivilegeInput, entry: CatalogEntry | undefined): string {
  if (!entry) return `${describe(input)} is not a privilege of the catalog.`;
  if (entry.types.length === 0) return `${describe(input)}: ${entry.label} takes no type (it is Allowed or not).`;
  return `${describe(input)}: ${entry.label} takes one of the types ${entry.types.join(', ')}.`;
}

function parseItem(input: PrivilegeInput, index: number, custom: boolean): { item?: Item; errors: FieldError[] } {
  const path = `${FIELD_PATHS.privileges}[${index}]`;
  const owner: unknown = input?.owner;
  const type: unknown = input?.type ?? undefined;
  if (!isOwner(owner) || typeof input.targetDomain !== 'string' || (type !== undefined && !isType(type))) {
    return {
      errors: [
        { path, rule: 'UNKNOWN_PRIVILEGE', message: `${describe(input ?? {})} is not a privilege of the catalog.` },
      ],
    };
  }
  const base: Privilege =
    type === undefined
      ? { owner, targetDomain: input.targetDomain }
      : { owner, targetDomain: input.targetDomain, type };
  const entry = findCatalogEntry(base);
  if (!entry || !isKnownPrivilege(base))
    return { errors: [{ path, rule: 'UNKNOWN_PRIVILEGE', message: unknownMessage(input, entry) }] };
  const id = privilegeId(base);
  const errors: FieldError[] = [];
  if (custom && !isAssignableToKeys(base)) {
    errors.push({
      path,
      rule: 'NOT_ASSIGNABLE_TO_KEYS',
      message: `${id} can't be granted to an API key: an API key can never view or edit API keys, groups or activities.`,
    });
  } else if (custom && entry.forbiddenInCustomReason !== undefined) {
    errors.push({
      path,
      rule: 'FORBIDDEN_IN_CUSTOM',
      message: `${id} can't be granted to a Custom key. ${entry.forbiddenInCustomReason}`,
    });
  }
  const raw = [
    ...(input.targetIds ?? []),
    ...(input.targetId === undefined || input.targetId === null ? [] : [input.targetId]),
  ];
  const targets = raw.filter((t) => t !== '*');
  if (targets.length > 0 && !entry.targetable) {
    errors.push({
      path,
      rule: 'TARGET_NOT_ALLOWED',
      message: `${id} applies to the whole organization and takes no target.`,
    });
  }
  for (const t of targets) {
    const error = checkIdentifier(t, path, 'A target id');
    if (error) errors.push(error);
  }
  const all = entry.targetable && raw.includes(ALL_TARGETS);
  return { item: { base, targets: targets.map((t) => t.trim()), all }, errors };
}

function uniqueById(privileges: readonly Privilege[]): Privilege[] {
  const seen = new Set<string>();
  const unique: Privilege[] = [];
  for (const p of privileges) {
    if (seen.has(privilegeId(p))) continue;
    seen.add(privilegeId(p));
    unique.push(p);
  }
  return unique;
}

function fixedSetErrors(template: TemplateDefinition, items: readonly Item[]): FieldError[] {
  const expected = new Set(template.privileges.map(privilegeId));
  const sent = new Set(items.map((i) => privilegeId(i.base)));
  const added = [...sent].filter((id) => !expected.has(id));
  const removed = [...expected].filter((id) => !sent.has(id));
  if (added.length === 0 && removed.length === 0) return [];
  const changes = [
    added.length > 0 ? `adds ${added.join(', ')}` : '',
    removed.length > 0 ? `removes ${removed.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const message = `The privileges of the ${template.name} template are fixed; this request ${changes}. Use the Custom template for another set.`;
  return [{ path: FIELD_PATHS.privileges, rule: 'TEMPLATE_PRIVILEGES_FIXED', message }];
}

/**
 * Targets of one privilege: those named on the sent privileges plus the matching input list; '*'
 * (chosen on either) is every target. None at all is refused, naming the list to fill.
 */
function withTargets(p: Privilege, items: readonly Item[], lists: TargetLists, errors: FieldError[]): Privilege[] {
  const entry = findCatalogEntry(p);
  if (!entry?.targetable) return [p];
  const mine = items.filter((i) => privilegeId(i.base) === privilegeId(p));
  const list = entry.targetInput === undefined ? { ids: [], all: false, invalid: false } : lists[entry.targetInput];
  if (list.all || mine.some((i) => i.all)) return [{ ...p, targetId: ALL_TARGETS }];
  const ids = [...new Set([...mine.flatMap((i) => i.targets), ...list.ids])];
  if (ids.length > 0) return ids.map((targetId) => ({ ...p, targetId }));
  if (list.invalid) return [p]; // its ids were refused already, each at its own path
  const field = entry.targetInput ?? 'sourceIds';
  const what = field === 'sourceIds' ? 'sources' : 'security identity providers';
  errors.push({
    path: FIELD_PATHS[field],
    rule: 'PUSH_SCOPE_REQUIRED',
    message: `${entry.label} needs its scope: choose the ${what} this key may push to, or ${ALL_TARGETS_LABELS[field]} deliberately ("*").`,
  });
  return [p];
}

/** '*' in an id list is "All ..."; the other entries are checked as ids. */
function checkTargetList(
  input: unknown,
  path: string,
  what: string,
): Checked<{ ids: string[]; all: boolean; invalid: boolean }> {
  const all = Array.isArray(input) && input.some((v) => v === ALL_TARGETS);
  const rest = Array.isArray(input) ? input.filter((v) => v !== ALL_TARGETS) : input;
  const checked = checkIdList(rest, path, what);
  return { value: { ids: checked.value, all, invalid: checked.errors.length > 0 }, errors: checked.errors };
}

function applicabilityErrors(base: readonly Privilege[], lists: TargetLists): FieldError[] {
  return (['sourceIds', 'securityProviderIds'] as const)
    .filter(
      (field) =>
        (lists[field].ids.length > 0 || lists[field].all) &&
        !base.some((p) => findCatalogEntry(p)?.targetInput === field),
    )
    .map((field) => ({
      path: FIELD_PATHS[field],
      rule: 'NOT_APPLICABLE' as const,
      message: `None of this key's privileges use ${field === 'sourceIds' ? 'sources' : 'security identity providers'}.`,
    }));
}

function combinationErrors(privileges: readonly Privilege[]): FieldError[] {
  const query = privileges.some((p) => privilegeId(p) === EXECUTE_QUERY);
  if (!query || !privileges.some((p) => p.owner === 'PLATFORM')) return [];
  const message = "Execute queries can't be combined with any PLATFORM privilege: create two keys instead.";
  return [{ path: FIELD_PATHS.privileges, rule: 'QUERY_WITH_PLATFORM', message }];
}

/** Privileges so potent that a Custom key holding them must enforce a search hub. */
export function potentPrivilegesIn(privileges: readonly Privilege[]): Privilege[] {
  return uniqueById(privileges.filter((p) => findCatalogEntry(p)?.potent === true));
}

export function resolvePrivileges(template: TemplateDefinition, input: PrivilegeRequest): Checked<Privilege[]> {
  const custom = template.id === 'custom';
  const sent = Array.isArray(input.privileges) ? input.privileges : [];
  const parsed = sent.map((p, i) => parseItem(p, i, custom));
  const items = parsed.flatMap((p) => (p.item ? [p.item] : []));
  const errors = parsed.flatMap((p) => p.errors);
  if (!custom && sent.length > 0) errors.push(...fixedSetErrors(template, items));
  if (custom && sent.length === 0) {
    errors.push({
      path: FIELD_PATHS.privileges,
      rule: 'PRIVILEGES_REQUIRED',
      message: 'Choose at least one privilege.',
    });
  }
  const sources = checkTargetList(input.sourceIds, FIELD_PATHS.sourceIds, 'A source id');
  const providers = checkTargetList(
    input.securityProviderIds,
    FIELD_PATHS.securityProviderIds,
    'A security provider id',
  );
  const lists = { sourceIds: sources.value, securityProviderIds: providers.value };
  const base = custom ? uniqueById(items.map((i) => i.base)) : [...template.privileges];
  errors.push(...sources.errors, ...providers.errors, ...applicabilityErrors(base, lists));
  const privileges = base.flatMap((p) => withTargets(p, items, lists, errors));
  errors.push(...combinationErrors(privileges));
  return { value: privileges, errors };
}
