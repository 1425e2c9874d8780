import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';
import type { ApiKey } from '@keyward/contract';

export function getApiKey(org: string, id: string, signal?: AbortSignal): Promise<ApiKey> {
  return api<ApiKey>(orgPath(org, `/apikeys/${encodeURIComponent(id)}`), { signal });
}

/** setTimeout's ceiling (about 24.8 days). */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Read the key again once its next event (expiry, deactivation) has come, so its page turns from
 * "will be deactivated" to "deactivated" by itself. When the browser already sees that instant as
 * past while the server did not (clocks apart), ask again every 30 s rather than in a tight loop.
 */
export function refetchDelayFor(key: ApiKey | undefined, now: number): number | false {
  const next = key?.timeline.next;
  if (!next) return false;
  const left = next.date - now;
  return left <= 0 ? 30_000 : Math.min(left + 2_000, MAX_DELAY_MS);
}

export const getApiKeyQueryOptions = (org: string, id: string) =>
  queryOptions({
    queryKey: apiKeyKeys.detail(org, id),
    queryFn: ({ signal }) => getApiKey(org, id, signal),
    refetchInterval: (query) => refetchDelayFor(query.state.data, Date.now()),
  });

export function useApiKey(org: string, id: string | undefined) {
  return useQuery({ ...getApiKeyQueryOptions(org, id ?? ''), enabled: Boolean(id) });
}
