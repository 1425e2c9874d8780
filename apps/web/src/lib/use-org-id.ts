import { useParams } from 'react-router';

/** The organization of the current route (`/organizations/:org/...`). */
export function useOrgId(): string {
  const { org } = useParams();
  if (!org) throw new Error('useOrgId is used outside /organizations/:org');
  return org;
}

/** Console paths, so that links are spelled once. */
export const paths = {
  apiKeys: (org: string) => `/organizations/${encodeURIComponent(org)}/api-keys`,
  newApiKey: (org: string, fromId?: string) =>
    `/organizations/${encodeURIComponent(org)}/api-keys/new${fromId ? `?from=${encodeURIComponent(fromId)}` : ''}`,
  apiKey: (org: string, id: string, tab?: string) =>
    `/organizations/${encodeURIComponent(org)}/api-keys/${encodeURIComponent(id)}${tab ? `?tab=${tab}` : ''}`,
  groups: (org: string) => `/organizations/${encodeURIComponent(org)}/groups`,
  notifications: (org: string) => `/organizations/${encodeURIComponent(org)}/notifications`,
  activity: (org: string) => `/organizations/${encodeURIComponent(org)}/activity`,
};
