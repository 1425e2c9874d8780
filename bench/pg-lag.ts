// Cross-instance change lag on PostgreSQL (PRODUCT.md §9/§10): two real Keyward processes on one
// database; a key is disabled/enabled through instance A and instance B's verification is polled
// until it reflects the change. Prints median, p95, p99 and max over the changes.
// Usage: KEYWARD_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/pg-lag.ts [changes]
import { bundleEntrypoints, removeBundle } from '../apps/server/test/entrypoints.ts';
import { call, login, msUntil, percentile, startInstance } from '../apps/server/test/instances.ts';
import { createScratchDatabase, dropScratchDatabase } from '../apps/server/test/test-database.ts';

const server = process.env.KEYWARD_TEST_DATABASE_URL;
if (!server) {
  console.log('pg-lag: skipped (KEYWARD_TEST_DATABASE_URL is not set)');
  process.exit(0);
}
const changes = Number(process.argv[2] ?? 200);
const B = '/rest/organizations/myorganization/apikeys';

const bundle = await bundleEntrypoints('pg-lag');
const scratch = await createScratchDatabase(server, 'pg_lag');
const env = { KEYWARD_DATABASE_URL: scratch.url };
const [a, b] = await Promise.all([startInstance(bundle, env), startInstance(bundle, env)]);
try {
  const token = await login(a.url);
  const created = await call<{ id: string; value: string }>(a.url, 'POST', `${B}?apiKeyTemplateId=push-api`, {
    token,
    body: { displayName: 'Lag', allowedIps: [] },
  });
  const { id, value } = created.body;
  const codeOnB = async () =>
    (await call<{ code: string }>(b.url, 'POST', `${B}/verify`, { body: { key: value } })).body.code;
  const lags: number[] = [];
  for (let i = 0; i < changes; i += 1) {
    const [action, expected] = i % 2 === 0 ? ['disable', 'DISABLED'] : ['activate', 'VALID'];
    await codeOnB(); // cached on B before the change
    const res = await call(a.url, 'PUT', `${B}/${id}/${action}`, { token });
    if (res.status !== 204) throw new Error(`${action}: ${res.status}`);
    lags.push(await msUntil(async () => (await codeOnB()) === expected, 1_000));
  }
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
