import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../http/context.ts';
import { registerLifecycleRoutes } from '../jobs/lifecycle.routes.ts';
import { registerActivityRoutes } from './activities/activities.routes.ts';
import { registerApiKeyRoutes } from './api-keys/api-keys.routes.ts';
import { registerAuthRoutes } from './auth/auth.routes.ts';
import { registerCheckTokenRoutes } from './auth/check-token.routes.ts';
import { registerMyPrivilegesRoutes } from './auth/my-privileges.routes.ts';
import { registerCatalogRoutes } from './catalog/catalog.routes.ts';
import { registerGroupMemberRoutes } from './people/group-members.routes.ts';
import { registerGroupRoutes } from './people/groups.routes.ts';
import { registerMemberRoutes } from './people/members.routes.ts';
import { registerVerificationRoutes } from './verification/verification.routes.ts';

/** Mounts every feature's routes. Each feature exports one register function per routes file. */
export function registerFeatureRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  registerAuthRoutes(app, deps);
  registerCheckTokenRoutes(app, deps);
  registerMyPrivilegesRoutes(app, deps);
  registerGroupRoutes(app, deps);
  registerGroupMemberRoutes(app, deps);
  registerMemberRoutes(app, deps);
  registerVerificationRoutes(app, deps);
  registerApiKeyRoutes(app, deps);
  registerCatalogRoutes(app, deps);
  registerActivityRoutes(app, deps);
  registerLifecycleRoutes(app, deps);
}
