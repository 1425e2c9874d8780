import { useState } from 'react';
import { Link } from 'react-router';
import type { Notification } from '@keyward/contract';
import { DateTime } from '../../../components/ui/date-time.tsx';
import {
  AlertCircleIcon,
  CheckCircleIcon,
  ClockIcon,
  MailIcon,
  PauseCircleIcon,
} from '../../../components/ui/icons.tsx';
import { Pill } from '../../../components/ui/pill.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states.tsx';
import { Pagination, Table } from '../../../components/ui/table.tsx';
import { paths } from '../../../lib/use-org-id.ts';
import { useNotifications } from '../api/list-notifications.ts';

function StatusPill({ status }: { status: Notification['status'] }) {
  switch (status) {
    case 'SENT':
      return (
        <Pill tone="success" icon={<CheckCircleIcon size={13} />}>
          Sent
        </Pill>
      );
    case 'PENDING':
      return (
        <Pill tone="info" icon={<ClockIcon size={13} />}>
          Pending
        </Pill>
      );
    case 'HELD':
      return (
        <Pill tone="neutral" icon={<PauseCircleIcon size={13} />}>
          Held
        </Pill>
      );
    case 'FAILED':
      return (
        <Pill tone="danger" icon={<AlertCircleIcon size={13} />}>
          Failed
        </Pill>
      );
  }
}

/** The e-mail outbox: what Keyward sent, is sending, or keeps (no SMTP server configured). */
export function OutboxTable({ org }: { org: string }) {
  const [page, setPage] = useState(0);
  const perPage = 25;
  const outbox = useNotifications(org, page, perPage);

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
  return (
    <>
      <Table label="Notifications">
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">To</th>
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Created</th>
            <th scope="col">Sent</th>
          </tr>
        </thead>
        <tbody>
          {outbox.data.items.map((n) => (
            <tr key={n.id}>
              <td>
                <span className="key-name">{n.subject}</span>
                {n.apiKeyId && (
                  <Link className="subtle" to={paths.apiKey(org, n.apiKeyId)}>
                    View the key
                  </Link>
                )}
              </td>
              <td className="cell-wrap">{n.to.join(', ')}</td>
              <td>
                <StatusPill status={n.status} />
                {n.lastError && <span className="field-error-text">{n.lastError}</span>}
              </td>
              <td>{n.attempts}</td>
              <td>
                <DateTime value={n.createdDate} />
              </td>
              <td>
                <DateTime value={n.sentDate} empty="Not sent" />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      <Pagination page={page} perPage={perPage} total={outbox.data.total} onPage={setPage} label="Notification pages" />
    </>
  );
}
