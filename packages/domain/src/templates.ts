import type { Privilege } from './privilege-catalog.ts';
import { findCatalogEntry, privilege } from './privileges.ts';

export const PRIVACY_LEVELS = ['PUBLIC', 'PRIVATE'] as const;
export type Privacy = (typeof PRIVACY_LEVELS)[number];
export type WizardStep = 'purpose' | 'identification' | 'privileges' | 'configuration' | 'access' | 'review';

export type TemplateConfiguration = {
  readonly searchHub: 'none' | 'recommended' | 'required';
  readonly sources: boolean;
  readonly securityProviders: boolean;
  readonly ips: boolean;
};

export type TemplateExpiration =
  | { readonly kind: 'optional' }
  | { readonly kind: 'required'; readonly minDays: 1; readonly maxDays: 14 }
  | { readonly kind: 'required-or-never' };

export type TemplateDefinition = {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly privacy: Privacy;
  readonly privacyLabel: 'Can be public' | 'Must remain private';
  readonly privileges: readonly Privilege[];
  readonly steps: readonly WizardStep[];
  readonly configuration: TemplateConfiguration;
  readonly expiration: TemplateExpiration;
};

const PUBLIC = { privacy: 'PUBLIC', privacyLabel: 'Can be public' } as const;
const PRIVATE = { privacy: 'PRIVATE', privacyLabel: 'Must remain private' } as const;
const WITH_CONFIG = ['purpose', 'identification', 'configuration', 'access', 'review'] as const;
const WITHOUT_CONFIG = ['purpose', 'identification', 'access', 'review'] as const;
const OPTIONAL = { kind: 'optional' } as const;
const NO_CONFIG = { searchHub: 'none', sources: false, securityProviders: false, ips: false } as const;
const PUSH_CONFIG = { searchHub: 'none', sources: true, securityProviders: true, ips: true } as const;

const QUERY = privilege('SEARCH_API/EXECUTE_QUERY');
const AGENT_QUERY = privilege('SEARCH_API/EXECUTE_AGENT_QUERY');
const ANALYTICS_PUSH = privilege('USAGE_ANALYTICS/ANALYTICS_DATA:EDIT');

export const TEMPLATES = [
  {
    id: 'anonymous-search',
    name: 'Anonymous search',
    ...PUBLIC,
    description:
      "To query for public content and send data on a search interface that doesn't require any form of authentication. Can be embedded directly in the search interface.",
    privileges: [QUERY, AGENT_QUERY, ANALYTICS_PUSH],
    steps: WITH_CONFIG,
    configuration: { ...NO_CONFIG, searchHub: 'recommended' },
    expiration: OPTIONAL,
  },
  {
    id: 'authenticated-search',
    name: 'Authenticated search',
    ...PRIVATE,
    description:
      'To support authenticated queries and send data. This key must be stored on a secured backend and used to generate search tokens based on the security identity of the logged-in user.',
    privileges: [privilege('SEARCH_API/IMPERSONATE'), ANALYTICS_PUSH],
    steps: WITH_CONFIG,
    configuration: { ...NO_CONFIG, searchHub: 'recommended', ips: true },
    expiration: OPTIONAL,
  },
  {
    id: 'usage-analytics',
    name: 'Usage analytics',
    ...PUBLIC,
    description: 'Use this key to send data to your organization using any security identity.',
    privileges: [privilege('USAGE_ANALYTICS/IMPERSONATE'), ANALYTICS_PUSH],
    steps: WITHOUT_CONFIG,
    configuration: NO_CONFIG,
    expiration: OPTIONAL,
  },
  {
    id: 'search-pages',
    name: 'Search pages',
    ...PUBLIC,
    description: 'Use this key when implementing hosted search pages.',
    privileges: [QUERY, AGENT_QUERY, ANALYTICS_PUSH, privilege('SEARCH_API/SEARCH_PAGES:VIEW')],
    steps: WITH_CONFIG,
    configuration: { ...NO_CONFIG, searchHub: 'recommended' },
    expiration: OPTIONAL,
  },
  {
    id: 'anonymous-case-assist',
    name: 'Anonymous Case Assist',
    ...PUBLIC,
    description:
      "To allow customers to use Case Assist anonymously and send usage analytics data. The users don't have to log in to use Case Assist.",
    privileges: [ANALYTICS_PUSH, privilege('COVEO_ML/CASE_ASSIST')],
    steps: WITHOUT_CONFIG,
    configuration: NO_CONFIG,
    expiration: OPTIONAL,
  },
  {
    id: 'push-api',
    name: 'Push API',
    ...PRIVATE,
    description:
      'To authenticate Push API calls when pushing items and their permissions into a source, and security identities into a security identity provider.',
    privileges: [
      privilege('PLATFORM/SOURCE_PUSH'),
      privilege('PLATFORM/SOURCE:VIEW'),
      privilege('PLATFORM/SECURITY_PROVIDER_PUSH'),
      privilege('PLATFORM/SECURITY_PROVIDER:VIEW'),
      privilege('PLATFORM/ORGANIZATION:VIEW'),
    ],
    steps: WITH_CONFIG,
    configuration: PUSH_CONFIG,
    expiration: OPTIONAL,
  },
  {
    id: 'crawling-module',
    name: 'Crawling Module administration',
    ...PRIVATE,
    description:
      "When installing the Crawling Module in an environment that doesn't allow you to log in, generate a key with this template and provide it to the installer. The key is only used for the initial handshake; after that, the Crawling Module creates its own API key automatically.",
    privileges: [
      privilege('PLATFORM/CRAWLING_MODULE:EDIT'),
      privilege('PLATFORM/CRAWLING_MODULE_LOG_REQUEST:EDIT'),
      privilege('PLATFORM/SECURITY_PROVIDER_PUSH'),
      privilege('PLATFORM/SOURCE_PUSH'),
      privilege('PLATFORM/SECURITY_PROVIDER:VIEW'),
      privilege('PLATFORM/SOURCE:VIEW'),
      privilege('PLATFORM/API_KEY:CREATE'),
      privilege('PLATFORM/ON_PREMISE_ADMINISTRATION:EDIT'),
      privilege('PLATFORM/ORGANIZATION:VIEW'),
    ],
    steps: WITH_CONFIG,
    configuration: PUSH_CONFIG,
    expiration: OPTIONAL,
  },
  {
    id: 'view-all-content',
    name: 'View all content',
    ...PRIVATE,
    description:
      'Use this key to validate the extracted metadata and ensure that secured content is properly indexed. This is a very powerful key that bypasses item access permissions. It should only be used for troubleshooting purposes or when a comprehensive overview of all indexed content is required.',
    privileges: [privilege('SEARCH_API/VIEW_ALL_CONTENT'), QUERY],
    steps: WITH_CONFIG,
    configuration: { ...NO_CONFIG, searchHub: 'required', ips: true },
    expiration: { kind: 'required', minDays: 1, maxDays: 14 },
  },
  {
    id: 'custom',
    name: 'Custom',
    ...PRIVATE,
    description:
      'Create a custom combination of privileges. Before using this template, check that no other template meets your needs.',
    privileges: [],
    steps: ['purpose', 'identification', 'privileges', 'configuration', 'access', 'review'],
    configuration: { searchHub: 'recommended', sources: true, securityProviders: true, ips: true },
    expiration: { kind: 'required-or-never' },
  },
] as const satisfies readonly TemplateDefinition[];

export type Template = (typeof TEMPLATES)[number];
export type TemplateId = Template['id'];

export const TEMPLATE_IDS = TEMPLATES.map((t) => t.id) as unknown as readonly [TemplateId, ...TemplateId[]];

export function isTemplateId(s: unknown): s is TemplateId {
  return (TEMPLATE_IDS as readonly unknown[]).includes(s);
}

export function getTemplate(id: TemplateId): TemplateDefinition;
export function getTemplate(id: string): TemplateDefinition | undefined;
export function getTemplate(id: string): TemplateDefinition | undefined {
  return (TEMPLATES as readonly TemplateDefinition[]).find((t) => t.id === id);
}

export type TargetChoices = {
  sourceIds?: readonly string[] | undefined;
  securityProviderIds?: readonly string[] | undefined;
};

/**
 * Expands a privilege list with the chosen targets: a targetable privilege without a target
 * becomes one privilege per chosen id; with no ids chosen it stays on every target.
 */
export function applyTargets(privileges: readonly Privilege[], choices: TargetChoices): Privilege[] {
  return privileges.flatMap((p) => {
    const input = findCatalogEntry(p)?.targetInput;
    const ids = input === undefined ? [] : (choices[input] ?? []);
    if (ids.length === 0 || (p.targetId !== undefined && p.targetId !== '*')) return [p];
    const { targetId: _all, ...rest } = p;
    return ids.map((targetId) => ({ ...rest, targetId }));
  });
}

/** The privileges a key made from this template holds, with targets applied. */
export function templatePrivileges(id: TemplateId, choices: TargetChoices = {}): Privilege[] {
  return applyTargets(getTemplate(id).privileges, choices);
}
