import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBenchDatabase, seedBenchDatabase, type BenchDatabase } from './bench-database.ts';
import type { SampleKey } from './seed-keys.ts';

export const ORG = 'benchorg';
const ADMIN = { email: 'bench@example.com', password: 'bench password 123' };

export interface BenchServer {
  url: string;
  token: string;
  sampleKeys: SampleKey[];
  /** A usable key, created through the API, for the bearer-token load. */
  bearerKey: string;
  dir: string;
  database: BenchDatabase;
  /** Another server process on the same database (PostgreSQL: a second instance). */
  startAnother: (port: number) => Promise<{ url: string; stop: () => Promise<void> }>;
  /** Stops the server(s) and removes the data (PostgreSQL: drops the database). */
  stop: () => Promise<void>;
}

/**
 * A fresh database with `keyCount` keys, served by the real server (built dist) in a child process:
 * a SQLite file, or a new PostgreSQL database on the server of `databaseUrl` (BENCH_DATABASE_URL).
 */
export async function startBenchServer(
  keyCount: number,
  port: number,
  databaseUrl = process.env.BENCH_DATABASE_URL || undefined,
): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-bench-'));
  const database = await createBenchDatabase(dir, databaseUrl);
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    await database.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    const env = {
      ...database.env,
      KEYWARD_ORG_ID: ORG,
      KEYWARD_ADMIN_EMAIL: ADMIN.email,
      KEYWARD_ADMIN_PASSWORD: ADMIN.password,
      KEYWARD_JOBS_INTERVAL_S: '3600',
      HOST: '127.0.0.1',
    };
    const sampleKeys = await seedBenchDatabase(database, env, keyCount, ADMIN.email);
    const startAnother = async (at: number) => {
      // The structured log (one access line per request at info, as in production) goes to a file, as a
      // log collector would take it, not to the terminal that prints the figures.
      const logFd = fs.openSync(path.join(dir, `server-${at}.log`), 'a');
      const child = spawn(process.execPath, [...profileArgs(), 'apps/server/dist/main.js'], {
        env: { ...process.env, ...env, PORT: String(at) },
        stdio: ['ignore', 'pipe', logFd],
      });
      fs.closeSync(logFd);
      children.push(child);
      await waitForListening(child);
      return { url: `http://127.0.0.1:${at}`, stop: () => stopChild(child) };
    };
    const { url } = await startAnother(port);
    const { token, bearerKey } = await loginAndBearerKey(url);
    return { url, token, sampleKeys, bearerKey, dir, database, startAnother, stop };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}

/** BENCH_CPU_PROF=<folder>: each server process writes a V8 CPU profile there when it stops (node --cpu-prof). */
function profileArgs(): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

async function loginAndBearerKey(url: string): Promise<{ token: string; bearerKey: string }> {
  const login = await fetch(`${url}/rest/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!login.ok) throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await fetch(`${url}/rest/organizations/${ORG}/apikeys?apiKeyTemplateId=anonymous-search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ displayName: 'Bench bearer key' }),
  });
  if (created.status !== 201) throw new Error(`bench key creation failed: ${created.status} ${await created.text()}`);
  const { value: bearerKey } = (await created.json()) as { value: string };
  return { token: accessToken, bearerKey };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function waitForListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start within 30 s')), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}
