import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv, Deps } from '../http/context.ts';
import { registerExposureRoutes } from '../features/exposure/exposure.routes.ts';
import { registerNotificationRoutes } from '../features/notifications/notifications.routes.ts';
import { registerRotationRoutes } from '../features/rotation/rotation.routes.ts';
import { registerSecretScanningRoutes } from '../features/secret-scanning/secret-scanning.routes.ts';
import { registerTestClockRoutes } from '../features/test-clock/test-clock.routes.ts';

/** The routes of a key's life after creation (PRODUCT.md §3.3, §5, §8): exposure, rotation, the outbox, the test clock. */
export function registerLifecycleRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  registerExposureRoutes(app, deps);
  registerSecretScanningRoutes(app, deps);
  registerRotationRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerTestClockRoutes(app, deps);
}
