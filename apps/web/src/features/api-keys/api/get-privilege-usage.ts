import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PrivilegeUsageResponse } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';

/** `GET .../apikeys/{id}/privileges/usage?days=90`: when each of the key's privileges was last exercised. */
export function getPrivilegeUsage(
  org: string,
  id: string,
  days: number,
  signal?: AbortSignal,
): Promise<PrivilegeUsageResponse> {
  return api<PrivilegeUsageResponse>(orgPath(org, `/apikeys/${encodeURIComponent(id)}/privileges/usage`), {
    query: { days },
    signal,
  });
}

export const getPrivilegeUsageQueryOptions = (org: string, id: string, days = 90) =>
  queryOptions({
    queryKey: apiKeyKeys.privilegeUsage(org, id, days),
    queryFn: ({ signal }) => getPrivilegeUsage(org, id, days, signal),
  });

export function usePrivilegeUsage(org: string, id: string, enabled: boolean, days = 90) {
  return useQuery({ ...getPrivilegeUsageQueryOptions(org, id, days), enabled });
}
