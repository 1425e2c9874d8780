import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, orgPath } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/session.ts';
import { groupKeys } from './query-keys.ts';

/** `DELETE .../groups/{id}/members/{userId}`: the user leaves the group (the last administrator stays). */
export function removeMember(org: string, groupId: string, userId: string): Promise<void> {
  const path = `/groups/${encodeURIComponent(groupId)}/members/${encodeURIComponent(userId)}`;
  return api<void>(orgPath(org, path), { method: 'DELETE' });
}

export function useRemoveMember(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ groupId, userId }: { groupId: string; userId: string }) => removeMember(org, groupId, userId),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: groupKeys.all(org) }),
        client.invalidateQueries({ queryKey: sessionQueryKey }),
      ]),
  });
}
