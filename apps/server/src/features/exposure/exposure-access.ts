import { createMiddleware } from 'hono/factory';
import { holdsAll, REQUIRED_PRIVILEGES } from '@keyward/domain';
import type { Db } from '../../db/database.ts';
import { requires } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { actorOf } from '../activities/record-activity.ts';
import { loadKey } from '../api-keys/api-keys.service.ts';

/** Dismissing a report: security contacts and administrators (both hold API_KEY_EXPOSURE:EDIT). */
export const canManageExposures = requires({ privileges: [REQUIRED_PRIVILEGES.manageExposures] });

const member = requires({});

/**
 * Reporting an exposure: API_KEY_EXPOSURE:EDIT, or Edit access to that key (EDIT_ALL, or a CUSTOM
 * edit grant on it: a key the caller cannot see answers 404, one they only view 403).
 */
const editorOrExposureManager = (db: Db) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const access = c.var.orgAccess;
    const principal = c.var.principal;
    if (principal && !holdsAll(access.privileges, [REQUIRED_PRIVILEGES.manageExposures])) {
      await loadKey(db, { access, actor: actorOf(principal) }, c.req.param('id') ?? '', 'EDIT');
    }
    await next();
  });

export const canReportExposure = (db: Db) => [member, editorOrExposureManager(db)] as const;
