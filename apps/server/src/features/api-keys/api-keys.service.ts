import type { ApiKey, ApiKeyListQuery } from '@keyward/contract';
import type { Db } from '../../db/database.ts';
import type { KeyAccessLevel } from '@keyward/domain';
import { toApiKeyDto, type ApiKeyRow, type GrantRow } from './api-key-row.ts';
import { listKeys } from './api-key-list.repository.ts';
import { findGrants, findKey, findKeys } from './api-keys.repository.ts';
import {
  accessToKey,
  assertKeyAccess,
  notFound,
  visibleGroupsOf,
  type Caller,
  type KeyServiceDeps,
} from './key-access.ts';

const DEFAULT_PER_PAGE = 100;

export async function toDtos(db: Db, caller: Caller, rows: readonly ApiKeyRow[], now: number): Promise<ApiKey[]> {
  const grants = await findGrants(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => toApiKeyDto(row, { now, grants, access: accessToKey(caller.access, grants, row.id) }));
}

export async function listApiKeys(
  deps: KeyServiceDeps,
  caller: Caller,
  query: ApiKeyListQuery,
): Promise<{ items: ApiKey[]; total: number }> {
  const now = deps.clock.now();
  const paged = query.page !== undefined || query.perPage !== undefined;
  const perPage = query.perPage ?? DEFAULT_PER_PAGE;
  const text = query.filter?.trim() ?? '';
  const { rows, total } = await listKeys(deps.db, {
    organizationId: caller.access.organizationId,
    now,
    status: query.status ?? null,
    text: text === '' ? null : text,
    visibleToGroups: visibleGroupsOf(caller.access),
    sortBy: query.sortBy ?? 'createdDate',
    order: query.order?.toLowerCase() === 'asc' ? 'asc' : 'desc',
    page: paged ? { offset: (query.page ?? 0) * perPage, limit: perPage } : null,
  });
  return { items: await toDtos(deps.db, caller, rows, now), total };
}

export interface LoadedKey {
  row: ApiKeyRow;
  grants: GrantRow[];
  level: KeyAccessLevel;
}

/** One key of the caller's organization that the caller may see (404) and, if asked, edit (403). */
export async function loadKey(db: Db, caller: Caller, id: string, needed: 'VIEW' | 'EDIT'): Promise<LoadedKey> {
  const row = await findKey(db, caller.access.organizationId, id);
  if (!row) throw notFound(id);
  const grants = await findGrants(db, [id]);
  const level = accessToKey(caller.access, grants, id);
  assertKeyAccess(level, needed, id);
  return { row, grants, level };
}

/** Several keys, all or nothing: every id must exist and be accessible at `needed`. */
export async function loadKeys(
  db: Db,
  caller: Caller,
  ids: readonly string[],
  needed: 'VIEW' | 'EDIT',
): Promise<LoadedKey[]> {
  const unique = [...new Set(ids)];
  const rows = await findKeys(db, caller.access.organizationId, unique);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const grants = await findGrants(db, unique);
  return unique.map((id) => {
    const row = byId.get(id);
    if (!row) throw notFound(id);
    const level = accessToKey(caller.access, grants, id);
    assertKeyAccess(level, needed, id);
    return { row, grants: grants.filter((g) => g.api_key_id === id), level };
  });
}

export async function getApiKey(deps: KeyServiceDeps, caller: Caller, id: string): Promise<ApiKey> {
  const { row, grants, level } = await loadKey(deps.db, caller, id, 'VIEW');
  return toApiKeyDto(row, { now: deps.clock.now(), grants, access: level });
}
