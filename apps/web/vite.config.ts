import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Writes .br and .gz beside each compressible file of dist/: the server sends them as they are. */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'keyward-precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle: () => {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
          const full = path.join(dir, e.name);
          return e.isDirectory() ? walk(full) : [full];
        });
      for (const file of walk(outDir)) {
        if (!/\.(js|css|html|svg|json|txt|map)$/.test(file)) continue;
        const data = fs.readFileSync(file);
        if (data.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
        fs.writeFileSync(
          `${file}.br`,
          zlib.brotliCompressSync(data, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length },
          }),
        );
      }
    },
  };
}

const ZOD_CONFIG = fileURLToPath(new URL('./src/lib/zod-config.ts', import.meta.url));

/**
 * Every `import … from 'zod'` of the console and of the packages it uses (the contract's schemas)
 * goes through src/lib/zod-config.ts, which sets zod's jitless mode before it re-exports zod: no
 * schema can be built before the config, whichever lazy chunk builds it first.
 */
function zodJitless(): Plugin {
  return {
    name: 'keyward-zod-jitless',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'zod' || !importer || path.resolve(importer) === ZOD_CONFIG) return null;
      return ZOD_CONFIG;
    },
  };
}

const src = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));
const ENTRY = src('main.tsx');
/** Runs before the app (see bootFirst): it and what it imports stay in chunks without React. */
const BOOT = src('app/boot.ts');
const WEB_SRC = src('');
/** The console frame and the API Keys page, where everyone lands after logging in. */
const CONSOLE_ROOTS = [
  src('app/layout/org-layout.tsx'),
  src('app/routes/api-keys.tsx'),
  src('components/ui/toast-viewport.tsx'),
];

type ModuleInfoOf = (id: string) => { importedIds: readonly string[] } | null;

/** The modules `roots` import, directly or not, without dynamic imports. */
function staticClosure(roots: readonly string[], info: ModuleInfoOf): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(info(id)?.importedIds ?? []));
  }
  return seen;
}

let closures: { info: ModuleInfoOf; boot: Set<string>; entry: Set<string>; console: Set<string> } | undefined;

/**
 * The initial bundle (index.html's scripts and their modulepreloads) is `boot` (app/boot.ts and the
 * API client, which send the first requests before React runs), React, the router with the query
 * cache, and the entry: the session, redirects, errors and the router's loaders. The rest comes in a
 * few chunks requested together, so that HTTP/1.1's six connections are not a queue:
 * - `console`: the frame and the API Keys page (what the entry does not hold already);
 * - `radix`: the primitives (menus, dialogs, tooltips, toasts), which the frame needs from the start;
 * - `zod` and `forms`: only the lazy pages that edit something use them;
 * - the other pages, each in its own chunk (Rollup's).
 * Libraries change less often than the console: their chunks stay cached across deploys.
 */
function chunkOf(id: string, { getModuleInfo }: { getModuleInfo: ModuleInfoOf }): string | undefined {
  // React is CommonJS: Rollup's helpers for it go with it rather than in a chunk of their own.
  if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id) || id === '\0commonjsHelpers.js') return 'react';
  if (/node_modules[\\/](react-router|@tanstack)[\\/]/.test(id)) return 'router-query';
  if (
    /node_modules[\\/](@radix-ui|radix-ui|@floating-ui|react-remove-scroll|react-remove-scroll-bar|aria-hidden|use-callback-ref|use-sidecar|react-style-singleton|get-nonce|tslib)[\\/]/.test(
      id,
    )
  )
    return 'radix';
  if (/node_modules[\\/](react-hook-form|@hookform)[\\/]/.test(id)) return 'forms';
  if (/node_modules[\\/]zod[\\/]/.test(id) || path.resolve(id) === ZOD_CONFIG) return 'zod';
  if (closures?.info !== getModuleInfo) {
    closures = {
      info: getModuleInfo,
      boot: staticClosure([BOOT], getModuleInfo),
      entry: staticClosure([ENTRY], getModuleInfo),
      console: staticClosure(CONSOLE_ROOTS, getModuleInfo),
    };
  }
  if (/vite[\\/]preload-helper/.test(id) || (id.startsWith(WEB_SRC) && closures.boot.has(id))) return 'boot';
  if (id.startsWith(WEB_SRC) && closures.console.has(id) && !closures.entry.has(id)) return 'console';
  return undefined;
}

/**
 * index.html runs app/boot.ts before the app: module scripts run in document order, each once its
 * own imports have loaded, so boot (a few KB without React) sends the first requests while React and
 * the router are still loading and being evaluated. main.tsx imports it too (for `vite dev`); a
 * module runs once.
 */
function bootFirst(): Plugin {
  return {
    name: 'keyward-boot-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const boot = Object.values(ctx.bundle ?? {}).find(
          (chunk) => chunk.type === 'chunk' && chunk.isEntry && chunk.facadeModuleId === BOOT,
        );
        const app = html.indexOf('<script type="module"');
        if (!boot || app < 0) throw new Error('index.html: no boot entry, or no app script to put it before');
        const tag = `<script type="module" crossorigin src="/${boot.fileName}"></script>\n    `;
        return html.slice(0, app) + tag + html.slice(app);
      },
    },
  };
}

// The server serves dist/ on its own port (PRODUCT.md §1); in `vite dev` the API is proxied to it.
export default defineConfig({
  base: '/',
  plugins: [zodJitless(), react(), bootFirst(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      // index.html's app, and app/boot.ts: a second entry, whose script bootFirst() puts first.
      input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), boot: BOOT },
      // The domain package is pure (no I/O, no side effects at load), but its package.json does not
      // say so: without this, its IP-range tables and ipaddr.js would ship in the initial bundle.
      treeshake: {
        moduleSideEffects: (id) => !/packages[\\/]domain[\\/]|node_modules[\\/]ipaddr\.js[\\/]/.test(id),
      },
      output: {
        manualChunks: chunkOf,
        // A module goes in a named chunk only when chunkOf names it (not as a dependency of one).
        onlyExplicitManualChunks: true,
      },
    },
  },
  server: {
    proxy: {
      '/rest': 'http://127.0.0.1:8787',
      '/healthz': 'http://127.0.0.1:8787',
    },
  },
});
