import { LIST_STATUS_FILTERS, TEMPLATE_IDS } from '@keyward/domain';
import type { ApiKeySortBy, ApiKeyStatusFilter } from '@keyward/contract';
import type { ListApiKeysParams } from '../api/query-keys.ts';

// Without React: app/boot.ts reads the list's URL before React is loaded.

const SORTS: readonly ApiKeySortBy[] = ['displayName', 'createdDate', 'lastUsedDate', 'expirationDate', 'status'];
const PER_PAGE = [10, 25, 50, 100];
export const DEFAULT_SORT: ApiKeySortBy = 'createdDate';

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** The list query a URL's search part asks for (unknown or missing values: the defaults). */
export function listParamsFrom(search: URLSearchParams): ListApiKeysParams {
  const sortBy = oneOf(search.get('sortBy'), SORTS) ?? DEFAULT_SORT;
  const order =
    search.get('order') === 'asc'
      ? 'asc'
      : search.get('order') === 'desc'
        ? 'desc'
        : sortBy === 'displayName'
          ? 'asc'
          : 'desc';
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  const perPageRaw = Number.parseInt(search.get('perPage') ?? '25', 10);
  return {
    status: oneOf(search.get('status'), LIST_STATUS_FILTERS) as ApiKeyStatusFilter | undefined,
    filter: search.get('q')?.trim() || undefined,
    apiKeyTemplateId: oneOf(search.get('template'), TEMPLATE_IDS),
    sortBy,
    order,
    page: page - 1,
    perPage: PER_PAGE.includes(perPageRaw) ? perPageRaw : 25,
  };
}
