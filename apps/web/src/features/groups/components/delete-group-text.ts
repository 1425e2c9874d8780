import type { Group } from '@keyward/contract';

/** What deleting a group takes with it, in words. */
export function deleteGroupConsequences(group: Pick<Group, 'memberCount' | 'keyGrantCount'>): string[] {
  const lines: string[] = [];
  if (group.memberCount > 0)
    lines.push(
      `Its ${group.memberCount === 1 ? 'member loses' : `${group.memberCount} members lose`} the privileges it gives (the ${group.memberCount === 1 ? 'user stays' : 'users stay'} in the organization).`,
    );
  if (group.keyGrantCount === 1)
    lines.push("It has access to 1 API key, granted in that key's Access settings: this access is removed too.");
  else if (group.keyGrantCount > 1)
    lines.push(
      `It has access to ${group.keyGrantCount} API keys, granted in their Access settings: these accesses are removed too.`,
    );
  return lines;
}
