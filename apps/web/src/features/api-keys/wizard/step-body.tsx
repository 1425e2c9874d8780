import type { Group } from '@keyward/contract';
import type { WizardStep } from '@keyward/domain';
import { StepAccess } from './step-access.tsx';
import { StepConfiguration } from './step-configuration.tsx';
import { StepIdentification } from './step-identification.tsx';
import { StepPrivileges } from './step-privileges.tsx';
import { StepPurpose } from './step-purpose.tsx';
import { StepReview } from './step-review.tsx';

interface StepBodyProps {
  step: WizardStep;
  steps: WizardStep[];
  groups: Group[] | undefined;
  originalName?: string | undefined;
  onEdit: (step: WizardStep) => void;
}

/** Which step component renders which of the domain's wizard steps. */
export function StepBody({ step, steps, groups, originalName, onEdit }: StepBodyProps) {
  switch (step) {
    case 'purpose':
      return <StepPurpose />;
    case 'identification':
      return <StepIdentification originalName={originalName} />;
    case 'privileges':
      return <StepPrivileges />;
    case 'configuration':
      return <StepConfiguration />;
    case 'access':
      return <StepAccess groups={groups} />;
    case 'review':
      return <StepReview steps={steps} groups={groups} onEdit={onEdit} />;
  }
}
