import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, orgPath } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/session.ts';
import { groupKeys } from './query-keys.ts';

/** `DELETE .../groups/{id}`: its members leave it and its grants on API keys go with it. */
export function deleteGroup(org: string, groupId: string): Promise<void> {
  return api<void>(orgPath(org, `/groups/${encodeURIComponent(groupId)}`), { method: 'DELETE' });
}

export function useDeleteGroup(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (groupId: string) => deleteGroup(org, groupId),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: groupKeys.all(org) }),
        // the keys' Access lists named the group (the api-keys feature's query keys start so)
        client.invalidateQueries({ queryKey: ['api-keys', org] }),
        client.invalidateQueries({ queryKey: sessionQueryKey }),
      ]),
  });
}
