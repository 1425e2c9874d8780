import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';
import type { ApiKey, CreateApiKeyRequest } from '@keyward/contract';

export function createApiKey(org: string, templateId: string, input: CreateApiKeyRequest): Promise<ApiKey> {
  return api<ApiKey>(orgPath(org, '/apikeys'), {
    method: 'POST',
    query: { apiKeyTemplateId: templateId },
    body: input,
  });
}

/**
 * Creating a key answers its full value, shown once. It must never reach the react-query caches
 * (queries or mutations), so this hook is a plain async call: the caller keeps the answer in
 * component state and drops it when the dialog closes.
 */
export function useCreateApiKey(org: string) {
  const client = useQueryClient();
  const [pending, setPending] = useState(false);
  const create = useCallback(
    async (templateId: string, input: CreateApiKeyRequest): Promise<ApiKey> => {
      setPending(true);
      try {
        const created = await createApiKey(org, templateId, input);
        await client.invalidateQueries({ queryKey: apiKeyKeys.lists(org) });
        return created;
      } finally {
        setPending(false);
      }
    },
    [client, org],
  );
  return { create, pending };
}
