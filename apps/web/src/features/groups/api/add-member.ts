import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateMember } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';
import { groupKeys } from './query-keys.ts';

/** An existing user joins a group. */
export function addGroupMember(org: string, groupId: string, userId: string): Promise<void> {
  return api<void>(orgPath(org, `/groups/${encodeURIComponent(groupId)}/members`), {
    method: 'POST',
    body: { userId },
  });
}

/** A new user, created straight into the group. */
export function createMember(org: string, input: CreateMember): Promise<unknown> {
  return api<unknown>(orgPath(org, '/members'), { method: 'POST', body: input });
}

export type AddMemberInput = { groupId: string } & (
  { kind: 'existing'; userId: string } | { kind: 'new'; email: string; displayName: string; password: string }
);

export function useAddMember(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AddMemberInput) =>
      input.kind === 'existing'
        ? addGroupMember(org, input.groupId, input.userId)
        : createMember(org, {
            email: input.email,
            displayName: input.displayName,
            password: input.password,
            groups: [input.groupId],
          }),
    onSuccess: () => client.invalidateQueries({ queryKey: groupKeys.all(org) }),
  });
}
