import { useFormContext, useWatch } from 'react-hook-form';
import type { Group } from '@keyward/contract';
import { EmptyState, LoadingState } from '../../../components/ui/states.tsx';
import { AccessLevels } from '../components/access-levels.tsx';
import type { WizardValues } from './wizard-model.ts';

export function StepAccess({ groups }: { groups: Group[] | undefined }) {
  const { control, setValue, formState } = useFormContext<WizardValues>();
  const access = useWatch({ control, name: 'access' });
  if (!groups) return <LoadingState label="Loading groups" rows={3} />;
  return (
    <div className="stack">
      <p className="step-intro">
        Choose which groups can view or edit this key. Groups whose API key access is Custom get the level you set here;
        the others keep the level their group gives them.
      </p>
      {groups.length === 0 ? (
        <EmptyState title="No groups">
          <p>There is no group in this organization yet.</p>
        </EmptyState>
      ) : (
        <AccessLevels
          groups={groups}
          value={access}
          error={(formState.errors.access as { message?: string } | undefined)?.message}
          onChange={(next) => setValue('access', next, { shouldDirty: true, shouldValidate: true })}
        />
      )}
    </div>
  );
}
