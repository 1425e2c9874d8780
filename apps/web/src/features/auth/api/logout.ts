import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useClearSession } from '../../../lib/session.ts';

export function logout(): Promise<void> {
  return api<void>('/rest/auth/logout', { method: 'POST', allowUnauthorized: true });
}

export function useLogout() {
  const clear = useClearSession();
  return useMutation({
    mutationFn: logout,
    onSettled: () => clear(),
  });
}
