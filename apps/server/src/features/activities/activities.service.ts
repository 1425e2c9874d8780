import type { Activity, ActivityFilters, ActivityListQuery, ActivityPage, TriggeredBy } from '@keyward/contract';
import type { Db } from '../../db/database.ts';
import { findActivities, type ActivityRow } from './activities.repository.ts';

const DEFAULT_PER_PAGE = 100;

/** `2026-01-15T12:00:00Z`, `2026-01-15` or epoch ms (the query schema has checked the shape). */
function instantOf(param: string | undefined): number | null {
  if (param === undefined) return null;
  return /^\d+$/.test(param) ? Number(param) : Date.parse(param);
}

function toActivity(row: ActivityRow): Activity {
  return {
    id: String(row.id),
    organizationId: row.organization_id,
    operation: row.operation,
    result: 'SUCCESS',
    state: 'EXECUTED',
    triggeredBy: {
      type: row.triggered_by_type as TriggeredBy['type'],
      id: row.triggered_by_id,
      displayName: row.triggered_by_name,
    },
    createDate: row.create_date,
    resourceType: 'API_KEY',
    resourceId: row.resource_id,
    resourceName: row.resource_name,
    section: 'ORGANIZATION',
    content: JSON.parse(row.content_json) as Activity['content'],
  };
}

export async function listActivities(
  db: Db,
  organizationId: string,
  query: ActivityListQuery,
  filters: ActivityFilters,
): Promise<ActivityPage> {
  const perPage = query.perPage ?? DEFAULT_PER_PAGE;
  const page = query.page ?? 0;
  const { rows, total } = await findActivities(db, {
    organizationId,
    from: instantOf(query.from),
    to: instantOf(query.to),
    resourceTypes: filters.resourceTypes ?? [],
    resourceIds: filters.resourceIds ?? [],
    operations: filters.operations ?? [],
    offset: page * perPage,
    limit: perPage,
  });
  return { items: rows.map(toActivity), totalEntries: total, totalPages: Math.ceil(total / perPage) };
}
