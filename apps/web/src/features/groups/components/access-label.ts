import type { ApiKeyAccess } from '@keyward/domain';

export const API_KEY_ACCESS_LABELS: Record<ApiKeyAccess, string> = {
  NONE: 'None',
  VIEW_ALL: 'View all',
  EDIT_ALL: 'Edit all',
  CUSTOM: 'Custom (per key)',
};
