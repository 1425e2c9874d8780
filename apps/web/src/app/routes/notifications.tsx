import { PageHeader } from '../../components/ui/page-header.tsx';
import { OutboxTable } from '../../features/notifications/components/outbox-table.tsx';
import { useOrgId } from '../../lib/use-org-id.ts';

export function NotificationsRoute() {
  const org = useOrgId();
  return (
    <div className="page">
      <PageHeader
        title="Notifications"
        description="E-mail sent to administrators and the security contact about expiring, inactive and exposed keys."
      />
      <section className="card" aria-label="Outbox">
        <OutboxTable org={org} />
      </section>
    </div>
  );
}
