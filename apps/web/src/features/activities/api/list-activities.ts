import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ActivityFilters, ActivityPage } from '@keyward/contract';
import { api, orgPath } from '../../../lib/api-client.ts';

export interface ListActivitiesParams {
  page: number;
  perPage: number;
  /** One key's activities (its page's Activity tab); absent: the whole organization. */
  resourceId?: string | undefined;
  /** One operation only (CREATE, UPDATE...); absent: all. */
  operation?: string | undefined;
}

export function listActivities(org: string, params: ListActivitiesParams, signal?: AbortSignal): Promise<ActivityPage> {
  const filters: ActivityFilters = {
    resourceTypes: ['API_KEY'],
    ...(params.resourceId ? { resourceIds: [params.resourceId] } : {}),
    ...(params.operation ? { operations: [params.operation] } : {}),
  };
  return api<ActivityPage>(orgPath(org, '/activities/public'), {
    method: 'POST',
    query: { page: params.page, perPage: params.perPage },
    body: filters,
    signal,
  });
}

export const listActivitiesQueryOptions = (org: string, params: ListActivitiesParams) =>
  queryOptions({
    queryKey: ['activities', org, params] as const,
    queryFn: ({ signal }) => listActivities(org, params, signal),
    placeholderData: keepPreviousData,
  });

export function useActivities(org: string, params: ListActivitiesParams) {
  return useQuery(listActivitiesQueryOptions(org, params));
}
