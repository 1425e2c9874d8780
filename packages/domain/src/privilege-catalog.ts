// The privilege catalog, as data: the owners and types, the Privilege shape and one entry per
// domain. Every other part of Keyward (zod enums, server checks, the wizard's Privileges step)
// derives from PRIVILEGE_CATALOG; no other file spells these strings untyped (templates use the
// compile-checked `privilege('OWNER/DOMAIN:TYPE')` helper). What is done with it: privileges.ts.

export const PRIVILEGE_OWNERS = ['PLATFORM', 'SEARCH_API', 'USAGE_ANALYTICS', 'COVEO_ML'] as const;
export type PrivilegeOwner = (typeof PRIVILEGE_OWNERS)[number];

export const PRIVILEGE_TYPES = ['VIEW', 'EDIT', 'CREATE'] as const;
export type PrivilegeType = (typeof PRIVILEGE_TYPES)[number];

/** A granted or required privilege. `targetId` '*' or absent = every target of the domain. */
export type Privilege = {
  owner: PrivilegeOwner;
  targetDomain: string;
  type?: PrivilegeType;
  targetId?: string;
};

export type PrivilegeService = 'Search' | 'Analytics' | 'Content' | 'Organization' | 'Machine Learning';

/**
 * One domain of the catalog.
 * - `types`: the access levels the domain has; empty = an "Allowed" privilege with no type.
 * - `assignableToKeys`: whether an API key may hold the domain at all.
 * - `keyTypes`: when present, the only types an API key may hold (API_KEY: CREATE only, since an
 *   API key can never view or edit API keys); absent = every type in `types`.
 * - `targetInput`: which create-request list (`sourceIds`, `securityProviderIds`) chooses targets.
 * - `potent`: a Custom key holding it must enforce a search hub ("Limit the API key scope").
 */
export type CatalogEntry = {
  readonly owner: PrivilegeOwner;
  readonly targetDomain: string;
  readonly types: readonly PrivilegeType[];
  readonly keyTypes?: readonly PrivilegeType[];
  readonly typeLabels?: Readonly<Partial<Record<PrivilegeType, string>>>;
  readonly service: PrivilegeService;
  readonly label: string;
  readonly description: string;
  readonly targetable: boolean;
  readonly targetInput?: 'sourceIds' | 'securityProviderIds';
  readonly assignableToKeys: boolean;
  readonly potent?: boolean;
  readonly forbiddenInCustomReason?: string;
};

const CATALOG = [
  {
    owner: 'SEARCH_API',
    targetDomain: 'EXECUTE_QUERY',
    types: [],
    service: 'Search',
    label: 'Execute queries',
    description: 'Run queries against the index.',
    targetable: false,
    assignableToKeys: true,
    forbiddenInCustomReason:
      'Execute queries can only be granted through a search template (Anonymous search, Search pages, View all content).',
  },
  {
    owner: 'SEARCH_API',
    targetDomain: 'EXECUTE_AGENT_QUERY',
    types: [],
    service: 'Search',
    label: 'Execute agent queries',
    description: 'Run queries on behalf of generative answering agents.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'SEARCH_API',
    targetDomain: 'IMPERSONATE',
    types: [],
    service: 'Search',
    label: 'Search - Impersonate',
    description: 'Query as any security identity, e.g. to generate search tokens.',
    targetable: false,
    assignableToKeys: true,
    potent: true,
    forbiddenInCustomReason: 'Search - Impersonate can only be granted through the Authenticated search template.',
  },
  {
    owner: 'SEARCH_API',
    targetDomain: 'VIEW_ALL_CONTENT',
    types: [],
    service: 'Search',
    label: 'Search - View all content',
    description: 'See every indexed item, bypassing item permissions.',
    targetable: false,
    assignableToKeys: true,
    potent: true,
  },
  {
    owner: 'SEARCH_API',
    targetDomain: 'SEARCH_PAGES',
    types: ['VIEW', 'EDIT'],
    service: 'Search',
    label: 'Search pages and IPX',
    description: 'Hosted search pages and in-product experiences.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'SEARCH_API',
    targetDomain: 'AUTHENTICATION_EDITOR',
    types: [],
    service: 'Search',
    label: 'Search authentication',
    description: 'Manage the authentication providers of search pages.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'SEARCH_API',
    targetDomain: 'QUERY_PIPELINE',
    types: ['VIEW', 'EDIT'],
    service: 'Search',
    label: 'Query pipelines',
    description: 'Query pipelines, their rules and conditions.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'USAGE_ANALYTICS',
    targetDomain: 'ANALYTICS_DATA',
    types: ['EDIT'],
    typeLabels: { EDIT: 'Push' },
    service: 'Analytics',
    label: 'Analytics data',
    description: 'Send usage analytics events.',
    targetable: false,
    assignableToKeys: true,
    forbiddenInCustomReason:
      'Analytics data Push can only be granted through a template (Anonymous search, Usage analytics, ...).',
  },
  {
    owner: 'USAGE_ANALYTICS',
    targetDomain: 'IMPERSONATE',
    types: [],
    service: 'Analytics',
    label: 'Analytics - Impersonate',
    description: 'Send analytics events as any user.',
    targetable: false,
    assignableToKeys: true,
    forbiddenInCustomReason: 'Analytics - Impersonate can only be granted through the Usage analytics template.',
  },
  {
    owner: 'USAGE_ANALYTICS',
    targetDomain: 'REPORTS',
    types: ['VIEW', 'EDIT'],
    service: 'Analytics',
    label: 'Reports',
    description: 'Usage analytics reports and dashboards.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'USAGE_ANALYTICS',
    targetDomain: 'DIMENSIONS',
    types: ['VIEW', 'EDIT'],
    service: 'Analytics',
    label: 'Dimensions',
    description: 'Custom usage analytics dimensions.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'COVEO_ML',
    targetDomain: 'CASE_ASSIST',
    types: [],
    service: 'Machine Learning',
    label: 'Use Case Assist',
    description: 'Get case classifications and document suggestions.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'COVEO_ML',
    targetDomain: 'MODELS',
    types: ['VIEW', 'EDIT'],
    service: 'Machine Learning',
    label: 'Models',
    description: 'Machine learning models.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'SOURCE',
    types: ['VIEW', 'EDIT', 'CREATE'],
    // The seeds' words: this domain's View and Edit reach every source.
    typeLabels: { VIEW: 'View all', EDIT: 'Edit all' },
    service: 'Content',
    label: 'Sources',
    description: 'Sources and their configuration.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'SOURCE_PUSH',
    types: [],
    service: 'Content',
    label: 'Push items to sources',
    description: 'Push items and permissions into the chosen sources.',
    targetable: true,
    targetInput: 'sourceIds',
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'SECURITY_PROVIDER',
    types: ['VIEW', 'EDIT'],
    service: 'Content',
    label: 'Security identity providers',
    description: 'Security identity providers.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'SECURITY_PROVIDER_PUSH',
    types: [],
    service: 'Content',
    label: 'Push identities to security providers',
    description: 'Push security identities into the chosen providers.',
    targetable: true,
    targetInput: 'securityProviderIds',
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'EXTENSION',
    types: ['VIEW', 'EDIT'],
    service: 'Content',
    label: 'Extensions',
    description: 'Indexing pipeline extensions.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'FIELD',
    types: ['VIEW', 'EDIT'],
    service: 'Content',
    label: 'Fields',
    description: 'Index fields.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'CRAWLING_MODULE',
    types: ['VIEW', 'EDIT'],
    service: 'Content',
    label: 'Crawling Module',
    description: 'Crawling Module instances.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'CRAWLING_MODULE_LOG_REQUEST',
    types: ['EDIT'],
    service: 'Content',
    label: 'Crawling Module log request',
    description: 'Request logs from Crawling Module instances.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'ON_PREMISE_ADMINISTRATION',
    types: ['EDIT'],
    service: 'Organization',
    label: 'On-premises administration',
    description: 'Pair and administer on-premises components.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'ORGANIZATION',
    types: ['VIEW', 'EDIT'],
    service: 'Organization',
    label: 'Organization',
    description: 'Organization settings.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'API_KEY',
    types: ['CREATE', 'VIEW', 'EDIT'],
    keyTypes: ['CREATE'],
    service: 'Organization',
    label: 'API keys',
    description: 'API keys. An API key can create keys but never view or edit them.',
    targetable: false,
    assignableToKeys: true,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'ACTIVITIES',
    types: ['VIEW'],
    service: 'Organization',
    label: 'Activities',
    description: 'The activity log of the organization.',
    targetable: false,
    assignableToKeys: false,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'GROUP',
    types: ['VIEW', 'EDIT'],
    service: 'Organization',
    label: 'Groups',
    description: 'Groups, their members and privileges.',
    targetable: false,
    assignableToKeys: false,
  },
  {
    owner: 'PLATFORM',
    targetDomain: 'API_KEY_EXPOSURE',
    types: ['EDIT'],
    service: 'Organization',
    label: 'API key exposures',
    description: 'Report and dismiss API key exposures (console only).',
    targetable: false,
    assignableToKeys: false,
  },
] as const satisfies readonly CatalogEntry[];

export const PRIVILEGE_CATALOG: readonly CatalogEntry[] = CATALOG;

type IdOf<E> = E extends { owner: infer O extends string; targetDomain: infer D extends string; types: readonly [] }
  ? `${O}/${D}`
  : E extends {
        owner: infer O extends string;
        targetDomain: infer D extends string;
        types: readonly (infer T extends string)[];
      }
    ? `${O}/${D}:${T}`
    : never;

/** Every catalog privilege as `owner/targetDomain[:type]`, checked at compile time. */
export type PrivilegeKey = IdOf<(typeof CATALOG)[number]>;
