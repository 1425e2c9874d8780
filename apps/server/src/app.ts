import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import type { OpenedDatabase } from './db/database.ts';
import { authenticate } from './http/auth.ts';
import type { AppEnv, Deps } from './http/context.ts';
import { AppError, problemBody, problemResponse } from './http/problem.ts';
import { validationHook } from './http/validate.ts';
import { registerFeatureRoutes } from './features/index.ts';
import { serveSpa } from './http/spa.ts';

export interface AppOptions {
  db: OpenedDatabase;
  clock: Clock;
  config: Config;
  /** Folder of the built SPA; omitted in HTTP tests. */
  webRoot?: string;
  log?: (line: string) => void;
}

export type App = OpenAPIHono<AppEnv>;

export function createApp(options: AppOptions): App {
  const deps: Deps = { db: options.db.db, sqlite: options.db.sqlite, clock: options.clock, config: options.config };
  const log = options.log ?? ((line: string) => console.error(line));
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.onError((err, c) => {
    if (err instanceof AppError) return problemResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      const code = err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'MALFORMED_REQUEST';
      return c.body(JSON.stringify(problemBody(err.status, code, err.message || 'Malformed request.')), err.status, {
        'content-type': 'application/problem+json',
      });
    }
    log(`[${c.var.requestId}] ${c.req.method} ${c.req.path} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return c.body(JSON.stringify(problemBody(500, 'INTERNAL_ERROR', `Unexpected error (request ${c.var.requestId}).`)), 500, {
      'content-type': 'application/problem+json',
    });
  });
  app.notFound((c) => problemResponse(c, new AppError('NOT_FOUND', `No route for ${c.req.method} ${c.req.path}.`)));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    '/rest/*',
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', 'The request body is over 1 MiB.');
      },
    }),
  );
  app.use('/rest/*', authenticate);
  app.use('/oauth/*', authenticate);

  registerFeatureRoutes(app, deps);

  app.doc31('/rest/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Keyward API', version: '1.0.0', description: 'Manage the API keys of an organization.' },
  });
  app.get('/rest/docs', swaggerUI({ url: '/rest/openapi.json' }));

  if (options.webRoot) serveSpa(app, options.webRoot);
  return app;
}
