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
    },
  },
  server: {
    proxy: {
      '/rest': 'http://127.0.0.1:8787',
      '/healthz': 'http://127.0.0.1:8787',
    },
  },
});
