import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../../lib/api-client.ts';
import { useClearSession } from '../../../lib/session.ts';

export function logout(): Promise<void> {
  return api<void>('/rest/auth/logout', { method: 'POST', allowUnauthorized: true });
}

/** Ends the session, leaves the console, then forgets everything cached (in that order, so no page refetches). */
export function useLogout() {
  const clear = useClearSession();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSettled: async () => {
      await navigate('/login', { replace: true });
      clear();
    },
  });
}
