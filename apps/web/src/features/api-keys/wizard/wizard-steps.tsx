import type { WizardStep } from '@keyward/domain';
import { CheckIcon } from '../../../components/ui/icons.tsx';
import { STEP_LABELS } from './wizard-model.ts';

/** The list of steps beside the form, the current one marked; completed steps can be revisited. */
export function WizardSteps({
  steps,
  current,
  onSelect,
}: {
  steps: WizardStep[];
  current: number;
  onSelect: (index: number) => void;
}) {
  return (
    <nav className="wizard-steps" aria-label="Steps">
      <ol>
        {steps.map((step, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={step} className={`wizard-step wizard-step-${state}`}>
              {state === 'done' ? (
                <button type="button" className="wizard-step-btn" onClick={() => onSelect(i)}>
                  <span className="wizard-step-marker" aria-hidden="true">
                    <CheckIcon size={12} />
                  </span>
                  <span>{STEP_LABELS[step]}</span>
                  <span className="visually-hidden"> (completed)</span>
                </button>
              ) : (
                <span className="wizard-step-btn" aria-current={state === 'current' ? 'step' : undefined}>
                  <span className="wizard-step-marker" aria-hidden="true">
                    {i + 1}
                  </span>
                  <span>{STEP_LABELS[step]}</span>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
