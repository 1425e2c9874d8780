import type { ApiKey } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';

/**
 * `POST .../apikeys/lookup {value}`: the key whose full value this is (masked), or a 404. The value
 * travels only in this request's body: never in a URL, a query key or a cache.
 */
export function lookupApiKey(org: string, value: string): Promise<ApiKey> {
  return api<ApiKey>(orgPath(org, '/apikeys/lookup'), { method: 'POST', body: { value } });
}
