import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';
import { groupKeys } from './query-keys.ts';

export function listGroupMembers(org: string, groupId: string, signal?: AbortSignal): Promise<Member[]> {
  return api<Member[]>(orgPath(org, `/groups/${encodeURIComponent(groupId)}/members`), { signal });
}

export const listGroupMembersQueryOptions = (org: string, groupId: string) =>
  queryOptions({
    queryKey: groupKeys.members(org, groupId),
    queryFn: ({ signal }) => listGroupMembers(org, groupId, signal),
  });

export function useGroupMembers(org: string, groupId: string) {
  return useQuery(listGroupMembersQueryOptions(org, groupId));
}
