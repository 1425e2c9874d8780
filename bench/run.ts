// npm run bench: prints each figure of PRODUCT.md §9, measured in one run on this machine.
// Needs the built app (npm run build); uses Debian's Chromium for the page figure when present.
import { execFileSync } from 'node:child_process';
import autocannon from 'autocannon';
import { measureListing, measureCreate } from './api-figures.ts';
import { measureSpaSize, measurePageInteractive } from './spa-figures.ts';
import { startBenchServer, ORG } from './server.ts';

const KEYS = Number(process.env.BENCH_KEYS ?? 100_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);

function report(name: string, value: string, target: string, ok: boolean): void {
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}: ${value}  (target ${target})`);
}

async function cannon(url: string, opts: Partial<autocannon.Options>): Promise<autocannon.Result> {
  return autocannon({ url, connections: 50, duration: DURATION_S, ...opts });
}

async function verificationFigures(url: string, keys: string[]): Promise<void> {
  const health = await cannon(`${url}/healthz`, {});
  let i = 0;
  const verify = await cannon(`${url}/rest/organizations/${ORG}/apikeys/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    setupClient: (client) => {
      client.setBody(JSON.stringify({ key: keys[0], ip: '203.0.113.7' }));
    },
    requests: [
      {
        setupRequest: (req) => {
          i = (i + 1) % keys.length;
          return { ...req, body: JSON.stringify({ key: keys[i], ip: '203.0.113.7' }) };
        },
      },
    ],
  });
  const ratio = verify.requests.average / health.requests.average;
  console.log(
    `      healthz ${Math.round(health.requests.average)} req/s, verify ${Math.round(verify.requests.average)} req/s, verify errors ${verify.non2xx + verify.errors}`,
  );
  report('verification throughput / healthz', ratio.toFixed(2), '>= 0.6', ratio >= 0.6);
  report('verification p99 latency', `${verify.latency.p99} ms`, '< 5 ms', verify.latency.p99 < 5);
}

async function main(): Promise<void> {
  console.log(`Keyward benchmarks: ${KEYS} keys, ${DURATION_S} s per load test`);
  const server = await startBenchServer(KEYS, 8911);
  try {
    await verificationFigures(server.url, server.sampleKeys);
    const listing = await measureListing(server.url, server.token, ORG);
    report('list: filtered, sorted page of 50 (p95)', `${listing.p95.toFixed(1)} ms`, '< 20 ms', listing.p95 < 20);
    const page = await measurePageInteractive(server.url);
    if (page === null) console.log('SKIP  API Keys page interactive: no Chromium found');
    else report(`API Keys page interactive with ${KEYS} keys`, `${page} ms`, '< 1500 ms', page < 1500);
    const created = await measureCreate(server.url, server.token, ORG, 10_000);
    report('create 10,000 keys through the API', `${(created / 1000).toFixed(1)} s`, '< 15 s', created < 15_000);
  } finally {
    await server.stop();
  }
  const spa = measureSpaSize();
  report('SPA initial JavaScript (gzip)', `${spa.toFixed(1)} KB`, '< 200 KB', spa < 200);
  const jobs = execFileSync(process.execPath, ['--import', 'tsx', 'bench/jobs-pass.ts'], {
    encoding: 'utf8',
    env: { ...process.env, BENCH_KEYS: String(KEYS) },
  });
  process.stdout.write(jobs);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
