import { useState } from 'react';
import { usePageTitle } from '../../lib/page-title.ts';
import { Button } from '../../components/ui/button.tsx';
import { LockIcon, PlusIcon } from '../../components/ui/icons.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/states.tsx';
import { GroupDialog } from '../../features/groups/components/group-dialog.tsx';
import { GroupsList } from '../../features/groups/components/groups-list.tsx';
import { useConsoleAccess } from '../../lib/permissions.ts';
import { useOrgId } from '../../lib/use-org-id.ts';

export function GroupsRoute() {
  usePageTitle('Groups');
  const org = useOrgId();
  const access = useConsoleAccess(org);
  const [creating, setCreating] = useState(false);
  return (
    <div className="page">
      <PageHeader
        title="Groups"
        description={
          access.viewGroups && access.editGroupsReason
            ? `Members get the privileges of their groups, and each group's access level to API keys. View only: ${access.editGroupsReason}`
            : "Members get the privileges of their groups, and each group's access level to API keys."
        }
        actions={
          // A view-only user sees no control they cannot use (issue 11): the reason is in the description.
          access.viewGroups &&
          !access.editGroupsReason && (
            <Button variant="primary" icon={<PlusIcon />} onClick={() => setCreating(true)}>
              Create group
            </Button>
          )
        }
      />
      {access.viewGroups ? (
        <section className="card" aria-label="Groups list">
          <GroupsList org={org} editReason={access.editGroupsReason} />
        </section>
      ) : (
        <EmptyState title="You can't view groups" icon={<LockIcon size={28} />}>
          <p>This page requires the Groups View privilege.</p>
        </EmptyState>
      )}
      <GroupDialog org={org} open={creating} onOpenChange={setCreating} />
    </div>
  );
}
