import { Link } from 'react-router';
import type { ApiKey } from '@keyward/contract';
import { findCatalogEntry, getTemplate, narrowerKeyPlan, privilegeLevelLabel, type Privilege } from '@keyward/domain';
import { LockIcon } from '../../../components/ui/icons.tsx';
import { paths } from '../../../lib/use-org-id.ts';
import { usePrivilegeUsage } from '../api/get-privilege-usage.ts';
import { isUsable } from '../key-state.ts';
import { PrivilegeScope } from './privilege-scope.tsx';

const DAYS = 90;

/** `OWNER/DOMAIN[:TYPE]@target`: how the narrower key's link names a privilege to leave out. */
export function privilegeToken(p: Privilege): string {
  return `${p.owner}/${p.targetDomain}${p.type ? `:${p.type}` : ''}@${p.targetId ?? '*'}`;
}

function Name({ privilege }: { privilege: Privilege }) {
  return (
    <>
      {findCatalogEntry(privilege)?.label ?? privilege.targetDomain}: {privilegeLevelLabel(privilege)}
      <PrivilegeScope privilege={privilege} />
    </>
  );
}

/** PRODUCT.md §7: the key's privileges not exercised in 90 days (or ever, for a younger key), and a narrower key. */
export function LeastPrivilegeHint({ org, apiKey, canCreate }: { org: string; apiKey: ApiKey; canCreate: boolean }) {
  const usage = usePrivilegeUsage(org, apiKey.id, isUsable(apiKey));
  if (!usage.data) return null;
  const plan = narrowerKeyPlan(apiKey.apiKeyTemplateId, usage.data);
  if (plan.kind === 'none') return null;
  const young = Date.now() - apiKey.createdDate < DAYS * 86_400_000;
  const narrower = `${paths.newApiKey(org, apiKey.id)}&without=${encodeURIComponent(plan.unused.map(privilegeToken).join(','))}`;
  return (
    <section className="card card-padded least-privilege" aria-labelledby="least-privilege-title">
      <div className="exposure-head least-privilege-head">
        <LockIcon />
        <h2 id="least-privilege-title" className="card-title">
          Privileges this key does not use
        </h2>
      </div>
      <p>
        {young ? 'Since it was created, ' : `In the last ${DAYS} days, `}
        this key never exercised {plan.unused.length === 1 ? 'this privilege' : 'these privileges'}:
      </p>
      <ul className="inline-list least-privilege-list">
        {plan.unused.map((p) => (
          <li key={privilegeToken(p)}>
            <Name privilege={p} />
          </li>
        ))}
      </ul>
      {plan.kind === 'custom' && (
        <p>
          {apiKey.apiKeyTemplateId === 'custom'
            ? 'A key without them does the same work with less risk.'
            : `A Custom key can hold only the privileges it uses (the ${getTemplate(apiKey.apiKeyTemplateId)?.name ?? ''} template's are fixed).`}{' '}
          {canCreate ? (
            <Link className="btn btn-secondary btn-sm" to={narrower}>
              <span className="btn-label">Create a narrower key</span>
            </Link>
          ) : (
            <span className="subtle">Ask someone who may add API keys to create a narrower key.</span>
          )}
        </p>
      )}
      {plan.kind === 'template' && (
        <p>
          A Custom key can't hold what it uses, but the <strong>{getTemplate(plan.templateId)?.name}</strong> template
          fits: add a key from that template and switch to it.
        </p>
      )}
      {plan.kind === 'no-fit' && (
        <p className="subtle">No narrower template fits what this key uses: keep it, or review how it is used.</p>
      )}
    </section>
  );
}
