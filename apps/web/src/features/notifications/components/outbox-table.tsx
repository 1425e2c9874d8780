import { useState } from 'react';
import { Link } from 'react-router';
import type { Notification } from '@keyward/contract';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { MailIcon } from '../../../components/ui/icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states.tsx';
import { Pagination, Table } from '../../../components/ui/table.tsx';
import { useTableLayout } from '../../../lib/use-media-query.ts';
import { paths } from '../../../lib/use-org-id.ts';
import { StatusPill } from './delivery-state.tsx';
import { MailDialog } from './mail-dialog.tsx';
import { useNotifications } from '../api/list-notifications.ts';

/** The e-mail outbox: what Keyward sent, is sending, or keeps (no SMTP server configured). */
export function OutboxTable({ org }: { org: string }) {
  const [page, setPage] = useState(0);
  const perPage = 25;
  const outbox = useNotifications(org, page, perPage);
  const layout = useTableLayout();
  const [reading, setReading] = useState<Notification | null>(null);

  if (outbox.isPending) return <LoadingState label="Loading notifications" rows={4} />;
  if (outbox.isError)
    return (
      <ErrorState
        error={outbox.error}
        title="The notifications could not be loaded"
        onRetry={() => void outbox.refetch()}
      />
    );
  if (outbox.data.items.length === 0) {
    return (
      <EmptyState title="No notifications yet" icon={<MailIcon size={28} />}>
        <p>
          Keyward e-mails administrators before a key expires or is deactivated, and when a key is exposed. Those
          messages appear here.
        </p>
      </EmptyState>
    );
  }
  const wide = layout === 'wide';
  return (
    <>
      <Table label="Notifications" className={`outbox-table outbox-table-${layout} table-stack`}>
        <thead>
          <tr>
            <th scope="col" className="col-subject">
              Subject
            </th>
            {wide && <th scope="col">To</th>}
            <th scope="col">Status</th>
            {wide && <th scope="col">Attempts</th>}
            <th scope="col">Created</th>
            {wide && <th scope="col">Sent</th>}
          </tr>
        </thead>
        <tbody>
          {outbox.data.items.map((n) => (
            <tr key={n.id}>
              <td className="col-subject">
                <button
                  type="button"
                  className="link-btn mail-subject"
                  aria-haspopup="dialog"
                  onClick={() => setReading(n)}
                >
                  {n.subject}
                </button>
                <span className="cell-details">
                  {!wide && <span className="mail-to">To {n.to.join(', ')}</span>}
                  {n.apiKeyId && (
                    <Link to={paths.apiKey(org, n.apiKeyId)} aria-label={`View the key of “${n.subject}”`}>
                      View the key
                    </Link>
                  )}
                </span>
              </td>
              {wide && <td className="mail-to">{n.to.join(', ')}</td>}
              <td>
                <StatusPill status={n.status} />
                {!wide && n.attempts > 0 && (
                  <span className="cell-details">
                    {n.attempts} attempt{n.attempts === 1 ? '' : 's'}
                  </span>
                )}
                {n.lastError && <span className="field-error-text">{n.lastError}</span>}
              </td>
              {wide && <td>{n.attempts}</td>}
              <td className="cell-nowrap" data-label="Created">
                <DateTime value={n.createdDate} />
              </td>
              {wide && (
                <td className="cell-nowrap">
                  <DateTime value={n.sentDate} empty="Not sent" />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
      <MailDialog mail={reading} onClose={() => setReading(null)} />
      <Pagination page={page} perPage={perPage} total={outbox.data.total} onPage={setPage} label="Notification pages" />
    </>
  );
}
