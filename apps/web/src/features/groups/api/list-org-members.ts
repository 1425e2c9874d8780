import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';
import { groupKeys } from './query-keys.ts';

export function listOrgMembers(org: string, signal?: AbortSignal): Promise<Member[]> {
  return api<Member[]>(orgPath(org, '/members'), { signal });
}

export const listOrgMembersQueryOptions = (org: string) =>
  queryOptions({ queryKey: groupKeys.orgMembers(org), queryFn: ({ signal }) => listOrgMembers(org, signal) });

export function useOrgMembers(org: string, enabled = true) {
  return useQuery({ ...listOrgMembersQueryOptions(org), enabled });
}
