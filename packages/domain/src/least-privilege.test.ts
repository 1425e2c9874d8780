import { describe, expect, it } from 'vitest';
import { narrowerKeyPlan, type ExercisedPrivilege } from './least-privilege.ts';
import { privilege } from './privileges.ts';

const used = (id: Parameters<typeof privilege>[0], targetId?: string): ExercisedPrivilege => ({
  ...privilege(id, targetId),
  lastExercisedDate: 1,
});
const idle = (id: Parameters<typeof privilege>[0], targetId?: string): ExercisedPrivilege => ({
  ...privilege(id, targetId),
  lastExercisedDate: null,
});

describe('narrowerKeyPlan', () => {
  it('nothing to say when every privilege was exercised, or none was', () => {
    expect(narrowerKeyPlan('custom', [used('PLATFORM/SOURCE:VIEW')]).kind).toBe('none');
    expect(narrowerKeyPlan('custom', [idle('PLATFORM/SOURCE:VIEW'), idle('PLATFORM/GROUP:VIEW')]).kind).toBe('none');
  });

  it('a Custom key: a Custom key without the unused ones', () => {
    expect(narrowerKeyPlan('custom', [used('PLATFORM/SOURCE:VIEW'), idle('PLATFORM/EXTENSION:EDIT')])).toEqual({
      kind: 'custom',
      unused: [privilege('PLATFORM/EXTENSION:EDIT')],
      keep: [privilege('PLATFORM/SOURCE:VIEW')],
    });
  });

  it('a Push API key that never pushed identities becomes Custom (its privileges are all allowed there)', () => {
    const plan = narrowerKeyPlan('push-api', [
      used('PLATFORM/SOURCE_PUSH', 's1'),
      used('PLATFORM/SOURCE:VIEW'),
      idle('PLATFORM/SECURITY_PROVIDER_PUSH', '*'),
      idle('PLATFORM/SECURITY_PROVIDER:VIEW'),
      used('PLATFORM/ORGANIZATION:VIEW'),
    ]);
    expect(plan.kind).toBe('custom');
  });

  it('an Anonymous search key that only sent analytics: Custom may not hold it, and no template is narrower', () => {
    // Anonymous Case Assist also sends analytics, but adds Case Assist, which this key never had.
    expect(
      narrowerKeyPlan('anonymous-search', [
        idle('SEARCH_API/EXECUTE_QUERY'),
        idle('SEARCH_API/EXECUTE_AGENT_QUERY'),
        used('USAGE_ANALYTICS/ANALYTICS_DATA:EDIT'),
      ]),
    ).toMatchObject({ kind: 'no-fit' });
  });

  it('an Anonymous search key that only queried: View all content is never offered (it would widen the key)', () => {
    expect(
      narrowerKeyPlan('anonymous-search', [
        used('SEARCH_API/EXECUTE_QUERY'),
        idle('SEARCH_API/EXECUTE_AGENT_QUERY'),
        idle('USAGE_ANALYTICS/ANALYTICS_DATA:EDIT'),
      ]),
    ).toMatchObject({ kind: 'no-fit' });
  });

  it('a Search pages key that never viewed search pages: the Anonymous search template, a subset, fits', () => {
    expect(
      narrowerKeyPlan('search-pages', [
        used('SEARCH_API/EXECUTE_QUERY'),
        used('SEARCH_API/EXECUTE_AGENT_QUERY'),
        used('USAGE_ANALYTICS/ANALYTICS_DATA:EDIT'),
        idle('SEARCH_API/SEARCH_PAGES:VIEW'),
      ]),
    ).toMatchObject({ kind: 'template', templateId: 'anonymous-search' });
  });

  it('no template fits: the unused privileges only', () => {
    expect(
      narrowerKeyPlan('search-pages', [
        used('SEARCH_API/EXECUTE_QUERY'),
        used('SEARCH_API/SEARCH_PAGES:VIEW'),
        idle('SEARCH_API/EXECUTE_AGENT_QUERY'),
        idle('USAGE_ANALYTICS/ANALYTICS_DATA:EDIT'),
      ]),
    ).toMatchObject({ kind: 'no-fit' });
  });
});
