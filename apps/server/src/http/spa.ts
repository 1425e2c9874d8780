import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context.ts';

/** Serves the built SPA: hashed assets cached for a year, every other GET outside /rest answers index.html. */
export function serveSpa(app: OpenAPIHono<AppEnv>, webRoot: string): void {
  const root = path.relative(process.cwd(), webRoot) || '.';
  const indexFile = path.join(webRoot, 'index.html');
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root }));
  app.get('*', (c) => {
    if (c.req.path.startsWith('/rest/') || c.req.path.startsWith('/__test__/')) return c.notFound();
    const html = fs.existsSync(indexFile)
      ? fs.readFileSync(indexFile, 'utf8')
      : '<!doctype html><title>Keyward</title><p>The console is not built: run npm run build.</p>';
    c.header('Cache-Control', 'no-store');
    return c.html(html);
  });
}
