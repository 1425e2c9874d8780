import type { ListApiKeysParams } from './list-api-keys.ts';

/** Every api-keys query key comes from here, so invalidation is spelled once. */
export const apiKeyKeys = {
  all: (org: string) => ['api-keys', org] as const,
  lists: (org: string) => ['api-keys', org, 'list'] as const,
  list: (org: string, params: ListApiKeysParams) => ['api-keys', org, 'list', params] as const,
  detail: (org: string, id: string) => ['api-keys', org, 'detail', id] as const,
  usage: (org: string, id: string, days: number) => ['api-keys', org, 'usage', id, days] as const,
  privilegeUsage: (org: string, id: string, days: number) => ['api-keys', org, 'privilege-usage', id, days] as const,
};
