import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
    pool: 'forks',
    // KEYWARD_TEST_DATABASE_URL: drops each test file's PostgreSQL database after the file.
    setupFiles: ['apps/server/src/test/database-setup.ts'],
    testTimeout: 20_000,
  },
});
