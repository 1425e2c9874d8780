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
  },
  server: {
    proxy: {
      '/rest': 'http://127.0.0.1:8787',
      '/healthz': 'http://127.0.0.1:8787',
    },
  },
});
