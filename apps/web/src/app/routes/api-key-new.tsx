import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../components/ui/states.tsx';
import type { ApiKey } from '@keyward/contract';
import { useApiKey } from '../../features/api-keys/api/get-api-key.ts';
import { privilegeToken } from '../../features/api-keys/key-page/least-privilege-hint.tsx';
import { ApiKeyWizard } from '../../features/api-keys/wizard/api-key-wizard.tsx';
import { useGroups } from '../../features/groups/api/list-groups.ts';
import { useConsoleAccess } from '../../lib/permissions.ts';
import { usePageTitle } from '../../lib/page-title.ts';
import { paths, useOrgId } from '../../lib/use-org-id.ts';

function narrowed(key: ApiKey | undefined, without: string | null): ApiKey | undefined {
  if (!key || !without) return key;
  const drop = new Set(without.split(','));
  const keep = key.privileges.filter((p) => !drop.has(privilegeToken(p)));
  if (keep.length === 0 || keep.length === key.privileges.length) return key;
  return { ...key, apiKeyTemplateId: 'custom', privileges: keep };
}

/** `.../api-keys/new` (Add key) and `.../api-keys/new?from=<id>` (Create from existing). */
export function ApiKeyNewRoute() {
  const org = useOrgId();
  const access = useConsoleAccess(org);
  const [params] = useSearchParams();
  const fromId = params.get('from') ?? undefined;
  const loaded = useApiKey(org, fromId);
  // "Create a narrower key" (least-privilege hint): the original without the privileges it never used.
  const source = { ...loaded, data: narrowed(loaded.data, params.get('without')) };
  const groups = useGroups(org, access.viewGroups);
  const title = fromId ? 'Create from existing' : 'Add an API key';
  usePageTitle(title);
  const breadcrumb = <Link to={paths.apiKeys(org)}>API Keys</Link>;

  let body;
  if (access.createKeysReason) {
    body = (
      <EmptyState title="You can't add API keys">
        <p>{access.createKeysReason}</p>
      </EmptyState>
    );
  } else if (fromId && source.isPending) body = <LoadingState label="Loading the existing key" />;
  else if (fromId && source.isError)
    body = (
      <ErrorState
        error={source.error}
        title="The existing key could not be loaded"
        onRetry={() => void source.refetch()}
      />
    );
  else
    body = (
      <ApiKeyWizard key={fromId ?? 'new'} org={org} groups={groups.data} source={fromId ? source.data : undefined} />
    );

  return (
    <div className="page page-wizard">
      <PageHeader
        title={title}
        breadcrumb={breadcrumb}
        description={
          fromId && source.data
            ? `A new key with the settings of “${source.data.displayName}”. The original is unchanged.`
            : 'Choose the purpose of the key, then configure it step by step.'
        }
      />
      {body}
    </div>
  );
}
