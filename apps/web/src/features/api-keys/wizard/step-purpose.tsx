import { useFormContext, useWatch } from 'react-hook-form';
import {
  PRIVILEGE_CATALOG,
  TEMPLATES,
  entryPrivileges,
  findCatalogEntry,
  getTemplate,
  privilegeLevelLabel,
  type Privilege,
} from '@keyward/domain';
import { FieldError } from '../../../components/ui/field.tsx';
import { GlobeIcon, LockIcon } from '../../../components/ui/icons.tsx';
import { Pill } from '../../../components/ui/pill.tsx';
import { expirationDefaults, type WizardValues } from './wizard-model.ts';

const privilegeText = (p: Privilege) => `${findCatalogEntry(p)?.label ?? p.targetDomain}: ${privilegeLevelLabel(p)}`;

/** The seeds' list of what a Custom key can't hold, from the catalog. */
export const CUSTOM_EXCEPTIONS: string[] = PRIVILEGE_CATALOG.filter((e) => e.forbiddenInCustomReason !== undefined)
  .flatMap((e) => entryPrivileges(e, e.types))
  .map(privilegeText);

/** One card per template: its name, privacy tag, description and privileges. */
export function StepPurpose() {
  const { control, setValue, formState } = useFormContext<WizardValues>();
  const templateId = useWatch({ control, name: 'templateId' });

  const choose = (id: string) => {
    setValue('templateId', id, { shouldDirty: true, shouldValidate: true });
    const defaults = expirationDefaults(getTemplate(id), Date.now());
    setValue('expirationMode', defaults.expirationMode);
    setValue('expirationDate', defaults.expirationDate);
  };

  return (
    <fieldset className="template-grid-fieldset">
      <legend className="visually-hidden">Choose a template</legend>
      <p className="step-intro">
        Choose the template whose privileges best suit your use case. Templates tagged{' '}
        <strong>Must remain private</strong> carry sensitive privileges: never embed such a key in a web page or an app.
      </p>
      <FieldError message={formState.errors.templateId?.message} />
      <div className="template-grid">
        {TEMPLATES.map((template) => {
          const selected = templateId === template.id;
          const isPublic = template.privacy === 'PUBLIC';
          return (
            <label key={template.id} className={`template-card ${selected ? 'template-card-selected' : ''}`}>
              <input
                type="radio"
                name="templateId"
                value={template.id}
                checked={selected}
                onChange={() => choose(template.id)}
                aria-labelledby={`template-${template.id}-name`}
                aria-describedby={`template-${template.id}-privacy template-${template.id}-desc`}
              />
              <span className="template-card-head">
                <span className="template-card-name" id={`template-${template.id}-name`}>
                  {template.name}
                </span>
                <span id={`template-${template.id}-privacy`}>
                  <Pill
                    tone={isPublic ? 'info' : 'warning'}
                    icon={isPublic ? <GlobeIcon size={12} /> : <LockIcon size={12} />}
                  >
                    {template.privacyLabel}
                  </Pill>
                </span>
              </span>
              <span className="template-card-desc" id={`template-${template.id}-desc`}>
                {template.description}
              </span>
              <span className="template-card-privileges">
                {template.privileges.length === 0
                  ? `No predefined privileges. You can set any privileges except the following: ${CUSTOM_EXCEPTIONS.join(' · ')}`
                  : template.privileges.map(privilegeText).join(' · ')}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
