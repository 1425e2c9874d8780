import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/server/src/**/*.test.ts', 'apps/web/src/**/*.test.{ts,tsx}'],
    pool: 'forks',
    // KEYWARD_TEST_DATABASE_URL: drops each test file's PostgreSQL database after the file.
    setupFiles: ['apps/server/test/database-setup.ts'],
    // PostgreSQL (KEYWARD_TEST_DATABASE_URL): every query is a round trip; the long job-series tests need more time.
    testTimeout: process.env.KEYWARD_TEST_DATABASE_URL ? 60_000 : 20_000,
  },
});
