import { LockIcon } from '../../components/ui/icons.tsx';
import { usePageTitle } from '../../lib/page-title.ts';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/states.tsx';
import { ActivityList } from '../../features/activities/components/activity-list.tsx';
import { useGroupNames } from '../../features/groups/api/list-groups.ts';
import { useConsoleAccess } from '../../lib/permissions.ts';
import { useOrgId } from '../../lib/use-org-id.ts';

export function ActivityRoute() {
  usePageTitle('Activity');
  const org = useOrgId();
  const access = useConsoleAccess(org);
  const groupNames = useGroupNames(org, access.viewGroups);
  return (
    <div className="page">
      <PageHeader
        title="Activity"
        description="Every change to an API key, newest first: when, which key, what was done, and the resulting state."
      />
      <section className="card card-padded" aria-label="Activity log">
        {access.viewActivities ? (
          <ActivityList org={org} perPage={25} groupNames={groupNames} />
        ) : (
          <EmptyState title="You can't view activities" icon={<LockIcon size={28} />}>
            <p>This page requires the Activities View privilege.</p>
          </EmptyState>
        )}
      </section>
    </div>
  );
}
