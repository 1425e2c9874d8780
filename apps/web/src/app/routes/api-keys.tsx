import { useState } from 'react';
import { usePageTitle } from '../../lib/page-title.ts';
import { Button } from '../../components/ui/button.tsx';
import { Dialog } from '../../components/ui/dialog.tsx';
import { ActivityIcon, LockIcon } from '../../components/ui/icons.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState } from '../../components/ui/states.tsx';
import { ActivityList } from '../../features/activities/components/activity-list.tsx';
import { ApiKeysList } from '../../features/api-keys/components/api-keys-list.tsx';
import { useGroupNames } from '../../features/groups/api/list-groups.ts';
import { useConsoleAccess } from '../../lib/permissions.ts';
import { useOrgId } from '../../lib/use-org-id.ts';

/** The API Keys page: header, the list with its action bar, and the Activity panel. */
export function ApiKeysRoute() {
  usePageTitle('API keys');
  const org = useOrgId();
  const access = useConsoleAccess(org);
  const [activityOpen, setActivityOpen] = useState(false);
  // Asked for only once the panel opens: the list's first load does not wait on it.
  const groupNames = useGroupNames(org, access.viewGroups && activityOpen);

  if (!access.viewKeys) {
    return (
      <div className="page">
        <PageHeader title="API Keys" />
        <EmptyState title="You can't view API keys" icon={<LockIcon size={28} />}>
          <p>
            The API Keys page requires the {access.viewKeysMissing.join(', ')} privileges. Ask an administrator of the
            organization.
          </p>
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="page">
      <PageHeader
        title="API Keys"
        description="Keys let services call your organization with the privileges of a template. Each key's value is shown only once, when it is created."
        actions={
          <Button icon={<ActivityIcon />} onClick={() => setActivityOpen(true)} aria-haspopup="dialog">
            Activity
          </Button>
        }
      />
      <ApiKeysList org={org} access={access} />
      <Dialog
        open={activityOpen}
        onOpenChange={setActivityOpen}
        title="Activity"
        description="API key changes in this organization, newest first."
        variant="sheet"
      >
        <ActivityList org={org} perPage={15} groupNames={groupNames} />
      </Dialog>
    </div>
  );
}
