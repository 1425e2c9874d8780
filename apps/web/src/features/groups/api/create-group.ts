import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Group, GroupInput } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';
import { groupKeys } from './query-keys.ts';

export function createGroup(org: string, input: GroupInput): Promise<Group> {
  return api<Group>(orgPath(org, '/groups'), { method: 'POST', body: input });
}

export function useCreateGroup(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: GroupInput) => createGroup(org, input),
    onSuccess: () => client.invalidateQueries({ queryKey: groupKeys.all(org) }),
  });
}
