import { useParams } from 'react-router';
import { ActivityList } from '../../features/activities/components/activity-list.tsx';
import { KeyPage } from '../../features/api-keys/key-page/key-page.tsx';
import { useGroupNames, useGroups } from '../../features/groups/api/list-groups.ts';
import { useConsoleAccess } from '../../lib/permissions.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { useOrgId } from '../../lib/use-org-id.ts';
import { useApiKey } from '../../features/api-keys/api/get-api-key.ts';

/** `.../api-keys/{id}`: the key page, with its Activity tab and groups from their own features. */
export function ApiKeyDetailRoute() {
  const org = useOrgId();
  const { keyId = '' } = useParams();
  const access = useConsoleAccess(org);
  const groups = useGroups(org, access.viewGroups);
  const groupNames = useGroupNames(org, access.viewGroups);
  usePageTitle(useApiKey(org, keyId).data?.displayName ?? 'API key', 'API keys');
  return (
    <KeyPage
      key={keyId}
      org={org}
      keyId={keyId}
      access={access}
      groups={groups.data}
      activity={<ActivityList org={org} resourceId={keyId} hideKeyName perPage={20} groupNames={groupNames} />}
    />
  );
}
