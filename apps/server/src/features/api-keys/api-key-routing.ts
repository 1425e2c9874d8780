import { REQUIRED_PRIVILEGES } from '@keyward/domain';
import type { Context } from 'hono';
import { z } from 'zod';
import { requires } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { OrgParamsSchema } from '../../http/params.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf } from '../activities/record-activity.ts';
import type { Caller } from './key-access.ts';

export const BASE = '/rest/organizations/{org}/apikeys';
export const tags = ['API keys'];

export const KeyParamsSchema = OrgParamsSchema.extend({
  id: z.string().min(1).max(100).meta({ description: 'API key id' }),
});

// What each route requires. Per-key grants (CUSTOM access) are checked by the services: a key the
// caller can't see answers 404, one they can only view answers 403 to a change.
export const canView = requires({ keyAccess: 'VIEW' });
export const canEdit = requires({ keyAccess: 'EDIT' });
export const canCreate = requires({ privileges: [REQUIRED_PRIVILEGES.createApiKeys] });
/** Create from existing: create keys, and see the original. */
export const canDuplicate = requires({ privileges: [REQUIRED_PRIVILEGES.createApiKeys], keyAccess: 'VIEW' });

export function callerOf(c: Context<AppEnv>): Caller {
  const principal = c.var.principal;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'Authentication is required.');
  return { access: c.var.orgAccess, actor: actorOf(principal) };
}
