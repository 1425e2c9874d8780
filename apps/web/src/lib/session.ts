import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse, MyOrganization } from '@keyward/contract';
import { api, setCsrfToken } from './api-client.ts';

/**
 * The session is shared by every feature (the user menu, privileges, the CSRF token), so it lives
 * in lib/ rather than in a feature folder.
 */
export const sessionQueryKey = ['session', 'me'] as const;

export async function getMe(): Promise<MeResponse> {
  const me = await api<MeResponse>('/rest/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

export const meQueryOptions = queryOptions({
  queryKey: sessionQueryKey,
  queryFn: getMe,
  staleTime: 5 * 60_000,
  retry: false,
});

export function useMe() {
  return useQuery(meQueryOptions);
}

/** Whether the server accepts private IP ranges (KEYWARD_ALLOW_PRIVATE_IPS): the forms check the same rule. */
export function useAllowPrivateIps(): boolean {
  return useMe().data?.settings.allowPrivateIps ?? false;
}

/** The organization of the current route, from the session (undefined while loading or unknown). */
export function useOrganization(orgId: string | undefined): MyOrganization | undefined {
  const { data } = useMe();
  return data?.organizations.find((o) => o.id === orgId);
}

export function useClearSession() {
  const client = useQueryClient();
  return () => {
    setCsrfToken(undefined);
    client.clear();
  };
}
