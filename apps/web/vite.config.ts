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

// The server serves dist/ on its own port (PRODUCT.md §1); in `vite dev` the API is proxied to it.
export default defineConfig({
  base: '/',
  plugins: [zodJitless(), react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      // The domain package is pure (no I/O, no side effects at load), but its package.json does not
      // say so: without this, its IP-range tables and ipaddr.js would ship in the initial bundle.
      treeshake: {
        moduleSideEffects: (id) => !/packages[\\/]domain[\\/]|node_modules[\\/]ipaddr\.js[\\/]/.test(id),
      },
      output: {
        // Libraries change less often than the console: their own chunks stay cached across deploys.
        manualChunks: (id) => {
          if (/node_modules[\\/](react|react-dom|scheduler)[\\/]/.test(id)) return 'react';
          if (/node_modules[\\/](react-router|@tanstack)[\\/]/.test(id)) return 'router-query';
          if (
            /node_modules[\\/](@radix-ui|radix-ui|@floating-ui|react-remove-scroll|react-remove-scroll-bar|aria-hidden|use-callback-ref|use-sidecar|react-style-singleton|get-nonce|tslib)[\\/]/.test(
              id,
            )
          )
            return 'radix';
          // Forms and schemas are only in the lazy pages (wizard, key page, groups).
          if (/node_modules[\\/](react-hook-form|@hookform)[\\/]/.test(id)) return 'forms';
          if (/node_modules[\\/]zod[\\/]/.test(id) || path.resolve(id) === ZOD_CONFIG) return 'zod';
          return undefined;
        },
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
