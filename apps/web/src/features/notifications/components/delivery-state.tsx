import type { Notification } from '@keyward/contract';
import { AlertCircleIcon, CheckCircleIcon, ClockIcon, PauseCircleIcon } from '../../../components/ui/icons.tsx';
import { Pill } from '../../../components/ui/pill.tsx';

/** What each delivery state means, in the words the page shows. */
export const DELIVERY_STATES: { status: Notification['status']; meaning: string }[] = [
  {
    status: 'HELD',
    meaning: 'Kept in this outbox, not sent: Keyward has no mail server configured (the KEYWARD_SMTP_URL setting).',
  },
  { status: 'PENDING', meaning: 'Waiting to be sent; retried automatically while the mail server is unreachable.' },
  { status: 'SENT', meaning: 'Accepted by the mail server.' },
  { status: 'FAILED', meaning: 'Not sent: the mail server refused it, or there was nobody to send it to.' },
];

export function deliveryMeaning(status: Notification['status']): string {
  return DELIVERY_STATES.find((d) => d.status === status)?.meaning ?? '';
}

export function StatusPill({ status }: { status: Notification['status'] }) {
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

/** The legend of the page: every delivery state and what it means. */
export function DeliveryLegend() {
  return (
    <dl className="delivery-legend" aria-label="Delivery states">
      {DELIVERY_STATES.map(({ status, meaning }) => (
        <div key={status}>
          <dt>
            <StatusPill status={status} />
          </dt>
          <dd>{meaning}</dd>
        </div>
      ))}
    </dl>
  );
}
