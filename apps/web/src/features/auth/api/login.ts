import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, LoginResponse } from '@keyward/contract';
import { api } from '../../../lib/api-client.ts';
import { sessionQueryKey } from '../../../lib/session.ts';

export function login(body: LoginRequest): Promise<LoginResponse> {
  // A 401 here means wrong credentials, not an expired session: no redirect.
  return api<LoginResponse>('/rest/auth/login', { method: 'POST', body, allowUnauthorized: true });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async () => {
      // Nothing of a previous session may survive a new login.
      client.removeQueries();
      await client.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}
