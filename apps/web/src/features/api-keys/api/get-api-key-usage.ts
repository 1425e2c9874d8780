import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';
import type { UsageResponse } from '@keyward/contract';

/** Usage is beyond the seeds; until the server has the route, a 404 reads as "no usage yet". */
export async function getApiKeyUsage(
  org: string,
  id: string,
  days: number,
  signal?: AbortSignal,
): Promise<UsageResponse | null> {
  try {
    return await api<UsageResponse>(orgPath(org, `/apikeys/${encodeURIComponent(id)}/usage`), {
      query: { days },
      signal,
    });
  } catch (error) {
    if (isApiError(error, 404)) return null;
    throw error;
  }
}

export const getApiKeyUsageQueryOptions = (org: string, id: string, days = 30) =>
  queryOptions({
    queryKey: apiKeyKeys.usage(org, id, days),
    queryFn: ({ signal }) => getApiKeyUsage(org, id, days, signal),
  });

export function useApiKeyUsage(org: string, id: string, days = 30) {
  return useQuery(getApiKeyUsageQueryOptions(org, id, days));
}
