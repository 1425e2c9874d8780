// npm run test:pg: the server's HTTP suite (and the two-instance test) on PostgreSQL, when
// KEYWARD_TEST_DATABASE_URL names a server; otherwise says clearly that this run was not done.
// Each test file gets a database of its own on that server (apps/server/test/test-database.ts).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

// pg is a dependency of the server (apps/server/package.json), not of the root: resolve it from there.
const pg = createRequire(new URL('../apps/server/package.json', import.meta.url))('pg');

const url = process.env.KEYWARD_TEST_DATABASE_URL;
const banner = (line) => console.log(`\n==== ${line} ====\n`);

if (!url) {
  banner(
    'PostgreSQL run SKIPPED: KEYWARD_TEST_DATABASE_URL is not set, so the HTTP suite and the two-instance test ran on SQLite only ' +
      '(set it to e.g. postgres://postgres@127.0.0.1:5432/postgres; .ci/run always does)',
  );
  process.exit(0);
}

const safeUrl = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
try {
  await client.connect();
  const { rows } = await client.query('show server_version');
  console.log(`PostgreSQL ${rows[0].server_version} at ${safeUrl}`);
} catch (err) {
  banner(`PostgreSQL run FAILED: cannot reach ${safeUrl}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
} finally {
  await client.end().catch(() => undefined);
}

const extra = process.argv.slice(2);
const result = spawnSync('npx', ['vitest', 'run', ...(extra.length > 0 ? extra : ['apps/server/src'])], {
  stdio: 'inherit',
  env: process.env,
});
banner(
  result.status === 0
    ? `PostgreSQL run PASSED (HTTP suite and two-instance test on ${safeUrl})`
    : `PostgreSQL run FAILED (exit ${result.status})`,
);
process.exit(result.status ?? 1);
