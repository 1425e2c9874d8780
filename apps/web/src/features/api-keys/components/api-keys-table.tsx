import { useEffect, useRef, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { SortableHeader, Table } from '../../../components/ui/table.tsx';
import { useTableLayout } from '../../../lib/use-media-query.ts';
import { paths } from '../../../lib/use-org-id.ts';
import type { ListApiKeysParams } from '../api/list-api-keys.ts';
import type { ApiKey, ApiKeySortBy } from '@keyward/contract';
import { templateName } from '../key-state.ts';
import { MaskedKey } from './masked-key.tsx';
import { StatusCell } from './status-cell.tsx';

interface ApiKeysTableProps {
  org: string;
  keys: ApiKey[];
  params: ListApiKeysParams;
  onSort: (sortBy: ApiKeySortBy) => void;
  selected: ReadonlySet<string>;
  onSelectedChange: (ids: Set<string>) => void;
  canEdit: boolean;
  /** Whether selecting this key offers any action (an edit, or Create from existing): else no checkbox. */
  canSelect: (key: ApiKey) => boolean;
  onKeepActive: (key: ApiKey) => void;
  onDelete: (key: ApiKey) => void;
  busy?: boolean;
}

function SelectAll({
  keys,
  selected,
  onChange,
}: {
  keys: ApiKey[];
  selected: ReadonlySet<string>;
  onChange: (ids: Set<string>) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  const count = keys.filter((k) => selected.has(k.id)).length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && count < keys.length;
  }, [count, keys.length]);
  if (keys.length === 0) return null;
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all API keys on this page"
      checked={count === keys.length}
      onChange={(e) => onChange(new Set(e.target.checked ? keys.map((k) => k.id) : []))}
    />
  );
}

/** The status dates of a usable, unflagged key already say when it was last used. */
function statusShowsLastUsed(key: ApiKey): boolean {
  return key.exposureReport === null && (key.status === 'ENABLED' || key.status === 'SOON_TO_BE_DISABLED');
}

/** Clicking a row's empty space toggles it, like the checkbox; links and buttons keep their own job. */
function isInteractive(target: EventTarget): boolean {
  return target instanceof Element && target.closest('a, button, input, label, select, textarea') !== null;
}

export function ApiKeysTable({
  org,
  keys,
  params,
  onSort,
  selected,
  onSelectedChange,
  canEdit,
  canSelect,
  onKeepActive,
  onDelete,
  busy,
}: ApiKeysTableProps) {
  const selectable = canEdit ? keys.filter(canSelect) : [];
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    onSelectedChange(next);
  };
  const header = (sortBy: ApiKeySortBy, label: string, className?: string) => (
    <SortableHeader
      label={label}
      active={params.sortBy === sortBy}
      order={params.order}
      onSort={() => onSort(sortBy)}
      className={className}
    />
  );

  const layout = useTableLayout();
  const wide = layout === 'wide';
  const phone = layout === 'phone';

  return (
    <Table label="API keys" className={`keys-table keys-table-${layout} ${busy ? 'table-busy' : ''}`}>
      <thead>
        <tr>
          {canEdit && (
            <th scope="col" className="col-select">
              <SelectAll keys={selectable} selected={selected} onChange={onSelectedChange} />
            </th>
          )}
          {header('displayName', 'Name', 'col-name')}
          {wide && <th scope="col">Key</th>}
          {!phone && <th scope="col">Template</th>}
          {header('status', 'Status', 'col-status')}
          {wide && header('createdDate', 'Created')}
          {wide && header('lastUsedDate', 'Last used')}
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const selects = selectable.includes(key);
          return (
            <tr
              key={key.id}
              aria-selected={selects ? selected.has(key.id) : undefined}
              className={selected.has(key.id) ? 'row-selected' : undefined}
              onClick={(e: MouseEvent) => {
                if (selects && !isInteractive(e.target)) toggle(key.id);
              }}
            >
              {canEdit && (
                <td className="col-select">
                  {selects && (
                    <input
                      type="checkbox"
                      aria-label={`Select ${key.displayName}`}
                      checked={selected.has(key.id)}
                      onChange={() => toggle(key.id)}
                    />
                  )}
                </td>
              )}
              <td className="col-name">
                <Link to={paths.apiKey(org, key.id)} className="key-name">
                  {key.displayName}
                </Link>
                {key.description && <span className="key-description truncate">{key.description}</span>}
                {!wide && (
                  <span className="cell-details">
                    <MaskedKey value={key.maskedValue} />
                    {phone && <span>{templateName(key.apiKeyTemplateId)}</span>}
                  </span>
                )}
              </td>
              {wide && (
                <td>
                  <MaskedKey value={key.maskedValue} />
                </td>
              )}
              {!phone && <td>{templateName(key.apiKeyTemplateId)}</td>}
              <td className="col-status">
                <StatusCell org={org} apiKey={key} canEdit={canEdit} onKeepActive={onKeepActive} onDelete={onDelete} />
                {!wide && (
                  <span className="cell-details">
                    <span>
                      Created <DateTime value={key.createdDate} />
                    </span>
                    {!statusShowsLastUsed(key) && (
                      <span>
                        Last used <DateTime value={key.lastUsedDate} empty="never" />
                      </span>
                    )}
                  </span>
                )}
              </td>
              {wide && (
                <td className="cell-nowrap">
                  <DateTime value={key.createdDate} />
                </td>
              )}
              {wide && (
                <td className="cell-nowrap">
                  <DateTime value={key.lastUsedDate} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
