import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';
import type { ApiKey, UpdateApiKeyRequest } from '@keyward/contract';

export type ApiKeyUpdate = Pick<
  UpdateApiKeyRequest,
  | 'displayName'
  | 'description'
  | 'allowedIps'
  | 'deniedIps'
  | 'additionalConfiguration'
  | 'groupsThatCanView'
  | 'groupsThatCanEdit'
>;

/** The editable fields of a key as they are now (PUT replaces them all). */
function editableFields(key: ApiKey): ApiKeyUpdate {
  return {
    displayName: key.displayName,
    description: key.description,
    allowedIps: key.allowedIps,
    deniedIps: key.deniedIps,
    additionalConfiguration: key.additionalConfiguration,
    groupsThatCanView: key.groupsThatCanView.map(({ id }) => ({ id })),
    groupsThatCanEdit: key.groupsThatCanEdit.map(({ id }) => ({ id })),
  };
}

/** PUT applies only editable fields; sending them all, with the changes, leaves the others as they are. */
export function updateApiKey(org: string, key: ApiKey, changes: ApiKeyUpdate): Promise<void> {
  return api<void>(orgPath(org, `/apikeys/${encodeURIComponent(key.id)}`), {
    method: 'PUT',
    body: { ...editableFields(key), ...changes },
  });
}

export function useUpdateApiKey(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, changes }: { key: ApiKey; changes: ApiKeyUpdate }) => updateApiKey(org, key, changes),
    onSuccess: (_data, { key }) =>
      Promise.all([
        client.invalidateQueries({ queryKey: apiKeyKeys.detail(org, key.id) }),
        client.invalidateQueries({ queryKey: apiKeyKeys.lists(org) }),
        client.invalidateQueries({ queryKey: ['activities', org] }),
      ]),
  });
}
