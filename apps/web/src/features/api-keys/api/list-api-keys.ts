import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiKey, ApiKeyListQuery } from '@keyward/contract';
import { apiRequest, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';

/** The list query of the contract, as the page always sends it (`page` is 0-based, Coveo style). */
export type ListApiKeysParams = Pick<ApiKeyListQuery, 'status' | 'filter' | 'apiKeyTemplateId'> &
  Required<Pick<ApiKeyListQuery, 'sortBy' | 'page' | 'perPage'>> & { order: 'asc' | 'desc' };

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
