// What is done with the privilege catalog (privilege-catalog.ts, the data): ids, parsing, lookups
// and the questions the validation, the server and the wizard ask of an entry.
import {
  PRIVILEGE_CATALOG,
  PRIVILEGE_OWNERS,
  PRIVILEGE_TYPES,
  type CatalogEntry,
  type Privilege,
  type PrivilegeKey,
  type PrivilegeOwner,
  type PrivilegeType,
} from './privilege-catalog.ts';

/** `owner/targetDomain[:type]`, e.g. `USAGE_ANALYTICS/ANALYTICS_DATA:EDIT`. Targets are not part of it. */
export function privilegeId(p: Pick<Privilege, 'owner' | 'targetDomain' | 'type'>): string {
  return p.type === undefined ? `${p.owner}/${p.targetDomain}` : `${p.owner}/${p.targetDomain}:${p.type}`;
}

const ID_PATTERN = /^([A-Z_]+)\/([A-Z0-9_]+)(?::([A-Z]+))?$/;

/** Syntactic parse of `owner/targetDomain[:type]`; null when malformed (not a catalog check). */
export function parsePrivilegeId(id: string): Privilege | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  const [, owner, targetDomain, type] = m;
  if (!isOwner(owner) || targetDomain === undefined) return null;
  if (type !== undefined && !isType(type)) return null;
  return type === undefined ? { owner, targetDomain } : { owner, targetDomain, type };
}

/** A catalog privilege by its compile-checked key. */
export function privilege(key: PrivilegeKey, targetId?: string): Privilege {
  const p = parsePrivilegeId(key);
  if (!p) throw new Error(`Malformed privilege key ${key}`); // unreachable: keys are typed
  return targetId === undefined ? p : { ...p, targetId };
}

export function isOwner(s: unknown): s is PrivilegeOwner {
  return (PRIVILEGE_OWNERS as readonly unknown[]).includes(s);
}

export function isType(s: unknown): s is PrivilegeType {
  return (PRIVILEGE_TYPES as readonly unknown[]).includes(s);
}

const BY_DOMAIN = new Map(PRIVILEGE_CATALOG.map((e) => [`${e.owner}/${e.targetDomain}`, e]));

export function findCatalogEntry(p: Pick<Privilege, 'owner' | 'targetDomain'>): CatalogEntry | undefined {
  return BY_DOMAIN.get(`${p.owner}/${p.targetDomain}`);
}

/** The types an API key may hold on this domain. */
export function keyTypesOf(entry: CatalogEntry): readonly PrivilegeType[] {
  if (!entry.assignableToKeys) return [];
  return entry.keyTypes ?? entry.types;
}

/** In the catalog, with a type the domain has (none for "Allowed" domains). */
export function isKnownPrivilege(p: Pick<Privilege, 'owner' | 'targetDomain' | 'type'>): boolean {
  const entry = findCatalogEntry(p);
  if (!entry) return false;
  return entry.types.length === 0 ? p.type === undefined : p.type !== undefined && entry.types.includes(p.type);
}

export function isAssignableToKeys(p: Pick<Privilege, 'owner' | 'targetDomain' | 'type'>): boolean {
  const entry = findCatalogEntry(p);
  if (!entry || !isKnownPrivilege(p) || !entry.assignableToKeys) return false;
  return p.type === undefined || keyTypesOf(entry).includes(p.type);
}

/** UI label of a privilege's access level: 'Allowed' for typeless domains, 'Push' for analytics data. */
export function privilegeLevelLabel(p: Pick<Privilege, 'owner' | 'targetDomain' | 'type'>): string {
  if (p.type === undefined) return 'Allowed';
  const custom = findCatalogEntry(p)?.typeLabels?.[p.type];
  return custom ?? { VIEW: 'View', EDIT: 'Edit', CREATE: 'Create' }[p.type];
}

/** The privileges of one domain for the given types (typeless domains: one privilege). */
export function entryPrivileges(entry: CatalogEntry, types: readonly PrivilegeType[]): Privilege[] {
  const base = { owner: entry.owner, targetDomain: entry.targetDomain };
  if (entry.types.length === 0) return [base];
  return types.map((type) => ({ ...base, type }));
}
