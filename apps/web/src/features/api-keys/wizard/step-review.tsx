import type { ReactNode } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import type { Group } from '@keyward/contract';
import { DescriptionItem } from '../../../components/ui/description-list.tsx';
import {
  findCatalogEntry,
  getTemplate,
  parsePrivilegeId,
  privilegeLevelLabel,
  type Privilege,
  type WizardStep,
} from '@keyward/domain';
import { AlertTriangleIcon } from '../../../components/ui/icons.tsx';
import { scopeText } from './push-scope-field.tsx';
import { STEP_LABELS, type WizardValues } from './wizard-model.ts';

/** A push scope on Review: the ids, or "All sources" with its warning; never "None" for everything. */
function ScopeList({ field, values }: { field: 'sourceIds' | 'securityProviderIds'; values: string[] }) {
  if (values.includes('*')) {
    return (
      <span className="scope-all">
        <AlertTriangleIcon size={14} aria-hidden="true" /> {scopeText(field, values)[0]} (every one, including those
        created later)
      </span>
    );
  }
  if (values.length === 0) return <span className="muted">None chosen</span>;
  return <span>{values.join(', ')}</span>;
}

function Section({
  step,
  onEdit,
  children,
}: {
  step: WizardStep;
  onEdit?: ((step: WizardStep) => void) | undefined;
  children: ReactNode;
}) {
  return (
    <section className="review-section" aria-labelledby={`review-${step}`}>
      <header className="row-between">
        <h3 id={`review-${step}`}>{STEP_LABELS[step]}</h3>
        {onEdit ? (
          <button
            type="button"
            className="link-btn"
            onClick={() => onEdit(step)}
            aria-label={`Edit ${STEP_LABELS[step]}`}
          >
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
export function StepReview({
  steps,
  groups,
  onEdit,
}: {
  steps: WizardStep[];
  groups: Group[] | undefined;
  onEdit: (step: WizardStep) => void;
}) {
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
      <p className="step-intro">
        Check the configuration before you add the key. Privileges and expiration can't be changed after creation.
      </p>
      {steps.includes('purpose') && (
        <Section step="purpose" onEdit={onEdit}>
          <DescriptionItem term="Template">
            {template.name} ({template.privacyLabel})
          </DescriptionItem>
        </Section>
      )}
      <Section step="identification" onEdit={onEdit}>
        <DescriptionItem term="Name">{values.displayName}</DescriptionItem>
        <DescriptionItem term="Description">
          {values.description || <span className="muted">None</span>}
        </DescriptionItem>
      </Section>
      <Section step="privileges" onEdit={steps.includes('privileges') ? onEdit : undefined}>
        <DescriptionItem term="Privileges">
          <List values={(template.id === 'custom' ? chosen : template.privileges).map(privilegeText)} />
        </DescriptionItem>
      </Section>
      {steps.includes('configuration') && (
        <Section step="configuration" onEdit={onEdit}>
          {config.sources && (
            <DescriptionItem term="Sources">
              <ScopeList field="sourceIds" values={values.sourceIds} />
            </DescriptionItem>
          )}
          {config.securityProviders && (
            <DescriptionItem term="Security identity providers">
              <ScopeList field="securityProviderIds" values={values.securityProviderIds} />
            </DescriptionItem>
          )}
          {config.searchHub !== 'none' && (
            <DescriptionItem term="Search hub">
              {values.searchHub || <span className="muted">None</span>}
            </DescriptionItem>
          )}
          {template.expiration.kind !== 'optional' && (
            <DescriptionItem term="Expiration date">{expiration}</DescriptionItem>
          )}
          {config.ips && (
            <DescriptionItem term="Allowed IPs">
              <List values={values.allowedIps} empty="Any" />
            </DescriptionItem>
          )}
          {config.ips && (
            <DescriptionItem term="Denied IPs">
              <List values={values.deniedIps} />
            </DescriptionItem>
          )}
        </Section>
      )}
      <Section step="access" onEdit={onEdit}>
        <DescriptionItem term="Access level">
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
        </DescriptionItem>
      </Section>
    </div>
  );
}
