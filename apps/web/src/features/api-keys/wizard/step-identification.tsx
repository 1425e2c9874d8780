import { useFormContext, useWatch } from 'react-hook-form';
import { MAX_DESCRIPTION, MAX_DISPLAY_NAME } from '@keyward/domain';
import { TextAreaField, TextField } from '../../../components/ui/field.tsx';
import type { WizardValues } from './wizard-model.ts';

function Counter({ value, max }: { value: string; max: number }) {
  const count = [...value.trim()].length;
  return (
    <span className={count > max ? 'counter counter-over' : 'counter'}>
      {count} / {max} characters
    </span>
  );
}

export function StepIdentification({ originalName }: { originalName?: string | undefined }) {
  const { register, control, formState } = useFormContext<WizardValues>();
  const [name, description] = useWatch({ control, name: ['displayName', 'description'] });
  return (
    <div className="stack">
      {originalName && (
        <p className="step-intro">
          The new key copies the settings of <strong>{originalName}</strong>, which stays unchanged. Give the new key
          its own name.
        </p>
      )}
      <TextField
        label="Name"
        required
        autoComplete="off"
        error={formState.errors.displayName?.message}
        hint={
          <>
            A good name lets you easily identify the purpose of the key. <Counter value={name} max={MAX_DISPLAY_NAME} />
          </>
        }
        {...register('displayName')}
      />
      <TextAreaField
        label="Description"
        rows={4}
        error={formState.errors.description?.message}
        hint={
          <>
            Specify with whom, when, and for what purpose you share the key.{' '}
            <Counter value={description} max={MAX_DESCRIPTION} />
          </>
        }
        {...register('description')}
      />
    </div>
  );
}
