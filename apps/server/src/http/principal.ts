import type { ApiKeyAccess, Privilege } from '@keyward/domain';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  tokenHash: string;
  csrfToken: string;
  /** true when authenticated by the session cookie (CSRF applies), false for Authorization: Bearer */
  viaCookie: boolean;
}

export interface ApiKeyPrincipal {
  kind: 'apiKey';
  keyId: string;
  organizationId: string;
  displayName: string;
  privileges: Privilege[];
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** What the caller may do in the organization of the route (filled by `requires`). */
export interface OrgAccess {
  organizationId: string;
  privileges: Privilege[];
  groups: { id: string; apiKeyAccess: ApiKeyAccess }[];
}

/** A user's groups and privileges in one organization, or null when not a member (or no such organization). */
export type OrgAccessLoader = (userId: string, orgId: string) => Promise<OrgAccess | null>;
