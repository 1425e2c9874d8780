import { PageHeader } from '../../components/ui/page-header.tsx';
import { usePageTitle } from '../../lib/page-title.ts';
import { DeliveryLegend } from '../../features/notifications/components/delivery-state.tsx';
import { OutboxTable } from '../../features/notifications/components/outbox-table.tsx';
import { useOrgId } from '../../lib/use-org-id.ts';

export function NotificationsRoute() {
  usePageTitle('Notifications');
  const org = useOrgId();
  return (
    <div className="page">
      <PageHeader
        title="Notifications"
        description="E-mail to administrators and the security contact about expiring, inactive and exposed keys. Open a subject to read the message; messages never contain a key's value."
      />
      <section className="card card-padded" aria-labelledby="delivery-states-title">
        <h2 id="delivery-states-title" className="subheading">
          What the delivery states mean
        </h2>
        <DeliveryLegend />
      </section>
      <section className="card" aria-label="Outbox">
        <OutboxTable org={org} />
      </section>
    </div>
  );
}
