import { describe, expect, it } from 'vitest';
import { STEP_FIELDS, stepIndexFromUrl, stepsFor } from './wizard-model.ts';

describe('stepIndexFromUrl: the step in the URL, if reached', () => {
  const steps = stepsFor('custom', false);

  it('opens the step the URL names once it was reached through Next', () => {
    expect(steps).toEqual(['purpose', 'identification', 'privileges', 'configuration', 'access', 'review']);
    expect(stepIndexFromUrl(steps, 'privileges', 2)).toBe(2);
    expect(stepIndexFromUrl(steps, 'identification', 4)).toBe(1);
  });

  it('starts over at the first step for a step not reached yet (a reload, a pasted link)', () => {
    expect(stepIndexFromUrl(steps, 'review', 2)).toBe(0);
  });

  it('starts at the first step without a step, or with an unknown one', () => {
    expect(stepIndexFromUrl(steps, null, 5)).toBe(0);
    expect(stepIndexFromUrl(steps, 'nope', 5)).toBe(0);
  });

  it('skips Key purpose for Create from existing', () => {
    const fromExisting = stepsFor('usage-analytics', true);
    expect(fromExisting[0]).toBe('identification');
    expect(stepIndexFromUrl(fromExisting, 'purpose', 3)).toBe(0);
  });

  it('checks the search hub on the Privileges step (the "Limit the API key scope" section)', () => {
    expect(STEP_FIELDS.privileges).toContain('searchHub');
  });
});
