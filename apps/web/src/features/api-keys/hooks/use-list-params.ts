import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { ListApiKeysParams } from '../api/list-api-keys.ts';
import type { ApiKeySortBy } from '@keyward/contract';
import { listParamsFrom } from './list-params.ts';

export { listParamsFrom };

/** The search part after some changes (undefined or '' removes a value); any change but paging goes back to page 1. */
export function withChanges(
  previous: URLSearchParams,
  changes: Record<string, string | number | undefined>,
  resetPage = true,
): URLSearchParams {
  const next = new URLSearchParams(previous);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined || value === '') next.delete(name);
    else next.set(name, String(value));
  }
  if (resetPage && !('page' in changes)) next.delete('page');
  return next;
}

/** Sorting by the current column flips the order; a new column starts A→Z for names, newest first otherwise. */
export function nextOrder(current: Pick<ListApiKeysParams, 'sortBy' | 'order'>, sortBy: ApiKeySortBy): 'asc' | 'desc' {
  if (current.sortBy === sortBy) return current.order === 'asc' ? 'desc' : 'asc';
  return sortBy === 'displayName' ? 'asc' : 'desc';
}

/**
 * The list's state lives in the URL (shareable, survives reload, back/forward work):
 * `?q=&status=&template=&sortBy=&order=&page=&perPage=`, with `page` 1-based for people.
 */
export function useListParams() {
  const [search, setSearch] = useSearchParams();

  const params: ListApiKeysParams = useMemo(() => listParamsFrom(search), [search]);

  const update = useCallback(
    (changes: Record<string, string | number | undefined>, resetPage = true) => {
      setSearch((previous) => withChanges(previous, changes, resetPage), { replace: 'q' in changes });
    },
    [setSearch],
  );

  const setPage = useCallback((page0: number) => update({ page: page0 > 0 ? page0 + 1 : undefined }, false), [update]);
  const setSort = useCallback(
    (sortBy: ApiKeySortBy) => update({ sortBy, order: nextOrder(params, sortBy) }),
    [params, update],
  );

  const setQuery = useCallback((q: string) => update({ q: q || undefined }), [update]);
  const setStatus = useCallback((status: string) => update({ status: status || undefined }), [update]);
  const setTemplate = useCallback((template: string) => update({ template: template || undefined }), [update]);
  const setPerPage = useCallback((perPage: number) => update({ perPage }), [update]);

  return { params, query: search.get('q') ?? '', setQuery, setStatus, setTemplate, setSort, setPage, setPerPage };
}
