import { Link } from 'react-router';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { paths } from '../../../lib/use-org-id.ts';
import type { ApiKey } from '@keyward/contract';
import { isExposed, offersDeleteInStatus } from '../key-state.ts';
import { StatusPill } from './status-pill.tsx';

interface StatusCellProps {
  org: string;
  apiKey: ApiKey;
  canEdit: boolean;
  onKeepActive: (key: ApiKey) => void;
  onDelete: (key: ApiKey) => void;
}

function StatusDates({ apiKey }: { apiKey: ApiKey }) {
  const deactivation = apiKey.deactivationDate;
  switch (apiKey.status) {
    case 'EXPIRED':
      return (
        <span>
          Expired <DateTime value={apiKey.expirationDate} />
        </span>
      );
    case 'DISABLED':
    case 'DISABLED_EXPOSED':
    case 'DISABLED_FOR_INACTIVITY':
      return (
        <span>
          Deactivated <DateTime value={apiKey.disabledDate ?? deactivation} empty="" />
        </span>
      );
    case 'SOON_TO_BE_EXPIRED':
      return (
        <span>
          Expires <DateTime value={apiKey.expirationDate} />
        </span>
      );
    default:
      if (isExposed(apiKey)) {
        const date = apiKey.exposureReport?.deactivationDate ?? null;
        return date === null ? (
          <span>No deactivation date set</span>
        ) : (
          <span>
            Deactivation <DateTime value={date} />
          </span>
        );
      }
      return (
        <>
          {apiKey.lastUsedDate === null ? (
            <span>Never used</span>
          ) : (
            <span>
              Last used <DateTime value={apiKey.lastUsedDate} />
            </span>
          )}
          {apiKey.status === 'SOON_TO_BE_DISABLED' && (
            <span>
              Deactivation <DateTime value={deactivation} />
            </span>
          )}
        </>
      );
  }
}

/** Status pill, its dates, and what can be done about it right there (PRODUCT.md §3.3). */
export function StatusCell({ org, apiKey, canEdit, onKeepActive, onDelete }: StatusCellProps) {
  const exposed = isExposed(apiKey);
  const editable = canEdit && apiKey.access === 'EDIT';
  const keepActive = editable && apiKey.status === 'SOON_TO_BE_DISABLED' && apiKey.canKeepActive;
  const remove = editable && (offersDeleteInStatus(apiKey.status) || apiKey.status === 'SOON_TO_BE_DISABLED');
  return (
    <div className="status-cell">
      <StatusPill status={apiKey.status} exposed={exposed} label={apiKey.statusLabel} />
      <div className="status-dates">
        <StatusDates apiKey={apiKey} />
      </div>
      {(keepActive || remove || exposed) && (
        <div className="status-actions">
          {keepActive && (
            <button
              type="button"
              className="link-btn"
              onClick={() => onKeepActive(apiKey)}
              aria-label={`Keep active for a year: ${apiKey.displayName}`}
            >
              Keep active for a year
            </button>
          )}
          {exposed && (
            <Link
              to={paths.apiKey(org, apiKey.id, 'overview')}
              className="link-btn"
              aria-label={`See details: ${apiKey.displayName}`}
            >
              See details
            </Link>
          )}
          {remove && (
            <button
              type="button"
              className="link-btn link-btn-danger"
              onClick={() => onDelete(apiKey)}
              aria-label={`Delete ${apiKey.displayName}`}
            >
              Delete
            </button>
          )}
        </div>
      )}
    </div>
  );
}
