import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Group } from '@keyward/contract';
import { findCatalogEntry, getTemplate, parsePrivilegeId, privilegeLevelLabel, type Privilege, type WizardStep } from '@keyward/domain';
import { STEP_LABELS, type WizardValues } from './wizard-model.ts';

function Section({ step, onEdit, children }: { step: WizardStep; onEdit?: ((step: WizardStep) => void) | undefined; children: ReactNode }) {
  return (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <header className="row-between">
        <h3 id={`review-${step}`}>{STEP_LABELS[step]}</h3>
        {onEdit ? (
          <button type="button" className="link-btn" onClick={() => onEdit(step)} aria-label={`Edit ${STEP_LABELS[step]}`}>
            Edit
          </button>
        ) : (
          <span className="subtle">Set by the template</span>
        )}
      </header>
      <dl className="description-list">{children}</dl>
    </section>
  );
}

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function List({ values, empty = 'None' }: { values: string[]; empty?: string }) {
  if (values.length === 0) return <span className="muted">{empty}</span>;
  return (
    <ul className="inline-list">
      {values.map((v) => (
        <li key={v}>
          <code>{v}</code>
        </li>
      ))}
    </ul>
  );
}

function privilegeText(p: Privilege): string {
  return `${findCatalogEntry(p)?.label ?? p.targetDomain}: ${privilegeLevelLabel(p)}`;
}

/** Every answer, by step, each with an Edit link back to its step. */
export function StepReview({ steps, groups, onEdit }: { steps: WizardStep[]; groups: Group[] | undefined; onEdit: (step: WizardStep) => void }) {
  const { control } = useFormContext<WizardValues>();
  const values = useWatch({ control }) as WizardValues;
  const template = getTemplate(values.templateId);
  if (!template) return null;
  const config = template.configuration;
  const chosen = values.privileges.map(parsePrivilegeId).filter((p): p is Privilege => p !== null);
  const groupName = (id: string) => groups?.find((g) => g.id === id)?.displayName ?? id;
  const levels = Object.entries(values.access).filter(([, level]) => level !== 'NONE');
  const expiration =
    template.expiration.kind === 'optional'
      ? 'None'
      : values.expirationMode === 'never' && template.expiration.kind === 'required-or-never'
        ? 'Never'
        : values.expirationDate
          ? `${values.expirationDate} at 23:59:59 UTC`
          : 'Not set';

  return (
    <div className="stack">
      <p className="step-intro">Check the configuration before you add the key. Privileges and expiration can't be changed after creation.</p>
      {steps.includes('purpose') && (
        <Section step="purpose" onEdit={onEdit}>
          <Item term="Template">
            {template.name} ({template.privacyLabel})
          </Item>
        </Section>
      )}
      <Section step="identification" onEdit={onEdit}>
        <Item term="Name">{values.displayName}</Item>
        <Item term="Description">{values.description || <span className="muted">None</span>}</Item>
      </Section>
      <Section step="privileges" onEdit={steps.includes('privileges') ? onEdit : undefined}>
        <Item term="Privileges">
          <List values={(template.id === 'custom' ? chosen : template.privileges).map(privilegeText)} />
        </Item>
      </Section>
      {steps.includes('configuration') && (
        <Section step="configuration" onEdit={onEdit}>
          {config.sources && <Item term="Sources"><List values={values.sourceIds} /></Item>}
          {config.securityProviders && <Item term="Security identity providers"><List values={values.securityProviderIds} /></Item>}
          {config.searchHub !== 'none' && <Item term="Search hub">{values.searchHub || <span className="muted">None</span>}</Item>}
          {template.expiration.kind !== 'optional' && <Item term="Expiration date">{expiration}</Item>}
          {config.ips && <Item term="Allowed IPs"><List values={values.allowedIps} empty="Any" /></Item>}
          {config.ips && <Item term="Denied IPs"><List values={values.deniedIps} /></Item>}
        </Section>
      )}
      <Section step="access" onEdit={onEdit}>
        <Item term="Access level">
          {levels.length === 0 ? (
            <span className="muted">Only groups with access to all keys</span>
          ) : (
            <ul className="inline-list">
              {levels.map(([id, level]) => (
                <li key={id}>
                  {groupName(id)}: {level === 'EDIT' ? 'Edit' : 'View'}
                </li>
              ))}
            </ul>
          )}
        </Item>
      </Section>
    </div>
  );
}
