import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';
import type { ApiKey } from '@keyward/contract';

export function getApiKey(org: string, id: string, signal?: AbortSignal): Promise<ApiKey> {
  return api<ApiKey>(orgPath(org, `/apikeys/${encodeURIComponent(id)}`), { signal });
}

export const getApiKeyQueryOptions = (org: string, id: string) =>
  queryOptions({
    queryKey: apiKeyKeys.detail(org, id),
    queryFn: ({ signal }) => getApiKey(org, id, signal),
  });

export function useApiKey(org: string, id: string | undefined) {
  return useQuery({ ...getApiKeyQueryOptions(org, id ?? ''), enabled: Boolean(id) });
}
