import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ApiKey, ReplaceKeyRequest } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';

const keyPath = (org: string, id: string, rest: string) => orgPath(org, `/apikeys/${encodeURIComponent(id)}${rest}`);

export function rotateApiKey(org: string, id: string, previousKeyExpirationPeriod: string): Promise<ApiKey> {
  return api<ApiKey>(keyPath(org, id, '/rotate'), { method: 'POST', body: { previousKeyExpirationPeriod } });
}

export function replaceApiKey(org: string, id: string, input: ReplaceKeyRequest): Promise<void> {
  return api<void>(keyPath(org, id, '/replace'), { method: 'POST', body: input });
}

function useRefresh(org: string) {
  const client = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({ queryKey: apiKeyKeys.all(org) }),
        client.invalidateQueries({ queryKey: ['activities', org] }),
      ]),
    [client, org],
  );
}

/**
 * Rotating answers the new key's full value, shown once: like creation, a plain async call that
 * keeps the answer out of the react-query caches; the caller holds it in state until Done.
 */
export function useRotateApiKey(org: string) {
  const refresh = useRefresh(org);
  const [pending, setPending] = useState(false);
  const rotate = useCallback(
    async (id: string, period: string): Promise<ApiKey> => {
      setPending(true);
      try {
        const created = await rotateApiKey(org, id, period);
        await refresh();
        return created;
      } finally {
        setPending(false);
      }
    },
    [org, refresh],
  );
  return { rotate, pending };
}

/** Retire the original after Create from existing: now or after a grace period. */
export function useReplaceApiKey(org: string) {
  const refresh = useRefresh(org);
  const [pending, setPending] = useState(false);
  const replace = useCallback(
    async (id: string, input: ReplaceKeyRequest): Promise<void> => {
      setPending(true);
      try {
        await replaceApiKey(org, id, input);
        await refresh();
      } finally {
        setPending(false);
      }
    },
    [org, refresh],
  );
  return { replace, pending };
}
