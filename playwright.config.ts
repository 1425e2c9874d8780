import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_PORT } from './e2e/env.ts';

// The journeys run against the built console served by the real server, on a fresh SQLite file.
// Nothing is built here: `npm test` runs `npm run build` first.
const root = path.dirname(fileURLToPath(import.meta.url));
const dataDir = path.join(root, 'tmp', 'e2e');
// Workers load this file too: only the runner (before it starts the server) starts from a fresh database.
if (!process.env.TEST_WORKER_INDEX) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
}

function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined; // Playwright's own
}

const launchArgs = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  outputDir: 'test-results',
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    viewport: { width: 1440, height: 900 },
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumPath(), args: launchArgs },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node apps/server/dist/main.js',
    cwd: root,
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(E2E_PORT),
      HOST: '127.0.0.1',
      KEYWARD_DB: path.join(dataDir, 'keyward.db'),
      KEYWARD_CLOCK: 'manual',
      KEYWARD_ADMIN_EMAIL: E2E_ADMIN_EMAIL,
      KEYWARD_ADMIN_PASSWORD: E2E_ADMIN_PASSWORD,
      KEYWARD_JOBS_INTERVAL_S: '3600',
      // The access log (one JSON line per request on stderr) would drown the test report.
      KEYWARD_LOG_LEVEL: 'warn',
    },
  },
});
