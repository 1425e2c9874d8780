import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormProvider, useForm, useWatch, type FieldErrors } from 'react-hook-form';
import { useNavigate, useSearchParams } from 'react-router';
import type { Group } from '@keyward/contract';
import type { WizardStep } from '@keyward/domain';
import { Button } from '../../../components/ui/button.tsx';
import { Callout } from '../../../components/ui/states.tsx';
import { useToast } from '../../../components/ui/toast.tsx';
import { ApiError, errorMessage } from '../../../lib/api-client.ts';
import { useUnsavedWork } from '../../../lib/leave-guard.tsx';
import { useAllowPrivateIps } from '../../../lib/session.ts';
import { paths } from '../../../lib/use-org-id.ts';
import { useCreateApiKey } from '../api/create-api-key.ts';
import type { ApiKey } from '@keyward/contract';
import { KeyCreatedDialog } from '../components/key-created-dialog.tsx';
import { StepBody } from './step-body.tsx';
import { WizardSteps } from './wizard-steps.tsx';
import {
  emptyValues,
  stepIndexFromUrl,
  STEP_FIELDS,
  STEP_LABELS,
  stepsFor,
  toCreateBody,
  valuesFromKey,
  type WizardValues,
} from './wizard-model.ts';
import { ruleErrors, wizardResolver } from './wizard-resolver.ts';

interface ApiKeyWizardProps {
  org: string;
  groups: Group[] | undefined;
  /** Create from existing: the key whose settings are carried over (Key purpose is skipped). */
  source?: ApiKey | undefined;
}

function firstStepWithError(steps: WizardStep[], fields: (keyof WizardValues)[]): number {
  const index = steps.findIndex((s) => STEP_FIELDS[s].some((f) => fields.includes(f)));
  return index === -1 ? steps.length - 1 : index;
}

/** The Add key wizard: one form, steps from the template's data, the domain's rules as the user types. */
export function ApiKeyWizard({ org, groups, source }: ApiKeyWizardProps) {
  const navigate = useNavigate();
  const toast = useToast();
  const { create, pending } = useCreateApiKey(org);
  const allowPrivateIps = useAllowPrivateIps();
  const form = useForm<WizardValues>({
    defaultValues: source ? valuesFromKey(source, Date.now()) : emptyValues(),
    resolver: wizardResolver(allowPrivateIps),
    mode: 'onChange',
    reValidateMode: 'onChange',
  });
  const templateId = useWatch({ control: form.control, name: 'templateId' });
  const steps = stepsFor(templateId, Boolean(source));
  const [created, setCreated] = useState<{ id: string; name: string; value: string } | null>(null);
  // The step lives in the URL (`?step=`), so the browser's Back and Forward move between steps.
  // Only steps reached through Next can be opened that way (a reload starts over at the first).
  const [search, setSearch] = useSearchParams();
  const [reached, setReached] = useState(0);
  const index = stepIndexFromUrl(steps, search.get('step'), reached);
  const setIndex = (target: number, replace = false) => {
    const clamped = Math.max(0, Math.min(target, steps.length - 1));
    setReached((r) => Math.max(r, clamped));
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('step', steps[clamped] ?? 'identification');
        return next;
      },
      { replace },
    );
  };
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  const step = steps[index] ?? 'identification';
  const last = index >= steps.length - 1;
  useUnsavedWork(form.formState.isDirty && created === null, 'the new API key');

  // On each new step (not on arrival), focus its heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstStep.current) firstStep.current = false;
    else headingRef.current?.focus();
  }, [step]);

  const goTo = (target: WizardStep) => setIndex(Math.max(0, steps.indexOf(target)));

  const next = async () => {
    const valid = await form.trigger(STEP_FIELDS[step], { shouldFocus: true });
    if (valid) setIndex(index + 1);
  };

  const submit = form.handleSubmit(
    async (values) => {
      try {
        const key = await create(values.templateId, toCreateBody(values));
        setCreated({ id: key.id, name: key.displayName, value: key.value ?? '' });
      } catch (error) {
        if (error instanceof ApiError && (error.status === 422 || error.status === 400) && error.errors.length > 0) {
          const fields = ruleErrors(error.errors.map((p) => ({ ...p, rule: p.rule || 'SERVER' }))).map((problem) => {
            form.setError(problem.field ?? 'root.server', { type: 'server', message: problem.message });
            return problem.field;
          });
          setIndex(
            firstStepWithError(
              steps,
              fields.filter((f) => f !== null),
            ),
          );
        } else {
          form.setError('root.server', { type: 'server', message: errorMessage(error) });
        }
        toast({ tone: 'error', title: 'The API key was not created', description: errorMessage(error) });
      }
    },
    (errors: FieldErrors<WizardValues>) =>
      setIndex(firstStepWithError(steps, Object.keys(errors) as (keyof WizardValues)[])),
  );

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (last) void submit(event);
    else void next();
  };

  const done = () => {
    const newId = created?.id;
    setCreated(null);
    form.reset(emptyValues());
    // Create from existing lands on the new key, which offers to retire the original.
    if (source && newId)
      void navigate(`${paths.apiKey(org, newId)}?replaces=${encodeURIComponent(source.id)}`, { replace: true });
    else void navigate(paths.apiKeys(org), { replace: true });
  };

  const rootError = form.formState.errors.root?.server?.message ?? form.formState.errors.root?.message;

  return (
    <FormProvider {...form}>
      <div className="wizard">
        <WizardSteps steps={steps} current={index} onSelect={setIndex} />
        <form className="wizard-main" onSubmit={onSubmit} noValidate aria-labelledby="wizard-step-title">
          <div className="wizard-content">
            <p className="wizard-kicker">
              Step {index + 1} of {steps.length}
            </p>
            <h2 id="wizard-step-title" ref={headingRef} tabIndex={-1}>
              {STEP_LABELS[step]}
            </h2>
            {rootError && (
              <Callout tone="danger" title="The API key was not created">
                {rootError}
              </Callout>
            )}
            <StepBody step={step} steps={steps} groups={groups} originalName={source?.displayName} onEdit={goTo} />
          </div>
          <footer className="wizard-footer">
            <Button variant="ghost" onClick={() => void navigate(paths.apiKeys(org))}>
              Cancel
            </Button>
            <div className="row">
              {index > 0 && <Button onClick={() => setIndex(index - 1)}>Previous</Button>}
              {last ? (
                <Button type="submit" variant="primary" loading={pending}>
                  Add API key
                </Button>
              ) : (
                <Button type="submit" variant="primary">
                  Next
                </Button>
              )}
            </div>
          </footer>
        </form>
      </div>
      <KeyCreatedDialog value={created?.value ?? null} keyName={created?.name ?? ''} onDone={done} />
    </FormProvider>
  );
}
