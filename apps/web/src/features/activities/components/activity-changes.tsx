import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Activity } from '@keyward/contract';
import { findCatalogEntry, getTemplate, privilegeLevelLabel, type Privilege } from '@keyward/domain';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { paths } from '../../../lib/use-org-id.ts';

// What changed, field by field (PRODUCT.md §3.5 stores a before/after of the changed fields).

const LABELS: Record<string, string> = {
  displayName: 'Name',
  description: 'Description',
  apiKeyTemplateId: 'Template',
  privileges: 'Privileges',
  allowedIps: 'Allowed IPs',
  deniedIps: 'Denied IPs',
  additionalConfiguration: 'Search hub',
  expirationDate: 'Expiration date',
  groupsThatCanView: 'Groups that can view',
  groupsThatCanEdit: 'Groups that can edit',
  status: 'Status',
  enabled: 'Active',
  activationDate: 'Activation date',
  inactivityDeadline: 'Deactivation for inactivity',
  disabledDate: 'Deactivated on',
  disabledReason: 'Deactivation reason',
  exposureReport: 'Exposure report',
  rotatedToKeyId: 'Replaced by',
  scheduledDeactivationDate: 'Scheduled deactivation',
};

const STATUS_WORDS: Record<string, string> = {
  ENABLED: 'Active',
  SOON_TO_BE_EXPIRED: 'Soon to be expired',
  EXPIRED: 'Expired',
  SOON_TO_BE_DISABLED: 'Soon to be deactivated',
  DISABLED_FOR_INACTIVITY: 'Deactivated',
  DISABLED_EXPOSED: 'Deactivated (exposed)',
  DISABLED: 'Disabled',
  MANUAL: 'By a person',
  INACTIVITY: 'Inactivity',
  EXPOSED: 'Exposed',
  ROTATED: 'Rotation',
};

const SEVERITY_WORDS: Record<string, string> = {
  CRITICAL: 'Critical',
  HIGH: 'High',
  MEDIUM: 'Medium',
  LOW: 'Low',
  WARN: 'Warning',
};

const none = <span className="muted">None</span>;

function isPrivilege(v: unknown): v is Privilege {
  return typeof v === 'object' && v !== null && 'targetDomain' in v;
}

/** The access lists hold group ids: shown by name where the group is known (a deleted one keeps its id). */
const GROUP_FIELDS = new Set(['groupsThatCanView', 'groupsThatCanEdit']);

function text(field: string, value: unknown, org: string, groupNames: ReadonlyMap<string, string>): ReactNode {
  if ((value === null || value === undefined) && field === 'expirationDate') return 'Never';
  if (value === null || value === undefined || value === '') return none;
  if (field.endsWith('Date') || field === 'inactivityDeadline') {
    return typeof value === 'number' ? <DateTime value={value} format="both" /> : String(value);
  }
  if (field === 'rotatedToKeyId' && typeof value === 'string')
    return <Link to={paths.apiKey(org, value)}>{value}</Link>;
  if (field === 'apiKeyTemplateId' && typeof value === 'string') return getTemplate(value)?.name ?? value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') return STATUS_WORDS[value] ?? value;
  if (Array.isArray(value)) {
    if (value.length === 0) return none;
    if (GROUP_FIELDS.has(field)) return value.map((id) => groupNames.get(String(id)) ?? String(id)).join(', ');
    return value
      .map((v) =>
        isPrivilege(v)
          ? `${findCatalogEntry(v)?.label ?? v.targetDomain}: ${privilegeLevelLabel(v)}${v.targetId ? ` (${v.targetId === '*' ? 'all' : v.targetId})` : ''}`
          : String(v),
      )
      .join(', ');
  }
  if (field === 'exposureReport' && typeof value === 'object') {
    const r = value as { severity?: string; deactivationDate?: number | null };
    return (
      <>
        {SEVERITY_WORDS[r.severity ?? ''] ?? r.severity}
        {typeof r.deactivationDate === 'number' && (
          <>
            , deactivation <DateTime value={r.deactivationDate} format="both" />
          </>
        )}
      </>
    );
  }
  if (field === 'additionalConfiguration' && typeof value === 'object') {
    const hub = (value as { search?: { enforcedQueryPipelineConfiguration?: { searchHub?: string } } }).search
      ?.enforcedQueryPipelineConfiguration?.searchHub;
    return hub || none;
  }
  return JSON.stringify(value);
}

/** The group whose deletion took a grant from the key (its id no longer names anything). */
function deletedGroupName(content: Activity['content']): string | null {
  const g = content.groupDeleted;
  return typeof g === 'object' && g !== null && 'displayName' in g && typeof g.displayName === 'string'
    ? g.displayName
    : null;
}

/** Before → after of each changed field; for a creation or a deletion, the fields as they were set. */
const NO_NAMES: ReadonlyMap<string, string> = new Map();

export function ActivityChanges({
  activity,
  org,
  groupNames = NO_NAMES,
}: {
  activity: Activity;
  org: string;
  /** Group names by id, for the access lists. */
  groupNames?: ReadonlyMap<string, string>;
}) {
  const { before = {}, after = {} } = activity.content;
  const rotatedTo = activity.content.rotatedTo;
  const rotatedFrom = activity.content.rotatedFrom;
  const deletedGroup = deletedGroupName(activity.content);
  // The access lists hold group ids, and this one's no longer resolves: say it in words instead.
  if (deletedGroup !== null)
    return <p className="activity-note">Access for group {deletedGroup} removed (group deleted)</p>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f in LABELS);
  const both = Object.keys(before).length > 0 && Object.keys(after).length > 0;
  const changed = both ? fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])) : fields;
  if (changed.length === 0 && typeof rotatedTo !== 'string' && typeof rotatedFrom !== 'string') return null;
  return (
    <dl className="activity-changes">
      {typeof rotatedTo === 'string' && (
        <>
          <dt>Replaced by</dt>
          <dd>
            <Link to={paths.apiKey(org, rotatedTo)}>the new key</Link>
          </dd>
        </>
      )}
      {typeof rotatedFrom === 'string' && (
        <>
          <dt>Replaces</dt>
          <dd>
            <Link to={paths.apiKey(org, rotatedFrom)}>the previous key</Link>
          </dd>
        </>
      )}
      {changed
        .filter((f) => !(f === 'rotatedToKeyId' && typeof rotatedTo === 'string'))
        .map((f) => (
          <Fragment key={f}>
            <dt>{LABELS[f]}</dt>
            <dd>
              {both ? (
                <>
                  <span className="activity-before">{text(f, before[f], org, groupNames)}</span>
                  <span aria-label="changed to"> → </span>
                  <span className="activity-after">{text(f, after[f], org, groupNames)}</span>
                </>
              ) : (
                text(f, f in after ? after[f] : before[f], org, groupNames)
              )}
            </dd>
          </Fragment>
        ))}
    </dl>
  );
}
