import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@keyward/contract';
import { api } from '../../../lib/api-client.ts';

/** `PUT /rest/auth/password`: the server ends the user's other sessions, this one stays. */
export function changePassword(input: ChangePasswordRequest): Promise<void> {
  return api<void>('/rest/auth/password', { method: 'PUT', body: input });
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
