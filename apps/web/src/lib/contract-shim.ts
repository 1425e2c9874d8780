// TEMPORARY: local shapes until @keyward/contract exports them; replaced by the contract before the end.
export type ApiKeyAccess = 'NONE' | 'VIEW_ALL' | 'EDIT_ALL' | 'CUSTOM';
export interface PrivilegeDto {
  owner: 'PLATFORM' | 'SEARCH_API' | 'USAGE_ANALYTICS' | 'COVEO_ML';
  targetDomain: string;
  type?: 'VIEW' | 'EDIT' | 'CREATE';
  targetId?: string;
}
export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
}
export interface MeOrganization {
  id: string;
  displayName: string;
  apiKeyAccess: ApiKeyAccess;
  privileges: PrivilegeDto[];
}
export interface Me {
  user: SessionUser;
  csrfToken: string;
  organizations: MeOrganization[];
}
