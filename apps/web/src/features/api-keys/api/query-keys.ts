import type { ApiKeyListQuery } from '@keyward/contract';

/** The list query of the contract, as the page always sends it (`page` is 0-based, Coveo style). */
export type ListApiKeysParams = Pick<ApiKeyListQuery, 'status' | 'filter'> &
  Required<Pick<ApiKeyListQuery, 'sortBy' | 'page' | 'perPage'>> & { order: 'asc' | 'desc' };

/** Every api-keys query key comes from here, so invalidation is spelled once. */
export const apiKeyKeys = {
  all: (org: string) => ['api-keys', org] as const,
  lists: (org: string) => ['api-keys', org, 'list'] as const,
  list: (org: string, params: ListApiKeysParams) => ['api-keys', org, 'list', params] as const,
  detail: (org: string, id: string) => ['api-keys', org, 'detail', id] as const,
  usage: (org: string, id: string, days: number) => ['api-keys', org, 'usage', id, days] as const,
};
