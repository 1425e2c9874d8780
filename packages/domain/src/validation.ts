// Create and update rules of PRODUCT.md §3.2. Every broken rule is returned with its field path.

import { durationToMs, parseDuration, DAY_MS } from './durations.ts';
import type { Privilege } from './privilege-catalog.ts';
import { findCatalogEntry } from './privileges.ts';
import { getTemplate, type Privacy, type TemplateDefinition, type TemplateId } from './templates.ts';
import {
  checkCommerce,
  checkDescription,
  checkDisplayName,
  checkGroups,
  checkIps,
  checkSearchHub,
  FIELD_PATHS,
  type FieldError,
} from './validation-fields.ts';
import { resolveExpiration, type ExpirationRequest } from './validation-expiration.ts';
import { potentPrivilegesIn, resolvePrivileges, type PrivilegeRequest } from './validation-privileges.ts';

export type GroupRefs = readonly (string | { id: string })[];

export type KeyRequestInput = PrivilegeRequest &
  ExpirationRequest & {
    templateId: string;
    displayName: string;
    description?: string | null;
    allowedIps?: readonly string[] | null;
    deniedIps?: readonly string[] | null;
    searchHub?: string | null;
    commerce?: { catalogId: string } | null;
    groupsThatCanView?: GroupRefs | null;
    groupsThatCanEdit?: GroupRefs | null;
  };

export type ValidationContext = { now: number; allowPrivateIps: boolean; origin: 'CREATE' | 'DUPLICATE' };

export type NormalizedKey = {
  templateId: TemplateId;
  privacy: Privacy;
  displayName: string;
  description: string;
  privileges: Privilege[];
  allowedIps: string[];
  deniedIps: string[];
  searchHub: string | null;
  commerce: { catalogId: string } | null;
  /** 23:59:59.000 UTC of the expiration day; null = never expires. */
  expirationDate: number | null;
  groupsThatCanView: string[];
  groupsThatCanEdit: string[];
};

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Template says so (View all content), or a Custom key holds a potent search privilege. */
export function searchHubRequirement(template: TemplateDefinition, privileges: readonly Privilege[]): string | null {
  if (template.configuration.searchHub === 'required') {
    return `A ${template.name} key must enforce a search hub.`;
  }
  const potent = template.id === 'custom' ? potentPrivilegesIn(privileges) : [];
  if (potent.length === 0) return null;
  const names = potent.map((p) => findCatalogEntry(p)?.label ?? `${p.owner}/${p.targetDomain}`).join(', ');
  return `Limit the API key scope: ${names} is especially potent, so the key must enforce a search hub.`;
}

function searchHubErrors(
  template: TemplateDefinition,
  privileges: readonly Privilege[],
  searchHub: string | null,
  commerce: { catalogId: string } | null,
): FieldError[] {
  const path = FIELD_PATHS.searchHub;
  const requirement = searchHubRequirement(template, privileges);
  if (searchHub === null && requirement !== null) return [{ path, rule: 'SEARCH_HUB_REQUIRED', message: requirement }];
  if (searchHub !== null && commerce !== null) {
    const message =
      'A commerce key must not enforce a search hub: the Commerce API sets it from the commerce interface.';
    return [{ path, rule: 'COMMERCE_WITH_SEARCH_HUB', message }];
  }
  return [];
}

function unknownTemplate(templateId: unknown): FieldError {
  return {
    path: FIELD_PATHS.templateId,
    rule: 'UNKNOWN_TEMPLATE',
    message: `"${String(templateId)}" is not an API key template.`,
  };
}

export function validateKeyRequest(input: KeyRequestInput, ctx: ValidationContext): Validated<NormalizedKey> {
  const template = getTemplate(input.templateId);
  if (!template) return { ok: false, errors: [unknownTemplate(input.templateId)] };
  const name = checkDisplayName(input.displayName);
  const description = checkDescription(input.description);
  const privileges = resolvePrivileges(template, input);
  const allowed = checkIps(input.allowedIps, 'allowedIps', ctx.allowPrivateIps);
  const denied = checkIps(input.deniedIps, 'deniedIps', ctx.allowPrivateIps);
  const hub = checkSearchHub(input.searchHub);
  const commerce = checkCommerce(input.commerce);
  const expiration = resolveExpiration(template, input, ctx);
  const groups = checkGroups(input.groupsThatCanView, input.groupsThatCanEdit);
  const hubRules = hub.errors.length > 0 ? [] : searchHubErrors(template, privileges.value, hub.value, commerce.value);
  const errors = [name, description, privileges, allowed, denied, hub, commerce, expiration, groups]
    .flatMap((c) => c.errors)
    .concat(hubRules);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      templateId: template.id as TemplateId,
      privacy: template.privacy,
      displayName: name.value,
      description: description.value,
      privileges: privileges.value,
      allowedIps: allowed.value,
      deniedIps: denied.value,
      searchHub: hub.value,
      commerce: commerce.value,
      expirationDate: expiration.value,
      groupsThatCanView: groups.value.canView,
      groupsThatCanEdit: groups.value.canEdit,
    },
  };
}

export type ExistingKey = {
  templateId: string;
  privileges: readonly Privilege[];
  commerce?: { catalogId: string } | null;
};

/** Editable fields only; `undefined` = unchanged, `null`/blank search hub = no longer enforced. */
export type KeyUpdateInput = {
  displayName?: string;
  description?: string | null;
  allowedIps?: readonly string[] | null;
  deniedIps?: readonly string[] | null;
  searchHub?: string | null;
  groupsThatCanView?: GroupRefs | null;
  groupsThatCanEdit?: GroupRefs | null;
};

export type KeyUpdate = Partial<
  Pick<
    NormalizedKey,
    'displayName' | 'description' | 'allowedIps' | 'deniedIps' | 'searchHub' | 'groupsThatCanView' | 'groupsThatCanEdit'
  >
>;

export function validateKeyUpdate(
  existing: ExistingKey,
  input: KeyUpdateInput,
  ctx: { allowPrivateIps: boolean },
): Validated<KeyUpdate> {
  const template = getTemplate(existing.templateId);
  if (!template) return { ok: false, errors: [unknownTemplate(existing.templateId)] };
  const value: KeyUpdate = {};
  const errors: FieldError[] = [];
  const take = <K extends keyof KeyUpdate>(key: K, checked: { value: KeyUpdate[K]; errors: FieldError[] }): void => {
    errors.push(...checked.errors);
    value[key] = checked.value;
  };
  if (input.displayName !== undefined) take('displayName', checkDisplayName(input.displayName));
  if (input.description !== undefined) take('description', checkDescription(input.description));
  if (input.allowedIps !== undefined) take('allowedIps', checkIps(input.allowedIps, 'allowedIps', ctx.allowPrivateIps));
  if (input.deniedIps !== undefined) take('deniedIps', checkIps(input.deniedIps, 'deniedIps', ctx.allowPrivateIps));
  if (input.searchHub !== undefined) {
    const hub = checkSearchHub(input.searchHub);
    take('searchHub', hub);
    if (hub.errors.length === 0)
      errors.push(...searchHubErrors(template, existing.privileges, hub.value, existing.commerce ?? null));
  }
  if (input.groupsThatCanView !== undefined || input.groupsThatCanEdit !== undefined) {
    const groups = checkGroups(input.groupsThatCanView, input.groupsThatCanEdit);
    errors.push(...groups.errors);
    if (input.groupsThatCanView !== undefined) value.groupsThatCanView = groups.value.canView;
    if (input.groupsThatCanEdit !== undefined) value.groupsThatCanEdit = groups.value.canEdit;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

export const MAX_ROTATION_PERIOD_MS = 30 * DAY_MS;

/** Grace period of a rotation in ms: a fixed ISO-8601 duration from PT0S to P30D; else null. */
export function rotationPeriodMs(period: string): number | null {
  const parsed = parseDuration(period);
  const ms = parsed.ok ? durationToMs(parsed.value) : null;
  return ms !== null && ms <= MAX_ROTATION_PERIOD_MS ? ms : null;
}

export function rotationPeriodValid(period: string): boolean {
  return rotationPeriodMs(period) !== null;
}
