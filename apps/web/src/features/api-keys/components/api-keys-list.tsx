import { useState } from 'react';
import { Link } from 'react-router';
import { KeyIcon, PlusIcon } from '../../../components/ui/icons.tsx';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states.tsx';
import { Pagination } from '../../../components/ui/table.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import type { ConsoleAccess } from '../../../lib/permissions.ts';
import { paths } from '../../../lib/use-org-id.ts';
import { useChangeApiKeys } from '../api/change-api-keys.ts';
import { useApiKeys } from '../api/list-api-keys.ts';
import type { ApiKey } from '@keyward/contract';
import { useListParams } from '../hooks/use-list-params.ts';
import { ActionBar } from './action-bar.tsx';
import { ApiKeysTable } from './api-keys-table.tsx';
import { KeyActionDialogs, type KeyActionRequest } from './key-action-dialogs.tsx';
import { ListToolbar } from './list-toolbar.tsx';
import { KeyLookupResult } from './key-lookup-result.tsx';
import { useKeyLookup } from './use-key-lookup.ts';

/** The API Keys page's main surface: filters, action bar, table and paging, all driven by the URL. */
export function ApiKeysList({ org, access }: { org: string; access: ConsoleAccess }) {
  const list = useListParams();
  const keys = useApiKeys(org, list.params);
  const change = useChangeApiKeys(org);
  const toast = useToast();
  const [selectedIds, setSelectedIds] = useState<Set<string>>(new Set());
  const [request, setRequest] = useState<KeyActionRequest | null>(null);
  const lookup = useKeyLookup(org);

  const items = keys.data?.items ?? [];
  const selection = items.filter((k) => selectedIds.has(k.id));
  const filtered = Boolean(list.params.filter || list.params.status || list.params.apiKeyTemplateId);

  const keepActive = (key: ApiKey) =>
    change.mutate(
      { change: 'extend', ids: [key.id] },
      {
        onSuccess: () => toast({ tone: 'success', title: 'Kept active for a year', description: key.displayName }),
        onError: (error) =>
          toast({ tone: 'error', title: 'The key was not extended', description: errorMessage(error) }),
      },
    );

  let body;
  if (keys.isPending) body = <LoadingState label="Loading API keys" rows={6} />;
  else if (keys.isError)
    body = (
      <ErrorState error={keys.error} title="The API keys could not be loaded" onRetry={() => void keys.refetch()} />
    );
  else if (items.length === 0 && list.params.page > 0) {
    body = (
      <EmptyState
        title="This page is empty"
        icon={<KeyIcon size={28} />}
        action={
          <button type="button" className="btn btn-secondary" onClick={() => list.setPage(0)}>
            <span className="btn-label">Go to the first page</span>
          </button>
        }
      >
        <p>The keys that were here have moved or were deleted.</p>
      </EmptyState>
    );
  } else if (items.length === 0 && filtered) {
    body = (
      <EmptyState
        title="No API key matches"
        icon={<KeyIcon size={28} />}
        action={<Link to={paths.apiKeys(org)}>Clear the search and filters</Link>}
      >
        <p>Try another name, status or template.</p>
      </EmptyState>
    );
  } else if (items.length === 0) {
    body = (
      <EmptyState
        title="No API keys yet"
        icon={<KeyIcon size={28} />}
        action={
          access.canEditKeys && !access.createKeysReason ? (
            <Link to={paths.newApiKey(org)} className="btn btn-primary">
              <PlusIcon />
              <span className="btn-label">Add your first key</span>
            </Link>
          ) : undefined
        }
      >
        <p>API keys let services call your organization with exactly the privileges they need.</p>
      </EmptyState>
    );
  } else {
    body = (
      <>
        <ApiKeysTable
          org={org}
          keys={items}
          params={list.params}
          onSort={list.setSort}
          selected={selectedIds}
          onSelectedChange={setSelectedIds}
          canEdit={access.canEditKeys}
          canSelect={(key) => key.access === 'EDIT' || access.createKeysReason === null}
          onKeepActive={keepActive}
          onDelete={(key) => setRequest({ kind: 'delete', keys: [key] })}
          busy={keys.isFetching}
        />
        <Pagination
          page={list.params.page}
          perPage={list.params.perPage}
          total={keys.data.total}
          onPage={list.setPage}
          onPerPage={list.setPerPage}
          label="API keys pages"
        />
      </>
    );
  }

  return (
    <section className="card" aria-label="API keys list">
      <div className="card-toolbar">
        <ActionBar
          org={org}
          access={access}
          selection={selection}
          onAction={setRequest}
          onClearSelection={() => setSelectedIds(new Set())}
        />
        <ListToolbar
          query={list.query}
          status={list.params.status}
          template={list.params.apiKeyTemplateId}
          sortBy={list.params.sortBy}
          onQuery={list.setQuery}
          onStatus={list.setStatus}
          onTemplate={list.setTemplate}
          onSort={list.setSort}
          onKeyValue={lookup.search}
        />
      </div>
      {lookup.result && <KeyLookupResult org={org} result={lookup.result} onClear={lookup.clear} />}
      {body}
      <KeyActionDialogs
        org={org}
        request={request}
        onClose={() => setRequest(null)}
        onDone={() => setSelectedIds(new Set())}
      />
    </section>
  );
}
