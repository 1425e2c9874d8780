import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { limitRequestBodies, readJsonBodies } from './http/json-body.ts';
import { HTTPException } from 'hono/http-exception';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { isDatabaseUnavailable, type OpenedDatabase } from './db/database.ts';
import { authenticate } from './http/auth.ts';
import type { AppEnv } from './http/context.ts';
import { AppError, problemBody, problemResponse } from './http/problem.ts';
import { validationHook } from './http/validate.ts';
import { serveSpa } from './http/spa.ts';
import { createShutdownHooks, type ShutdownHooks } from './shutdown.ts';
import { KeyCache } from './features/verification/key-cache.ts';
import { createKeyChanges, type KeyChanges } from './db/key-changes.ts';
import { registerVerifyEndpoint } from './features/verification/verify-endpoint.ts';
import { UsageBuffer } from './features/verification/usage-buffer.ts';
import { Verifier } from './features/verification/verifier.ts';
import { browserUseReporter } from './features/verification/browser-use.ts';
import { createJobRunner, type JobRunner } from './jobs/job-runner.ts';
import { mailerFromConfig, type Mailer } from './mail/mailer.ts';
import { registerRoutes } from './routes.ts';
import { registerApiDocs } from './http/api-docs.ts';
import { applyHardening } from './http/hardening.ts';
import { registerAppGauges } from './observability/app-gauges.ts';
import { silentLogger, type Logger } from './observability/logger.ts';
import { createMetrics, type Metrics } from './observability/metrics.ts';

export interface AppOptions {
  db: OpenedDatabase;
  clock: Clock;
  config: Config;
  /** Folder of the built SPA; omitted in HTTP tests. */
  webRoot?: string;
  log?: (line: string) => void;
  /** The structured log (access lines, unexpected errors); default: silent. main.ts passes its own. */
  logger?: Logger;
  /** Default: from the config (KEYWARD_METRICS), no-op when off. */
  metrics?: Metrics;
  /** main.ts passes its own to run them on SIGTERM/SIGINT; tests may omit it. */
  shutdown?: ShutdownHooks;
  /** Default: from the config (KEYWARD_SMTP_URL), null when unset. */
  mailer?: Mailer | null;
  /** main.ts passes the job loop it starts; default: a runner that only runs when asked (tests, /__test__/jobs/run). */
  jobs?: JobRunner;
}

export type App = OpenAPIHono<AppEnv>;

/** What tests and benchmarks reach into an app for: flush buffered usage, run a job pass. */
export interface AppHandles {
  usage: UsageBuffer;
  jobs: JobRunner;
  /** The keys-changed seam (key-changes.ts): tests watch it; other instances' changes come in through it. */
  keyChanges: KeyChanges;
  /** main.ts serves verification on node:http before Hono with it (verify-fast-path.ts). */
  verifier: Verifier;
  config: Config;
  /** The fast path writes its own access log line and request metrics (it bypasses the middleware). */
  metrics: Metrics;
  logger: Logger;
}

const DEPS = new WeakMap<App, AppHandles>();
/** Request bodies of /rest and /oauth: at most 1 MiB (413 beyond). */
const BODY_LIMIT = 1024 * 1024;

/** The parts of an app built by createApp that tests and benchmarks drive directly. */
export function depsOf(app: App): AppHandles {
  const deps = DEPS.get(app);
  if (!deps) throw new Error('not an app built by createApp');
  return deps;
}

export function createApp(options: AppOptions): App {
  const shutdown = options.shutdown ?? createShutdownHooks();
  const logger = options.logger ?? silentLogger();
  const log = options.log ?? ((line: string) => logger.error(line));
  const metrics = options.metrics ?? createMetrics(options.config.metrics);
  const { store } = options.db;
  const keyChanges = createKeyChanges();
  const keyCache = new KeyCache(store.keyRows, keyChanges);
  const usage = new UsageBuffer(options.db.db, store.usage);
  // Other instances' committed changes (PostgreSQL: the api_keys triggers notify from the changing
  // transaction, so local changes need no forwarding); while that channel is down, read through.
  store.keyChanges.start({
    changed: (ids) => keyChanges.publish(ids, 'remote'),
    lost: () => keyCache.setReadThrough(true),
    back: () => keyCache.setReadThrough(false),
  });
  shutdown.onShutdown(() => usage.flush());
  const mailer = options.mailer === undefined ? mailerFromConfig(options.config) : options.mailer;
  const jobs =
    options.jobs ??
    createJobRunner({
      db: options.db.db,
      locks: store.locks,
      clock: options.clock,
      config: options.config,
      mailer,
      log,
    });
  jobs.addHooks({
    beforePass: () => usage.flush(),
    onKeysChanged: () => keyChanges.publish('all'),
    afterPass: (summary) => metrics.observeJobPass(summary.durationMs / 1000),
  });
  registerAppGauges(metrics, { db: options.db.db, cacheSize: () => keyCache.size });
  shutdown.onShutdown(() => jobs.stop());
  const db = options.db.db;
  const { clock, config } = options;
  const verifier = new Verifier(
    keyCache,
    usage,
    clock,
    browserUseReporter({ db, clock, config, mailer, keyChanges }, log),
  );
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.onError((err, c) => {
    if (err instanceof AppError) return problemResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) return httpExceptionProblem(c, err);
    if (isDatabaseUnavailable(err)) {
      log(`[${c.var.requestId}] ${c.req.method} ${c.req.path}: database unavailable: ${err.message}`);
      return c.body(
        JSON.stringify(problemBody(503, 'SERVICE_UNAVAILABLE', 'The database is unreachable; try again shortly.')),
        503,
        { 'content-type': 'application/problem+json', 'retry-after': '1' },
      );
    }
    logger.error({ reqId: c.var.requestId, method: c.req.method, err }, 'request failed');
    return c.body(
      JSON.stringify(problemBody(500, 'INTERNAL_ERROR', `Unexpected error (request ${c.var.requestId}).`)),
      500,
      {
        'content-type': 'application/problem+json',
      },
    );
  });
  app.notFound((c) => problemResponse(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}.`)));

  applyHardening(app, { config: options.config, logger, metrics });
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // For load balancers: 200 only while the database answers (PRODUCT.md §10).
  app.get('/readyz', async (c) => {
    try {
      await withTimeout(store.ping(), 2_000);
      return c.json({ status: 'ready' });
    } catch {
      return c.body(JSON.stringify(problemBody(503, 'SERVICE_UNAVAILABLE', 'The database is unreachable.')), 503, {
        'content-type': 'application/problem+json',
        'cache-control': 'no-store',
      });
    }
  });
  registerVerifyEndpoint(app, { verifier, config, metrics, logger }); // before the generic middleware: the hot path (PRODUCT.md §9)

  const limitBody = limitRequestBodies(BODY_LIMIT, () => {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The request body is over 1 MiB.');
  });
  app.use('/rest/*', limitBody);
  app.use('/oauth/*', limitBody);
  const authenticated = authenticate({
    db,
    clock,
    trustProxy: config.trustProxy,
    verifier,
    recordKeyPrivileges: verifier.recordExercised.bind(verifier),
  });
  app.use('/rest/*', authenticated);
  app.use('/oauth/*', authenticated);
  app.use('/rest/*', readJsonBodies());

  registerRoutes(app, { db, clock, config, mailer, verifier, usage, jobs, keyChanges });

  app.openAPIRegistry.registerComponent('securitySchemes', 'accessToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'An access token from POST /rest/auth/login, or an API key where a route allows API keys.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kw_session',
    description: 'The session cookie; mutating requests must also send X-CSRF-Token (from GET /rest/auth/me).',
  });
  app.doc31('/rest/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Keyward API', version: '1.0.0', description: 'Manage the API keys of an organization.' },
    security: [{ accessToken: [] }, { sessionCookie: [] }],
  });
  registerApiDocs(app);

  if (options.webRoot) serveSpa(app, options.webRoot);
  DEPS.set(app, { usage, jobs, keyChanges, verifier, config, metrics, logger });
  return app;
}

/**
 * Hono's own client errors (malformed JSON, a body that is not JSON where JSON is required, 413).
 * A wrong content type is reported as 400 like any other malformed request (PRODUCT.md §3.4).
 */
function httpExceptionProblem(c: Context, err: HTTPException): Response {
  const status = err.status === 415 ? 400 : (err.status as ContentfulStatusCode);
  const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_REQUEST';
  const expected = c.req.path.startsWith('/oauth/') ? 'application/x-www-form-urlencoded' : 'application/json';
  const detail =
    err.status === 415
      ? `Unsupported Content-Type: send the body as ${expected}.`
      : err.message || 'Malformed request.';
  return c.body(JSON.stringify(problemBody(status, code, detail)), status, {
    'content-type': 'application/problem+json',
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
