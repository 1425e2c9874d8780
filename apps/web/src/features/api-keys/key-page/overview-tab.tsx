import type { ApiKey } from '@keyward/contract';
import { findCatalogEntry, getTemplate, privilegeLevelLabel } from '@keyward/domain';
import { DateTime } from '../../../components/ui/date-time.tsx';
import { DescriptionItem } from '../../../components/ui/description-list.tsx';
import { ShieldAlertIcon } from '../../../components/ui/icons.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { formatUtc } from '../../../lib/format.ts';
import { isExposed } from '../key-state.ts';
import { OverviewForm } from './overview-form.tsx';

function ExposureWarning({ apiKey }: { apiKey: ApiKey }) {
  const report = apiKey.exposureReport;
  if (!report) return null;
  return (
    <Callout
      tone="danger"
      icon={<ShieldAlertIcon />}
      title={`This key was flagged as exposed (${report.severity.toLowerCase()} severity)`}
    >
      <p>
        {report.deactivationDate === null ? (
          'No deactivation date is set: rotate the key yourself with Create from existing.'
        ) : (
          <>
            It will be deactivated <DateTime value={report.deactivationDate} /> ({formatUtc(report.deactivationDate)}).
          </>
        )}
      </p>
      <ul className="reason-list">
        {report.reasons.map((r) => (
          <li key={r.id}>
            {r.reason}{' '}
            <span className="subtle">
              ({r.source.toLowerCase()}, <DateTime value={r.createdDate} />)
            </span>
            {r.url && (
              <>
                {' '}
                <a href={r.url} target="_blank" rel="noreferrer noopener">
                  Where it was found
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
    </Callout>
  );
}

/** Editable fields (or, for a view-only user, their values) beside the facts that never change. */
export function OverviewTab({ org, apiKey, canEdit }: { org: string; apiKey: ApiKey; canEdit: boolean }) {
  const template = getTemplate(apiKey.apiKeyTemplateId);
  const hub = apiKey.additionalConfiguration.search?.enforcedQueryPipelineConfiguration?.searchHub;
  return (
    <div className="stack">
      {isExposed(apiKey) && <ExposureWarning apiKey={apiKey} />}
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
                    {p.targetId && p.targetId !== '*' ? <span className="subtle"> ({p.targetId})</span> : null}
                  </li>
                ))}
              </ul>
            </DescriptionItem>
            <DescriptionItem term="Expiration date">
              {apiKey.expirationDate === null ? (
                'Never'
              ) : (
                <span title={formatUtc(apiKey.expirationDate)}>{formatUtc(apiKey.expirationDate)}</span>
              )}
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
            <DescriptionItem term={apiKey.enabled ? 'Deactivation date' : 'Deactivated'}>
              <DateTime value={apiKey.deactivationDate} format="both" empty="None" />
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
