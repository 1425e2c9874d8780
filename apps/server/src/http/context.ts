import type { Privilege } from '@keyward/domain';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import type { Db, Store } from '../db/database.ts';
import type { ShutdownHook } from '../shutdown.ts';
import type { KeyCache } from '../features/verification/key-cache.ts';
import type { KeyChanges } from '../features/verification/key-changes.ts';
import type { UsageBuffer } from '../features/verification/usage-buffer.ts';
import type { Verifier } from '../features/verification/verifier.ts';
import type { JobRunner } from '../jobs/job-runner.ts';
import type { Mailer } from '../mail/mailer.ts';

/** Everything a request handler may depend on; built once by createApp. */
export interface Deps {
  db: Db;
  /** What differs per database (db/database.ts): locks, readiness, hot-path reads and writes. */
  store: Store;
  clock: Clock;
  config: Config;
  /** Registers a step for graceful shutdown (flush buffered writes, stop loops); runs before the database closes. */
  onShutdown: (hook: ShutdownHook) => void;
  /** Keys by hash for verification; forgets the keys announced through `keyChanges` (changes apply immediately). */
  keyCache: KeyCache;
  /** The one way in for "these keys changed": services publish the ids they changed, after commit. */
  keyChanges: KeyChanges;
  /** Buffered "last used" and daily usage writes. */
  usage: UsageBuffer;
  verifier: Verifier;
  /** SMTP delivery of the outbox; null when KEYWARD_SMTP_URL is unset (mail is then HELD). */
  mailer: Mailer | null;
  /** The job loop of PRODUCT.md §5 (POST /__test__/jobs/run runs one pass). */
  jobs: JobRunner;
}

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  tokenHash: string;
  csrfToken: string;
  /** true when authenticated by the session cookie (CSRF applies), false for Authorization: Bearer */
  viaCookie: boolean;
}

export interface ApiKeyPrincipal {
  kind: 'apiKey';
  keyId: string;
  organizationId: string;
  displayName: string;
  privileges: Privilege[];
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

/** What the caller may do in the organization of the route (filled by `requires`). */
export interface OrgAccess {
  organizationId: string;
  privileges: Privilege[];
  groups: { id: string; apiKeyAccess: 'NONE' | 'VIEW_ALL' | 'EDIT_ALL' | 'CUSTOM' }[];
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    principal: Principal | null;
    orgAccess: OrgAccess;
  };
}
