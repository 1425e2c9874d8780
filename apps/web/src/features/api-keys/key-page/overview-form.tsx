import { useForm, useWatch, type FieldErrors, type Resolver } from 'react-hook-form';
import type { ApiKey } from '@keyward/contract';
import { getTemplate, validateKeyUpdate } from '@keyward/domain';
import { Button } from '../../../components/ui/button.tsx';
import { TextAreaField, TextField } from '../../../components/ui/field.tsx';
import { ListInput } from '../../../components/ui/list-input.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useUnsavedWork } from '../../../lib/leave-guard.tsx';
import { useAllowPrivateIps } from '../../../lib/session.ts';
import { ruleErrors } from '../wizard/wizard-resolver.ts';
import { ipEntryProblem } from '../wizard/ip-entries.ts';
import { useUpdateApiKey } from '../api/update-api-key.ts';

interface OverviewValues {
  displayName: string;
  description: string;
  searchHub: string;
  allowedIps: string[];
  deniedIps: string[];
}

const FIELDS: (keyof OverviewValues)[] = ['displayName', 'description', 'searchHub', 'allowedIps', 'deniedIps'];

function fieldOf(path: string): keyof OverviewValues | 'root' {
  if (path.startsWith('additionalConfiguration.search')) return 'searchHub';
  const head = path.replace(/\[\d+\]/g, '').split('.')[0] as keyof OverviewValues;
  return FIELDS.includes(head) ? head : 'root';
}

function valuesOf(key: ApiKey): OverviewValues {
  return {
    displayName: key.displayName,
    description: key.description,
    searchHub: key.additionalConfiguration.search?.enforcedQueryPipelineConfiguration?.searchHub ?? '',
    allowedIps: key.allowedIps,
    deniedIps: key.deniedIps,
  };
}

/** The editable fields of a key, checked by the domain's validateKeyUpdate as the user types. */
export function OverviewForm({ org, apiKey }: { org: string; apiKey: ApiKey }) {
  const update = useUpdateApiKey(org);
  const allowPrivateIps = useAllowPrivateIps();
  const toast = useToast();
  const config = getTemplate(apiKey.apiKeyTemplateId)?.configuration;
  const showHub = config?.searchHub !== 'none' || Boolean(apiKey.additionalConfiguration.search);
  const showIps = Boolean(config?.ips) || apiKey.allowedIps.length > 0 || apiKey.deniedIps.length > 0;

  const resolver: Resolver<OverviewValues> = (values) => {
    const result = validateKeyUpdate(
      {
        templateId: apiKey.apiKeyTemplateId,
        privileges: apiKey.privileges,
        commerce: apiKey.additionalConfiguration.commerce ?? null,
      },
      { ...values, searchHub: showHub ? values.searchHub : undefined },
      { allowPrivateIps },
    );
    if (result.ok) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const e of ruleErrors(result.errors).map((r) => ({ path: r.field ?? '', rule: r.type, message: r.message }))) {
      const field = fieldOf(e.path);
      errors[field] = errors[field]
        ? { type: e.rule, message: `${errors[field].message} ${e.message}` }
        : { type: e.rule, message: e.message };
    }
    return { values: {}, errors: errors as FieldErrors<OverviewValues> };
  };

  const form = useForm<OverviewValues>({ defaultValues: valuesOf(apiKey), resolver, mode: 'onChange' });
  const [allowedIps, deniedIps] = useWatch({ control: form.control, name: ['allowedIps', 'deniedIps'] });
  const errors = form.formState.errors;
  useUnsavedWork(form.formState.isDirty, `“${apiKey.displayName}”`);
  const entryError = (value: string) => ipEntryProblem(value, allowPrivateIps);
  const setList = (name: 'allowedIps' | 'deniedIps', values: string[]) =>
    form.setValue(name, values, { shouldDirty: true, shouldValidate: true });

  const save = form.handleSubmit((values) => {
    const hub = values.searchHub.trim();
    const { search: _search, ...otherConfig } = apiKey.additionalConfiguration;
    update.mutate(
      {
        key: apiKey,
        changes: {
          displayName: values.displayName.trim(),
          description: values.description.trim(),
          allowedIps: values.allowedIps,
          deniedIps: values.deniedIps,
          additionalConfiguration: hub
            ? { ...otherConfig, search: { enforcedQueryPipelineConfiguration: { searchHub: hub } } }
            : otherConfig,
        },
      },
      {
        onSuccess: () => {
          form.reset(values);
          toast({ tone: 'success', title: 'Changes saved', description: values.displayName });
        },
        onError: (error) => {
          if (error instanceof ApiError)
            ruleErrors(error.errors.map((e) => ({ ...e, rule: e.rule || 'SERVER' }))).forEach((e) =>
              form.setError(fieldOf(e.field ?? ''), { type: 'server', message: e.message }),
            );
          toast({ tone: 'error', title: 'The changes were not saved', description: errorMessage(error) });
        },
      },
    );
  });

  return (
    <form className="stack" onSubmit={save} noValidate aria-label="Edit the API key">
      {errors.root?.message && <Callout tone="danger">{errors.root.message}</Callout>}
      <TextField
        label="Name"
        required
        autoComplete="off"
        error={errors.displayName?.message}
        {...form.register('displayName')}
      />
      <TextAreaField
        label="Description"
        rows={3}
        error={errors.description?.message}
        {...form.register('description')}
      />
      {showHub && (
        <TextField
          label="Search hub"
          autoComplete="off"
          error={errors.searchHub?.message}
          hint="Every query made with this key enforces this search hub."
          {...form.register('searchHub')}
        />
      )}
      {showIps && (
        <>
          <ListInput
            label="Allowed IPs"
            values={allowedIps}
            onChange={(v) => setList('allowedIps', v)}
            error={errors.allowedIps?.message}
            placeholder="104.1.1.0/24"
            hint="Empty: any address. Changes apply immediately."
            entryError={entryError}
          />
          <ListInput
            label="Denied IPs"
            values={deniedIps}
            onChange={(v) => setList('deniedIps', v)}
            error={errors.deniedIps?.message}
            placeholder="203.0.113.7"
            entryError={entryError}
          />
        </>
      )}
      <div className="form-actions">
        <Button
          type="button"
          variant="ghost"
          onClick={() => form.reset(valuesOf(apiKey))}
          disabledReason={form.formState.isDirty ? null : 'Nothing to discard.'}
        >
          Discard changes
        </Button>
        <Button
          type="submit"
          variant="primary"
          loading={update.isPending}
          disabledReason={form.formState.isDirty ? null : 'Nothing to save yet.'}
        >
          Save
        </Button>
      </div>
    </form>
  );
}
