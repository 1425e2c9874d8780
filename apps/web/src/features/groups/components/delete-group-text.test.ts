import { describe, expect, it } from 'vitest';
import { deleteGroupConsequences } from './delete-group-text.ts';

describe('deleteGroupConsequences', () => {
  it('says nothing for an empty group', () => {
    expect(deleteGroupConsequences({ memberCount: 0, keyGrantCount: 0 })).toEqual([]);
  });

  it('names the members and the API keys it reaches, one or many', () => {
    expect(deleteGroupConsequences({ memberCount: 1, keyGrantCount: 1 })).toEqual([
      'Its member loses the privileges it gives (the user stays in the organization).',
      "It has access to 1 API key, granted in that key's Access settings: this access is removed too.",
    ]);
    expect(deleteGroupConsequences({ memberCount: 3, keyGrantCount: 2 })).toEqual([
      'Its 3 members lose the privileges it gives (the users stay in the organization).',
      'It has access to 2 API keys, granted in their Access settings: these accesses are removed too.',
    ]);
  });
});
