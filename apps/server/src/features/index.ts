import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../http/context.ts';
import { registerVerificationRoutes } from './verification/verification.routes.ts';

/** Mounts every feature's routes. Each feature exports one register function. */
export function registerFeatureRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  registerVerificationRoutes(app, deps);
}
