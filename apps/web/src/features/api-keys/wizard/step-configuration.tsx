import { useFormContext, useWatch } from 'react-hook-form';
import {
  DAY_MS,
  findCatalogEntry,
  getTemplate,
  parsePrivilegeId,
  searchHubRequirement,
  utcDateString,
  type Privilege,
} from '@keyward/domain';
import { FieldError, TextField } from '../../../components/ui/field.tsx';
import { ListInput } from '../../../components/ui/list-input.tsx';
import { useAllowPrivateIps } from '../../../lib/session.ts';
import { ipEntryProblem } from './ip-entries.ts';
import { PushScopeField } from './push-scope-field.tsx';
import type { WizardValues } from './wizard-model.ts';

const FORMAT_HINT = 'IPv4 or IPv6 addresses or CIDR ranges, without spaces (e.g. 104.1.1.0/24).';

function ExpirationField() {
  const { control, register, formState } = useFormContext<WizardValues>();
  const [templateId, mode] = useWatch({ control, name: ['templateId', 'expirationMode'] });
  const rule = getTemplate(templateId)?.expiration;
  const error = formState.errors.expirationDate?.message ?? formState.errors.expirationMode?.message;
  if (!rule || rule.kind === 'optional') return null;
  const now = Date.now();
  const min = utcDateString(now + (rule.kind === 'required' ? rule.minDays : 1) * DAY_MS);
  const max = rule.kind === 'required' ? utcDateString(now + rule.maxDays * DAY_MS) : undefined;

  if (rule.kind === 'required') {
    return (
      <TextField
        label="Expiration date"
        type="date"
        required
        min={min}
        max={max}
        error={error}
        hint={`Between ${rule.minDays} and ${rule.maxDays} days from today. The key expires at 23:59:59 UTC on that date.`}
        {...register('expirationDate')}
      />
    );
  }
  return (
    <fieldset className={`field ${error ? 'field-invalid' : ''}`} aria-describedby="expiration-hint">
      <legend className="field-label">Expiration date</legend>
      <p className="field-hint" id="expiration-hint">
        Keys with powerful privileges should not stay valid forever. The key expires at 23:59:59 UTC on the chosen date.
      </p>
      <div className="radio-row">
        <label className="checkbox-inline">
          <input type="radio" value="date" {...register('expirationMode', { deps: ['expirationDate'] })} />
          <span>On a date</span>
        </label>
        <input
          type="date"
          className="input input-date"
          aria-label="Expiration date"
          min={min}
          disabled={mode !== 'date'}
          aria-invalid={error ? true : undefined}
          {...register('expirationDate')}
        />
      </div>
      <label className="checkbox-inline">
        <input type="radio" value="never" {...register('expirationMode', { deps: ['expirationDate'] })} />
        <span>Never</span>
      </label>
      {mode === 'never' && (
        <p className="field-hint">
          Manage this key with extra care: if it is lost or exposed, it stays valid until deactivated.
        </p>
      )}
      <FieldError message={error} />
    </fieldset>
  );
}

/** The fields of the template's row in PRODUCT.md §3.2, from the template's data. */
export function StepConfiguration() {
  const { control, register, setValue, formState } = useFormContext<WizardValues>();
  const [templateId, privilegeIds, sourceIds, providerIds, allowedIps, deniedIps] = useWatch({
    control,
    name: ['templateId', 'privileges', 'sourceIds', 'securityProviderIds', 'allowedIps', 'deniedIps'],
  });
  const allowPrivateIps = useAllowPrivateIps();
  const template = getTemplate(templateId);
  if (!template) return null;
  const config = template.configuration;
  const chosen = privilegeIds.map(parsePrivilegeId).filter((p): p is Privilege => p !== null);
  const hubRequired = searchHubRequirement(template, template.id === 'custom' ? chosen : template.privileges) !== null;
  const setList = (name: 'sourceIds' | 'securityProviderIds' | 'allowedIps' | 'deniedIps', values: string[]) =>
    setValue(name, values, { shouldDirty: true, shouldValidate: true });
  const errors = formState.errors;
  const ipHint = `${FORMAT_HINT}${allowPrivateIps ? '' : " Private ranges can't be used."}`;
  const entryError = (value: string) => ipEntryProblem(value, allowPrivateIps);
  // A Custom key names push targets only for the push privileges it holds.
  const uses = (input: 'sourceIds' | 'securityProviderIds') =>
    template.id !== 'custom' || chosen.some((p) => findCatalogEntry(p)?.targetInput === input);

  return (
    <div className="stack">
      {config.sources && uses('sourceIds') && (
        <PushScopeField
          field="sourceIds"
          values={sourceIds}
          onChange={(v) => setList('sourceIds', v)}
          error={errors.sourceIds?.message}
        />
      )}
      {config.securityProviders && uses('securityProviderIds') && (
        <PushScopeField
          field="securityProviderIds"
          values={providerIds}
          onChange={(v) => setList('securityProviderIds', v)}
          error={errors.securityProviderIds?.message}
        />
      )}
      {config.searchHub !== 'none' && (
        <TextField
          label="Search hub"
          required={hubRequired}
          autoComplete="off"
          error={errors.searchHub?.message}
          hint={
            hubRequired
              ? 'Required: every query made with this key enforces this search hub (Limit the API key scope).'
              : 'Optional but strongly recommended: every query made with this key enforces this search hub. Leave it empty for Commerce keys.'
          }
          {...register('searchHub')}
        />
      )}
      <ExpirationField />
      {config.ips && (
        <>
          <ListInput
            label="Allowed IPs"
            values={allowedIps}
            onChange={(v) => setList('allowedIps', v)}
            error={errors.allowedIps?.message}
            placeholder="104.1.1.0/24"
            hint={`Optional. ${ipHint}`}
            entryError={entryError}
          />
          <ListInput
            label="Denied IPs"
            values={deniedIps}
            onChange={(v) => setList('deniedIps', v)}
            error={errors.deniedIps?.message}
            placeholder="203.0.113.7"
            hint={`Optional. Calls from these addresses are always refused. ${ipHint}`}
            entryError={entryError}
          />
        </>
      )}
    </div>
  );
}
