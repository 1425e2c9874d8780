import { afterAll, beforeAll, expect } from 'vitest';
import { dropFileDatabase, setTestFile } from './test-database.ts';

// vitest setup file (vitest.config.ts): on PostgreSQL (KEYWARD_TEST_DATABASE_URL), each test file
// gets a database of its own, named after it, dropped after the file (SQLite: each test context
// removes its own temp file).
beforeAll(() => {
  setTestFile(expect.getState().testPath);
});
afterAll(async () => {
  await dropFileDatabase();
});
