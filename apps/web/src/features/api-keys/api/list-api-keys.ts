import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiKey } from '@keyward/contract';
import { apiRequest, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys, type ListApiKeysParams } from './query-keys.ts';

export type { ListApiKeysParams };

export interface ApiKeyPage {
  items: ApiKey[];
  total: number;
}

export async function listApiKeys(org: string, params: ListApiKeysParams, signal?: AbortSignal): Promise<ApiKeyPage> {
  const { data, headers } = await apiRequest<ApiKey[]>(orgPath(org, '/apikeys'), { query: { ...params }, signal });
  const total = Number(headers.get('X-Total-Count') ?? data.length);
  return { items: data, total: Number.isFinite(total) ? total : data.length };
}

export const listApiKeysQueryOptions = (org: string, params: ListApiKeysParams) =>
  queryOptions({
    queryKey: apiKeyKeys.list(org, params),
    queryFn: ({ signal }) => listApiKeys(org, params, signal),
    placeholderData: keepPreviousData,
  });

export function useApiKeys(org: string, params: ListApiKeysParams) {
  return useQuery(listApiKeysQueryOptions(org, params));
}
