import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Group } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';
import { groupKeys } from './query-keys.ts';

export function listGroups(org: string, signal?: AbortSignal): Promise<Group[]> {
  return api<Group[]>(orgPath(org, '/groups'), { signal });
}

export const listGroupsQueryOptions = (org: string) =>
  queryOptions({ queryKey: groupKeys.list(org), queryFn: ({ signal }) => listGroups(org, signal), staleTime: 60_000 });

export function useGroups(org: string, enabled = true) {
  return useQuery({ ...listGroupsQueryOptions(org), enabled });
}
