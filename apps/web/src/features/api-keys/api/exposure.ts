import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiKey, ReportExposureRequest } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';
import { apiKeyKeys } from './query-keys.ts';

const exposurePath = (org: string, id: string) => orgPath(org, `/apikeys/${encodeURIComponent(id)}/exposure`);

export function reportExposure(org: string, id: string, input: ReportExposureRequest): Promise<ApiKey> {
  return api<ApiKey>(exposurePath(org, id), { method: 'POST', body: input });
}

export function dismissExposure(org: string, id: string): Promise<void> {
  return api<void>(exposurePath(org, id), { method: 'DELETE' });
}

function useRefreshKeys(org: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: apiKeyKeys.all(org) }),
      client.invalidateQueries({ queryKey: ['activities', org] }),
    ]);
}

/** `POST .../apikeys/{id}/exposure`: adds a reason to the key's report. */
export function useReportExposure(org: string) {
  const refresh = useRefreshKeys(org);
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: ReportExposureRequest }) => reportExposure(org, id, input),
    onSettled: refresh,
  });
}

/** `DELETE .../apikeys/{id}/exposure`: a security contact or administrator dismisses the report. */
export function useDismissExposure(org: string) {
  const refresh = useRefreshKeys(org);
  return useMutation({ mutationFn: (id: string) => dismissExposure(org, id), onSettled: refresh });
}
