// npm run bench: prints each figure of PRODUCT.md §9 with its target, measured in one run on this
// machine. Needs the built app (npm run build). Load comes from wrk (Debian's package, installed when
// missing and run as root) in its own process; the bare node:http floor runs beside Keyward.
// BENCH_KEYS (100000), BENCH_DURATION_S (6 s per load), BENCH_ONLY=verify,list,page,create,lag,spa,jobs.
// BENCH_DATABASE_URL=postgres://user@host:port/any: the server's figures (verify, list, page, create)
// on PostgreSQL, in a fresh database keyward_bench_<random> on that server (dropped afterwards), and
// the cross-instance change lag (lag) with a second server process on it. Without it: SQLite.
// spa and jobs (bench/jobs-pass.ts, in process) do not depend on it: jobs runs on SQLite.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from '../apps/server/test/instances.ts';
import { measureListing, measureCreate } from './api-figures.ts';
import { measureLag } from './lag.ts';
import { measureSpaSize, measurePageInteractive, measureAssetCaching } from './spa-figures.ts';
import { startBenchServer, ORG, type BenchServer } from './server.ts';
import { ensureWrk, postScript, runWrk, type WrkResult } from './wrk.ts';

const KEYS = Number(process.env.BENCH_KEYS ?? 100_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 6);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'verify,list,page,create,lag,spa,jobs').split(','));
const LAG_CHANGES = 200;
const PORT = 8911;
const FLOOR_PORT = 8912;
const SECOND_PORT = 8913;
let failures = 0;

function report(name: string, value: string, target: string, ok: boolean): void {
  if (!ok) failures += 1;
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}  (target ${target})`);
}

const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const fmt = (r: WrkResult) =>
  `${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms${r.errors + r.non2xx > 0 ? `, ${r.errors} socket errors, ${r.non2xx} non-2xx` : ''}`;

async function startFloor(dir: string, keys: readonly string[]): Promise<ChildProcess> {
  const file = path.join(dir, 'floor-keys.txt');
  fs.writeFileSync(file, keys.join('\n'));
  const child = spawn(process.execPath, ['bench/floor-server.mjs', String(FLOOR_PORT), file, String(KEYS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  return child;
}

async function verificationFigures(server: BenchServer): Promise<void> {
  const wrk = ensureWrk();
  if (!wrk) {
    console.log('SKIP  verification: wrk is not installed (apt-get install wrk)');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-wrk-'));
  const bodies = server.sampleKeys.map((k) =>
    JSON.stringify({ key: k.value, ip: '203.0.113.7', ...(k.privilege ? { privileges: [k.privilege] } : {}) }),
  );
  const script = postScript(dir, 'verify', bodies);
  const floor = await startFloor(
    dir,
    server.sampleKeys.map((k) => k.value),
  );
  const verifyUrl = `${server.url}/rest/organizations/${ORG}/apikeys/verify`;
  const bearerKey = server.bearerKey;
  const seconds = DURATION_S;
  try {
    await runWrk(wrk, verifyUrl, { seconds: 2, script }); // warm: JIT, key cache
    await runWrk(wrk, `http://127.0.0.1:${FLOOR_PORT}/`, { seconds: 1, script });
    for (const round of [1, 2]) {
      // The floor and verification in alternating slices, so that both see the same machine (its
      // speed drifts by a tenth within seconds here); /healthz and the bearer load after them.
      const [floorRun, verify] = await interleaved(
        wrk,
        { url: `http://127.0.0.1:${FLOOR_PORT}/`, script },
        { url: verifyUrl, script },
      );
      const health = await runWrk(wrk, `${server.url}/healthz`, { seconds });
      const bearer = await runWrk(wrk, `${server.url}/rest/organizations/${ORG}/privileges/me`, {
        seconds,
        headers: [`Authorization: Bearer ${bearerKey}`],
      });
      console.log(
        `      round ${round} (wrk -t1 -c50; floor and verify in ${SLICES} alternating slices of ${Math.max(1, Math.round(seconds / SLICES))} s each, the others ${seconds} s; load average ${load()}):`,
      );
      console.log(`        floor (bare node:http)   ${fmt(floorRun)}`);
      console.log(`        GET /healthz             ${fmt(health)}`);
      console.log(`        POST …/apikeys/verify    ${fmt(verify)}`);
      console.log(`        API key as bearer (GET …/privileges/me) ${fmt(bearer)}`);
      const clean = verify.errors + verify.non2xx === 0;
      const vsHealth = verify.rps / health.rps;
      const vsFloor = verify.rps / floorRun.rps;
      const p99Ratio = verify.p99 / floorRun.p99;
      report(
        `round ${round}: verification / healthz throughput`,
        vsHealth.toFixed(2),
        '>= 0.75',
        vsHealth >= 0.75 && clean,
      );
      report(`round ${round}: verification / floor throughput`, vsFloor.toFixed(2), '>= 0.70', vsFloor >= 0.7 && clean);
      report(
        `round ${round}: verification p99 / floor p99`,
        `${p99Ratio.toFixed(2)} (${verify.p99.toFixed(2)} ms vs ${floorRun.p99.toFixed(2)} ms)`,
        '<= 3',
        p99Ratio <= 3,
      );
      console.log(
        `      round ${round}: API key as bearer / healthz ${(bearer.rps / health.rps).toFixed(2)} (no target)`,
      );
    }
  } finally {
    floor.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const SLICES = 3;

/**
 * Each target for DURATION_S in all, in SLICES alternating wrk runs: requests/s over all its slices,
 * p50 the median of the slices', p99 the worst slice's; errors summed.
 */
async function interleaved(
  wrk: string,
  ...targets: [{ url: string; script?: string }, { url: string; script?: string }]
): Promise<[WrkResult, WrkResult]> {
  const seconds = Math.max(1, Math.round(DURATION_S / SLICES));
  const runs: [WrkResult[], WrkResult[]] = [[], []];
  for (let slice = 0; slice < SLICES; slice += 1)
    for (const i of [0, 1] as const)
      runs[i].push(await runWrk(wrk, targets[i].url, { seconds, script: targets[i].script }));
  const combined = (slices: WrkResult[]): WrkResult => {
    const p50s = slices.map((r) => r.p50).sort((a, b) => a - b);
    return {
      rps: slices.reduce((sum, r) => sum + r.rps, 0) / slices.length,
      p50: p50s[Math.floor(p50s.length / 2)] ?? Number.NaN,
      p99: Math.max(...slices.map((r) => r.p99)),
      errors: slices.reduce((sum, r) => sum + r.errors, 0),
      non2xx: slices.reduce((sum, r) => sum + r.non2xx, 0),
    };
  };
  return [combined(runs[0]), combined(runs[1])];
}

/** PostgreSQL: a second instance on the same database sees the changes acknowledged by the first. */
async function lagFigures(server: BenchServer): Promise<void> {
  const other = await server.startAnother(SECOND_PORT);
  try {
    const lags = await measureLag(server.url, other.url, server.token, ORG, LAG_CHANGES);
    const [median, p99, max] = [percentile(lags, 50), percentile(lags, 99), Math.max(...lags)];
    console.log(`      cross-instance change lag over ${lags.length} changes: median ${median.toFixed(1)} ms`);
    report(
      "change on one instance seen by the other's verification (p99)",
      `${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms`,
      '<= 100 ms, max < 1 s',
      p99 <= 100 && max < 1000,
    );
  } finally {
    await other.stop();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`Keyward benchmarks: ${KEYS} keys, ${DURATION_S} s per load, load average ${load()}`);
  const needsServer = ['verify', 'list', 'page', 'create', 'lag'].some((f) => ONLY.has(f));
  if (needsServer) {
    const seeding = performance.now();
    const server = await startBenchServer(KEYS, PORT);
    console.log(
      `      server on ${server.database.label}, ${KEYS} keys seeded and serving in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );
    try {
      if (ONLY.has('verify')) await verificationFigures(server);
      if (ONLY.has('list')) {
        const listing = await measureListing(server.url, server.token, ORG);
        report('list: filtered, sorted page of 50 (p95)', `${listing.p95.toFixed(1)} ms`, '< 10 ms', listing.p95 < 10);
      }
      if (ONLY.has('page')) {
        const page = await measurePageInteractive(server.url);
        if (page === null) console.log('SKIP  API Keys page interactive: no Chromium found');
        else
          report(
            `API Keys page interactive with ${KEYS} keys (median of ${page.samples.length} first visits: ${page.samples.join(', ')} ms)`,
            `${page.median} ms`,
            '< 1000 ms',
            page.median < 1000,
          );
        const caching = await measureAssetCaching(server.url);
        report('SPA assets compressed, hashed files immutable, index.html no-cache', caching.detail, 'all', caching.ok);
      }
      if (ONLY.has('create')) {
        const created = await measureCreate(server.url, server.token, ORG, 10_000);
        report(
          'create 10,000 keys through the API (8 clients)',
          `${(created / 1000).toFixed(1)} s`,
          '< 10 s',
          created < 10_000,
        );
      }
      if (ONLY.has('lag')) {
        if (server.database.kind === 'postgres') await lagFigures(server);
        else console.log('SKIP  cross-instance change lag: one instance on SQLite (set BENCH_DATABASE_URL)');
      }
    } finally {
      await server.stop();
    }
  }
  if (ONLY.has('spa')) {
    const spa = measureSpaSize();
    report('SPA initial JavaScript (gzip)', `${spa.toFixed(1)} KB`, '< 150 KB', spa < 150);
  }
  if (ONLY.has('jobs')) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/jobs-pass.ts'], {
      encoding: 'utf8',
      env: { ...process.env, BENCH_KEYS: String(KEYS) },
    });
    process.stdout.write(out);
    failures += (out.match(/^FAIL/gm) ?? []).length;
  }
  console.log(
    `${failures === 0 ? 'All figures at target' : `${failures} figure(s) off target`} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
