import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { AppEnv } from './http/context.ts';
import type { JobRunner } from './jobs/job-runner.ts';
import type { Mailer } from './mail/mailer.ts';
import { registerActivityRoutes } from './features/activities/activities.routes.ts';
import { registerApiKeyRoutes } from './features/api-keys/api-keys.routes.ts';
import { recordGrantsLostWithGroup } from './features/api-keys/group-grants-removal.ts';
import { registerAuthRoutes } from './features/auth/auth.routes.ts';
import { registerCheckTokenRoutes } from './features/auth/check-token.routes.ts';
import { registerMyPrivilegesRoutes } from './features/auth/my-privileges.routes.ts';
import { registerCatalogRoutes } from './features/catalog/catalog.routes.ts';
import { registerExposureRoutes } from './features/exposure/exposure.routes.ts';
import { registerNotificationRoutes } from './features/notifications/notifications.routes.ts';
import { registerGroupMemberRoutes } from './features/people/group-members.routes.ts';
import { registerGroupRoutes } from './features/people/groups.routes.ts';
import { registerMemberRoutes } from './features/people/members.routes.ts';
import { registerRotationRoutes } from './features/rotation/rotation.routes.ts';
import { registerSecretScanningRoutes } from './features/secret-scanning/secret-scanning.routes.ts';
import { registerTestClockRoutes } from './features/test-clock/test-clock.routes.ts';
import type { KeyChanges } from './db/key-changes.ts';
import type { UsageBuffer } from './features/verification/usage-buffer.ts';
import type { Verifier } from './features/verification/verifier.ts';
import { registerVerificationRoutes } from './features/verification/verification.routes.ts';

/** What the composition root built; each registration below takes only the part it declares. */
export interface RouteServices {
  db: Db;
  clock: Clock;
  config: Config;
  /** SMTP delivery of the outbox; null when KEYWARD_SMTP_URL is unset (mail is then HELD). */
  mailer: Mailer | null;
  verifier: Verifier;
  usage: UsageBuffer;
  /** The job loop of PRODUCT.md §5 (POST /__test__/jobs/run runs one pass). */
  jobs: JobRunner;
  /** The keys-changed seam: every service that changes keys announces them there, after commit. */
  keyChanges: KeyChanges;
}

/** Every route of the server, in one list. Each feature exports one register function per routes file. */
export function registerRoutes(app: OpenAPIHono<AppEnv>, s: RouteServices): void {
  const { db, clock, config, mailer, keyChanges } = s;
  registerAuthRoutes(app, { db, clock, config });
  registerCheckTokenRoutes(app, { db, clock });
  registerMyPrivilegesRoutes(app);
  registerGroupRoutes(app, { db, clock, beforeGroupDelete: recordGrantsLostWithGroup });
  registerGroupMemberRoutes(app, { db });
  registerMemberRoutes(app, { db, clock });
  registerVerificationRoutes(app, { db, clock, usage: s.usage });
  registerApiKeyRoutes(app, { db, clock, config, keyChanges });
  registerCatalogRoutes(app);
  registerActivityRoutes(app, { db });
  // A key's life after creation (PRODUCT.md §3.3, §5, §8): exposure, rotation, the outbox, the test clock.
  registerExposureRoutes(app, { db, clock, config, mailer, keyChanges });
  registerSecretScanningRoutes(app, { db, clock, config, mailer, keyChanges });
  registerRotationRoutes(app, { db, clock, config, keyChanges });
  registerNotificationRoutes(app, { db });
  registerTestClockRoutes(app, { clock, config, jobs: s.jobs });
}
