import type { ApiKey } from '@keyward/contract';
import { findCatalogEntry, getTemplate, privilegeLevelLabel } from '@keyward/domain';
import type { ReactNode } from 'react';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { DescriptionItem } from '../../../components/ui/description-list.tsx';
import { OverviewForm } from './overview-form.tsx';
import { PrivilegeScope } from './privilege-scope.tsx';
import { TimelineTerm, TimelineValue } from './timeline-text.tsx';

/** Editable fields (or, for a view-only user, their values) beside the facts that never change. */
export function OverviewTab({
  org,
  apiKey,
  canEdit,
  before,
}: {
  org: string;
  apiKey: ApiKey;
  canEdit: boolean;
  /** The exposure report and the least-privilege hint, above the settings. */
  before?: ReactNode;
}) {
  const template = getTemplate(apiKey.apiKeyTemplateId);
  const hub = apiKey.additionalConfiguration.search?.enforcedQueryPipelineConfiguration?.searchHub;
  return (
    <div className="stack">
      {before}
      <div className="split">
        <section className="card card-padded" aria-labelledby="overview-editable">
          <h2 id="overview-editable" className="card-title">
            {canEdit ? 'Settings' : 'Settings (view only)'}
          </h2>
          {canEdit ? (
            <OverviewForm key={`${apiKey.id}-${apiKey.displayName}`} org={org} apiKey={apiKey} />
          ) : (
            <dl className="description-list">
              <DescriptionItem term="Name">{apiKey.displayName}</DescriptionItem>
              <DescriptionItem term="Description">
                {apiKey.description || <span className="muted">None</span>}
              </DescriptionItem>
              <DescriptionItem term="Search hub">{hub || <span className="muted">None</span>}</DescriptionItem>
              <DescriptionItem term="Allowed IPs">
                {apiKey.allowedIps.join(', ') || <span className="muted">Any</span>}
              </DescriptionItem>
              <DescriptionItem term="Denied IPs">
                {apiKey.deniedIps.join(', ') || <span className="muted">None</span>}
              </DescriptionItem>
            </dl>
          )}
        </section>
        <section className="card card-padded" aria-labelledby="overview-facts">
          <h2 id="overview-facts" className="card-title">
            Details
          </h2>
          <p className="subtle">Privileges and expiration can't be edited: create a new key from this one instead.</p>
          <dl className="description-list">
            <DescriptionItem term="Template">
              {template?.name ?? apiKey.apiKeyTemplateId} ({template?.privacyLabel ?? apiKey.privacyLevel})
            </DescriptionItem>
            <DescriptionItem term="Privileges">
              <ul className="inline-list">
                {apiKey.privileges.map((p, i) => (
                  <li key={i}>
                    {findCatalogEntry(p)?.label ?? p.targetDomain}: {privilegeLevelLabel(p)}
                    <PrivilegeScope privilege={p} />
                  </li>
                ))}
              </ul>
            </DescriptionItem>
            <DescriptionItem term="Expiration date">
              <DateTime value={apiKey.expirationDate} format="both" empty="Never" />
            </DescriptionItem>
            <DescriptionItem term="Created">
              <DateTime value={apiKey.createdDate} format="both" />{' '}
              <span className="subtle">by {apiKey.createdBy}</span>
            </DescriptionItem>
            <DescriptionItem term="Activation date">
              <DateTime value={apiKey.activationDate} format="both" />
            </DescriptionItem>
            <DescriptionItem term="Last used">
              <DateTime value={apiKey.lastUsedDate} format="both" />
            </DescriptionItem>
            <DescriptionItem term={TimelineTerm(apiKey)}>
              <TimelineValue apiKey={apiKey} />
            </DescriptionItem>
            <DescriptionItem term="Key id">
              <code>{apiKey.id}</code>
            </DescriptionItem>
          </dl>
        </section>
      </div>
    </div>
  );
}
