import { api, orgPath } from '../../../lib/api-client.ts';
import type { ApiKey, DuplicateApiKeyRequest } from '@keyward/contract';

/**
 * `PUT .../apikeys/{id}/duplicate` carries only a name, a description and a lifetime: the wizard's
 * Create from existing therefore creates a key with the same template and the edited settings
 * (see create-api-key.ts). This call is kept for scripts and parity with the REST API.
 */
export function duplicateApiKey(org: string, id: string, input: DuplicateApiKeyRequest): Promise<ApiKey> {
  return api<ApiKey>(orgPath(org, `/apikeys/${encodeURIComponent(id)}/duplicate`), { method: 'PUT', body: input });
}
