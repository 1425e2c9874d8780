import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Group, GroupUpdate } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/session.ts';
import { groupKeys } from './query-keys.ts';

/** `PUT .../groups/{id}`: name, API-key access and privileges. */
export function updateGroup(org: string, groupId: string, input: GroupUpdate): Promise<Group> {
  return api<Group>(orgPath(org, `/groups/${encodeURIComponent(groupId)}`), { method: 'PUT', body: input });
}

export function useUpdateGroup(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, input }: { groupId: string; input: GroupUpdate }) => updateGroup(org, groupId, input),
    // A group's privileges may be the caller's own: the session's privileges are read again too.
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: groupKeys.all(org) }),
        client.invalidateQueries({ queryKey: sessionQueryKey }),
      ]),
  });
}
