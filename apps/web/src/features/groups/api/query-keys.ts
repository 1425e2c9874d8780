export const groupKeys = {
  all: (org: string) => ['groups', org] as const,
  list: (org: string) => ['groups', org, 'list'] as const,
  members: (org: string, groupId: string) => ['groups', org, 'members', groupId] as const,
  orgMembers: (org: string) => ['groups', org, 'org-members'] as const,
};
