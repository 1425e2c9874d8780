import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';

/** State changes of one or many keys: activate, disable (deactivate), delete, keep active for a year. */
export type KeyChange = 'activate' | 'disable' | 'delete' | 'extend';

export function changeApiKeys(org: string, change: KeyChange, ids: string[]): Promise<void> {
  const base = orgPath(org, '/apikeys');
  const one = ids.length === 1 ? encodeURIComponent(ids[0] ?? '') : null;
  switch (change) {
    case 'activate':
    case 'disable':
      return one
        ? api<void>(`${base}/${one}/${change}`, { method: 'PUT' })
        : api<void>(`${base}/${change}/bulk`, { method: 'PUT', body: ids });
    case 'delete':
      return one
        ? api<void>(`${base}/${one}`, { method: 'DELETE' })
        : api<void>(`${base}/delete/bulk`, { method: 'POST', body: ids });
    case 'extend':
      return Promise.all(
        ids.map((id) => api<void>(`${base}/${encodeURIComponent(id)}/activation/extend`, { method: 'PUT' })),
      ).then(() => undefined);
  }
}

export function useChangeApiKeys(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ change, ids }: { change: KeyChange; ids: string[] }) => changeApiKeys(org, change, ids),
    onSettled: async (_data, _error, { change, ids }) => {
      if (change === 'delete') ids.forEach((id) => client.removeQueries({ queryKey: apiKeyKeys.detail(org, id) }));
      await Promise.all([
        client.invalidateQueries({ queryKey: apiKeyKeys.all(org) }),
        client.invalidateQueries({ queryKey: ['activities', org] }),
      ]);
    },
  });
}
