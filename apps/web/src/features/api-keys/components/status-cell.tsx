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

/** A usable key's next event, as its page's next-line states it: whichever of expiry and deactivation comes first. */
function NextEvent({ apiKey }: { apiKey: ApiKey }) {
  const next = apiKey.timeline.next;
  if (!next) return null;
  return (
    <span>
      {next.kind === 'EXPIRES' ? 'Expires' : 'Deactivation'} <DateTime value={next.date} tense="future" />
    </span>
  );
}

function LastUsed({ apiKey }: { apiKey: ApiKey }) {
  return apiKey.lastUsedDate === null ? (
    <span>Never used</span>
  ) : (
    <span>
      Last used <DateTime value={apiKey.lastUsedDate} />
    </span>
  );
}

function StatusDates({ apiKey }: { apiKey: ApiKey }) {
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
          Deactivated <DateTime value={apiKey.disabledDate ?? apiKey.deactivationDate} empty="" />
        </span>
      );
    case 'SOON_TO_BE_EXPIRED':
      return <NextEvent apiKey={apiKey} />;
    default: {
      const next = apiKey.timeline.next;
      if (isExposed(apiKey)) {
        // A warning-only report sets no date; the key's own next event is far off.
        return apiKey.exposureReport?.deactivationDate === null && next?.kind === 'INACTIVITY' ? (
          <span>Warning only: not deactivated for it</span>
        ) : (
          <NextEvent apiKey={apiKey} />
        );
      }
      return (
        <>
          <LastUsed apiKey={apiKey} />
          {(apiKey.status === 'SOON_TO_BE_DISABLED' || next?.kind === 'ROTATION') && <NextEvent apiKey={apiKey} />}
        </>
      );
    }
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
