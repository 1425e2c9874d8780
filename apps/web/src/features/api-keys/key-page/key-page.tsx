import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Group } from '@keyward/contract';
import { Button } from '../../../components/ui/button.tsx';
import { DuplicateIcon, PowerIcon, RefreshIcon, ShieldAlertIcon, TrashIcon } from '../../../components/ui/icons.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { ErrorState, LoadingState, EmptyState } from '../../../components/ui/states.tsx';
import { Tabs } from '../../../components/ui/tabs.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import type { ConsoleAccess } from '../../../lib/permissions.ts';
import { paths } from '../../../lib/use-org-id.ts';
import { useApiKey } from '../api/get-api-key.ts';
import { KeyActionDialogs, type KeyActionRequest } from '../components/key-action-dialogs.tsx';
import { MaskedKey } from '../components/masked-key.tsx';
import { StatusPill } from '../components/status-pill.tsx';
import { activateBlockedReason, deactivateBlockedReason, isExposed, isUsable, templateName } from '../key-state.ts';
import { AccessTab } from './access-tab.tsx';
import { ExposurePanel } from './exposure-panel.tsx';
import { LeastPrivilegeHint } from './least-privilege-hint.tsx';
import { LifecycleBanners, ReplaceOffer, RotationLinks } from './key-lifecycle.tsx';
import { keyPermissions } from './key-permissions.ts';
import { OverviewTab } from './overview-tab.tsx';
import { ReportExposureDialog } from './report-exposure-dialog.tsx';
import { RotateDialog } from './rotate-dialog.tsx';
import { NextLine } from './timeline-text.tsx';
import { UsageTab } from './usage-tab.tsx';
import './key-page.css';

const TABS = ['overview', 'access', 'activity', 'usage'] as const;
type Tab = (typeof TABS)[number];

interface KeyPageProps {
  org: string;
  keyId: string;
  access: ConsoleAccess;
  groups: Group[] | undefined;
  /** The key's activities, composed by the route from the activities feature. */
  activity: ReactNode;
}

/** `.../api-keys/{id}`: tabs Overview, Access, Activity, Usage; the key's actions in the header. */
export function KeyPage({ org, keyId, access, groups, activity }: KeyPageProps) {
  const key = useApiKey(org, keyId);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [request, setRequest] = useState<KeyActionRequest | null>(null);
  const [dialog, setDialog] = useState<'rotate' | 'report' | null>(null);
  const tab: Tab = TABS.find((t) => t === params.get('tab')) ?? 'overview';
  const breadcrumb = <Link to={paths.apiKeys(org)}>API Keys</Link>;

  if (key.isPending)
    return (
      <div className="page">
        <PageHeader title="API key" breadcrumb={breadcrumb} />
        <LoadingState label="Loading the API key" />
      </div>
    );
  if (key.isError) {
    return (
      <div className="page">
        <PageHeader title="API key" breadcrumb={breadcrumb} />
        {isApiError(key.error, 404) ? (
          <EmptyState title="API key not found" action={<Link to={paths.apiKeys(org)}>Back to API Keys</Link>}>
            <p>It may have been deleted, or you may not have access to it.</p>
          </EmptyState>
        ) : (
          <ErrorState error={key.error} title="The API key could not be loaded" onRetry={() => void key.refetch()} />
        )}
      </div>
    );
  }

  const apiKey = key.data;
  const can = keyPermissions(apiKey, access);
  const canEdit = can.edit;
  const usable = isUsable(apiKey);
  const setTab = (value: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('tab', value);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="page">
      <PageHeader
        breadcrumb={breadcrumb}
        current={apiKey.displayName}
        title={
          <span className="title-with-pill">
            {apiKey.displayName}{' '}
            <StatusPill status={apiKey.status} exposed={isExposed(apiKey)} label={apiKey.statusLabel} />
          </span>
        }
        description={
          <>
            <MaskedKey value={apiKey.maskedValue} /> · {templateName(apiKey.apiKeyTemplateId)}
          </>
        }
        actions={
          <>
            {can.showRotate && usable && (
              <Button icon={<RefreshIcon />} disabledReason={can.rotateReason} onClick={() => setDialog('rotate')}>
                Rotate
              </Button>
            )}
            {can.reportExposure && (
              <Button icon={<ShieldAlertIcon />} onClick={() => setDialog('report')}>
                Report exposure
              </Button>
            )}
            {/* Create from existing needs API keys Create and a view of this key; an editor who lacks Create is told why. */}
            {access.canEditKeys && (canEdit || !access.createKeysReason) && (
              <Button
                icon={<DuplicateIcon />}
                disabledReason={access.createKeysReason}
                onClick={() => void navigate(paths.newApiKey(org, apiKey.id))}
              >
                Create from existing
              </Button>
            )}
            {/* Someone who can only view this key sees none of the changes they could not make. */}
            {canEdit && (
              <>
                {usable ? (
                  <Button
                    icon={<PowerIcon />}
                    disabledReason={deactivateBlockedReason(apiKey)}
                    onClick={() => setRequest({ kind: 'disable', keys: [apiKey] })}
                  >
                    Deactivate
                  </Button>
                ) : (
                  <Button
                    icon={<PowerIcon />}
                    disabledReason={activateBlockedReason(apiKey)}
                    onClick={() => setRequest({ kind: 'activate', keys: [apiKey] })}
                  >
                    Activate
                  </Button>
                )}
                <Button
                  variant="danger"
                  icon={<TrashIcon />}
                  onClick={() => setRequest({ kind: 'delete', keys: [apiKey] })}
                >
                  Delete
                </Button>
              </>
            )}
          </>
        }
      />
      <div className="key-lifecycle stack">
        <NextLine apiKey={apiKey} />
        <ReplaceOffer org={org} apiKey={apiKey} />
        <RotationLinks org={org} apiKey={apiKey} />
        <LifecycleBanners org={org} apiKey={apiKey} can={can} />
      </div>
      <Tabs
        label="API key sections"
        value={tab}
        onValueChange={setTab}
        tabs={[
          {
            value: 'overview',
            label: 'Overview',
            content: (
              <OverviewTab
                org={org}
                apiKey={apiKey}
                canEdit={canEdit}
                before={
                  <>
                    <ExposurePanel org={org} apiKey={apiKey} can={can} onRotate={() => setDialog('rotate')} />
                    <LeastPrivilegeHint org={org} apiKey={apiKey} canCreate={!access.createKeysReason && canEdit} />
                  </>
                }
              />
            ),
          },
          {
            value: 'access',
            label: 'Access',
            content: <AccessTab org={org} apiKey={apiKey} groups={groups} canEdit={canEdit} />,
          },
          { value: 'activity', label: 'Activity', content: <section className="card card-padded">{activity}</section> },
          { value: 'usage', label: 'Usage', content: <UsageTab org={org} apiKey={apiKey} /> },
        ]}
      />
      <RotateDialog org={org} apiKey={apiKey} open={dialog === 'rotate'} onClose={() => setDialog(null)} />
      <ReportExposureDialog org={org} apiKey={apiKey} open={dialog === 'report'} onClose={() => setDialog(null)} />
      <KeyActionDialogs
        org={org}
        request={request}
        onClose={() => setRequest(null)}
        onDone={(done) => done.kind === 'delete' && void navigate(paths.apiKeys(org), { replace: true })}
      />
    </div>
  );
}
