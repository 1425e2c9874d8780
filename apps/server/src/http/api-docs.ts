import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';

// /rest/docs: Swagger UI served entirely by Keyward, from the swagger-ui-dist package pinned by the
// lockfile (resolved from node_modules at run time, so the bundled server in dist/ finds it too).
// No CDN, no inline script: the page passes the Content-Security-Policy with only 'self'.

const ASSETS: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Keyward API</title>
    <link rel="icon" type="image/png" href="/rest/docs/assets/favicon-32x32.png" />
    <link rel="stylesheet" href="/rest/docs/assets/swagger-ui.css" />
  </head>
  <body>
    <noscript>The API is described by <a href="/rest/openapi.json">/rest/openapi.json</a> (OpenAPI 3.1).</noscript>
    <div id="swagger-ui" data-url="/rest/openapi.json"></div>
    <script src="/rest/docs/assets/swagger-ui-bundle.js"></script>
    <script src="/rest/docs/init.js"></script>
  </body>
</html>
`;

// validatorUrl null: Swagger UI would otherwise load a badge from validator.swagger.io.
const INIT = `window.ui = SwaggerUIBundle({
  url: document.getElementById('swagger-ui').dataset.url,
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
});
`;

function swaggerUiDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('swagger-ui-dist/package.json'));
}

/** Registers GET /rest/docs, /rest/docs/init.js and /rest/docs/assets/{file}. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function registerApiDocs(app: Hono<any>): void {
  const dir = swaggerUiDir();
  const cache = new Map<string, Buffer>();
  const asset = (name: string): Buffer => {
    let content = cache.get(name);
    if (!content) {
      content = fs.readFileSync(path.join(dir, name));
      cache.set(name, content);
    }
    return content;
  };
  app.get('/rest/docs', (c) => c.html(PAGE));
  app.get('/rest/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/rest/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!type) return c.notFound();
    // The versions are pinned: an hour in the browser's cache, revalidated after.
    return c.body(new Uint8Array(asset(file)), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=3600',
    });
  });
}
