import { useMemo } from 'react';
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

/** Group names by id, for showing the groups an activity names (empty until loaded, or without the privilege). */
export function useGroupNames(org: string, enabled = true): ReadonlyMap<string, string> {
  const groups = useGroups(org, enabled);
  return useMemo(() => new Map((groups.data ?? []).map((g) => [g.id, g.displayName])), [groups.data]);
}
