import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves dist/ on its own port (PRODUCT.md §1); in `vite dev` the API is proxied to it.
export default defineConfig({
  base: '/',
  plugins: [react()],
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
          if (/node_modules[\\/]zod[\\/]/.test(id)) return 'zod';
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
