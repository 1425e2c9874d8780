import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from './context.ts';

const NOT_BUILT = '<!doctype html><title>Keyward</title><p>The console is not built: run npm run build.</p>';
/** Hashed file names change with their content: a year, never revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built SPA: hashed assets cached for a year, precompressed (.br/.gz written by the
 * build) when the browser accepts it; every other GET outside /rest answers index.html, read once
 * at start, revalidated on each visit (`no-cache`) so a deploy is picked up at once.
 */
export function serveSpa(app: OpenAPIHono<AppEnv>, webRoot: string): void {
  const root = path.relative(process.cwd(), webRoot) || '.';
  const indexFile = path.join(webRoot, 'index.html');
  const html = fs.existsSync(indexFile) ? fs.readFileSync(indexFile, 'utf8') : NOT_BUILT;
  const index = (c: Context<AppEnv>) => {
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  };
  app.use(
    '/assets/*',
    async (c, next) => {
      await next();
      // After the file is found (onFound would mutate headers already handed to the Response).
      if (c.res.status === 200 || c.res.status === 206) c.header('Cache-Control', IMMUTABLE);
    },
    serveStatic({ root, precompressed: true }),
  );
  app.get('/', index);
  app.get('/index.html', index);
  app.use('*', serveStatic({ root, precompressed: true }));
  app.get('*', (c) => {
    const p = c.req.path;
    if (p.startsWith('/rest/') || p.startsWith('/__test__/') || p.startsWith('/assets/')) return c.notFound();
    return index(c);
  });
}
