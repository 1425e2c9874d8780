import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Notification } from '@keyward/contract';
import { apiRequest, isApiError, orgPath } from '../../../lib/api-client.ts';

export interface NotificationPage {
  items: Notification[];
  total: number;
  /** False while the server has no outbox route (404): the page shows an empty state. */
  available: boolean;
}

export async function listNotifications(
  org: string,
  page: number,
  perPage: number,
  signal?: AbortSignal,
): Promise<NotificationPage> {
  try {
    const { data, headers } = await apiRequest<Notification[]>(orgPath(org, '/notifications'), {
      query: { page, perPage },
      signal,
    });
    const total = Number(headers.get('X-Total-Count') ?? data.length);
    return { items: data, total: Number.isFinite(total) ? total : data.length, available: true };
  } catch (error) {
    if (isApiError(error, 404)) return { items: [], total: 0, available: false };
    throw error;
  }
}

export const listNotificationsQueryOptions = (org: string, page: number, perPage: number) =>
  queryOptions({
    queryKey: ['notifications', org, page, perPage] as const,
    queryFn: ({ signal }) => listNotifications(org, page, perPage, signal),
    placeholderData: keepPreviousData,
  });

export function useNotifications(org: string, page: number, perPage: number) {
  return useQuery(listNotificationsQueryOptions(org, page, perPage));
}
