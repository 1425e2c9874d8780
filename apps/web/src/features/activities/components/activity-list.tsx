import { useState } from 'react';
import { Link } from 'react-router';
import type { Activity } from '@keyward/contract';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { ActivityIcon } from '../../../components/ui/icons.tsx';
import { Pill, type PillTone } from '../../../components/ui/pill.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states.tsx';
import { Pagination } from '../../../components/ui/table.tsx';
import { paths } from '../../../lib/use-org-id.ts';
import { useActivities } from '../api/list-activities.ts';
import { ActivityChanges } from './activity-changes.tsx';
import './activity.css';

const OPERATIONS: Record<string, string> = {
  CREATE: 'Created',
  UPDATE: 'Updated',
  DELETE: 'Deleted',
  ENABLE: 'Activated',
  DISABLE: 'Deactivated',
  DUPLICATE: 'Created from existing',
  ROTATE: 'Rotated',
  EXTEND: 'Kept active for a year',
  EXPOSE: 'Flagged as exposed',
  DISMISS_EXPOSURE: 'Exposure dismissed',
  DEACTIVATE: 'Deactivated automatically',
};

const STATES: Record<string, { label: string; tone: PillTone }> = {
  ENABLED: { label: 'Enabled', tone: 'success' },
  DISABLED: { label: 'Disabled', tone: 'neutral' },
  DELETED: { label: 'Deleted', tone: 'danger' },
};

function operationLabel(operation: string): string {
  return OPERATIONS[operation] ?? operation.charAt(0) + operation.slice(1).toLowerCase().replaceAll('_', ' ');
}

function StatePill({ state }: { state: string | undefined }) {
  const look = state ? STATES[state] : undefined;
  if (!look) return <span className="muted">—</span>;
  return (
    <Pill tone={look.tone} icon={<span className={`dot dot-${look.tone}`} aria-hidden="true" />}>
      {look.label}
    </Pill>
  );
}

interface ActivityListProps {
  org: string;
  resourceId?: string;
  /** Hide the key name column (the key's own page). */
  hideKeyName?: boolean;
  perPage?: number;
  /** Group names by id, for the access lists of the changes (ids where unknown). */
  groupNames?: ReadonlyMap<string, string>;
}

/** Reverse chronological: when, key name, what was done and by whom, resulting state. Paged by the server. */
export function ActivityList({ org, resourceId, hideKeyName = false, perPage = 20, groupNames }: ActivityListProps) {
  const [page, setPage] = useState(0);
  const [operation, setOperation] = useState('');
  const activities = useActivities(org, { page, perPage, resourceId, operation: operation || undefined });
  const filter = (
    <div className="activity-filter">
      <label htmlFor={`activity-operation-${resourceId ?? 'all'}`} className="field-label">
        Operation
      </label>
      <select
        id={`activity-operation-${resourceId ?? 'all'}`}
        className="input select"
        value={operation}
        onChange={(e) => {
          setOperation(e.target.value);
          setPage(0);
        }}
      >
        <option value="">All operations</option>
        {Object.entries(OPERATIONS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );

  if (activities.isPending) return <LoadingState label="Loading activity" rows={5} />;
  if (activities.isError)
    return (
      <ErrorState
        error={activities.error}
        title="The activity could not be loaded"
        onRetry={() => void activities.refetch()}
      />
    );
  const items: Activity[] = activities.data.items;
  if (items.length === 0) {
    return (
      <div className="stack-sm">
        {filter}
        <EmptyState
          title={operation ? 'No activity of this kind' : 'No activity yet'}
          icon={<ActivityIcon size={28} />}
        >
          <p>Creating, editing, deactivating or deleting a key is recorded here.</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <div className="stack-sm">
      {filter}
      <ol className="activity-list" aria-label="Activity, newest first">
        {items.map((a) => (
          <li key={a.id} className="activity-item">
            <div className="activity-when">
              <DateTime value={a.createDate} />
            </div>
            <div className="activity-what">
              <span className="activity-operation">{operationLabel(a.operation)}</span>
              {!hideKeyName &&
                (a.content.resourceState === 'DELETED' ? (
                  <span className="activity-key">{a.resourceName}</span>
                ) : (
                  <Link className="activity-key" to={paths.apiKey(org, a.resourceId)}>
                    {a.resourceName}
                  </Link>
                ))}
              <span className="subtle">
                by {a.triggeredBy.type === 'SYSTEM' ? 'Keyward (automatic)' : a.triggeredBy.displayName}
              </span>
              <ActivityChanges activity={a} org={org} groupNames={groupNames} />
            </div>
            <div className="activity-state">
              <StatePill state={a.content.resourceState} />
            </div>
          </li>
        ))}
      </ol>
      <Pagination
        page={page}
        perPage={perPage}
        total={activities.data.totalEntries}
        onPage={setPage}
        label="Activity pages"
      />
    </div>
  );
}
