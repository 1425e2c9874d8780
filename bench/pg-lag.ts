// Cross-instance change lag on PostgreSQL (PRODUCT.md §9/§10), on its own: two real Keyward
// processes on a fresh database; a key is disabled/enabled through instance A and instance B's
// verification is polled until it reflects the change. Prints median, p95, p99 and max.
// (npm run bench measures the same with BENCH_DATABASE_URL, beside its 100,000 keys.)
// Usage: KEYWARD_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/pg-lag.ts [changes]
import { bundleEntrypoints, removeBundle } from '../apps/server/test/entrypoints.ts';
import { login, percentile, startInstance } from '../apps/server/test/instances.ts';
import { createScratchDatabase, dropScratchDatabase } from '../apps/server/test/test-database.ts';
import { measureLag } from './lag.ts';

const server = process.env.KEYWARD_TEST_DATABASE_URL;
if (!server) {
  console.log('pg-lag: skipped (KEYWARD_TEST_DATABASE_URL is not set)');
  process.exit(0);
}
const changes = Number(process.argv[2] ?? 200);

const bundle = await bundleEntrypoints('pg-lag');
const scratch = await createScratchDatabase(server, 'pg_lag');
const env = { KEYWARD_DATABASE_URL: scratch.url };
const [a, b] = await Promise.all([startInstance(bundle, env), startInstance(bundle, env)]);
try {
  const lags = await measureLag(a.url, b.url, await login(a.url), 'myorganization', changes);
  const f = (p: number) => percentile(lags, p).toFixed(1);
  console.log(
    `cross-instance change lag (PostgreSQL, 2 instances, ${lags.length} changes, acknowledged on A → seen by B's verification): ` +
      `median ${f(50)} ms, p95 ${f(95)} ms, p99 ${f(99)} ms, max ${Math.max(...lags).toFixed(1)} ms`,
  );
} finally {
  await Promise.all([a.stop(), b.stop()]);
  await dropScratchDatabase(server, scratch.name);
  removeBundle(bundle);
}
