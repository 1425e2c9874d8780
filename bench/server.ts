import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../apps/server/src/clock.ts';
import { readConfig } from '../apps/server/src/config.ts';
import { openDatabase } from '../apps/server/src/db/database.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { bootstrap } from '../apps/server/src/features/people/bootstrap.ts';
import { seedKeys, type SampleKey } from './seed-keys.ts';

export const ORG = 'benchorg';
const ADMIN = { email: 'bench@example.com', password: 'bench password 123' };

export interface BenchServer {
  url: string;
  token: string;
  sampleKeys: SampleKey[];
  /** A usable key, created through the API, for the bearer-token load. */
  bearerKey: string;
  dir: string;
  stop: () => Promise<void>;
}

/** A fresh database with `keyCount` keys, served by the real server (built dist) in a child process. */
export async function startBenchServer(keyCount: number, port: number): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-bench-'));
  const env = {
    KEYWARD_DB: path.join(dir, 'keyward.db'),
    KEYWARD_ORG_ID: ORG,
    KEYWARD_ADMIN_EMAIL: ADMIN.email,
    KEYWARD_ADMIN_PASSWORD: ADMIN.password,
    KEYWARD_JOBS_INTERVAL_S: '3600',
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  const config = readConfig(env);
  const opened = openDatabase(config.dbFile);
  await migrateToLatest(opened.db);
  const now = Date.now();
  await bootstrap(opened.db, config, new ManualClock(now).now());
  const admin = await opened.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', ADMIN.email)
    .executeTakeFirstOrThrow();
  const sampleKeys = await seedKeys(opened.db, { organizationId: ORG, count: keyCount, now, createdBy: admin.id });
  await opened.close();

  // The structured log (one access line per request at info, as in production) goes to a file, as a
  // log collector would take it, not to the terminal that prints the figures.
  const logFd = fs.openSync(path.join(dir, 'server.log'), 'a');
  const child = spawn(process.execPath, ['apps/server/dist/main.js'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', logFd],
  });
  fs.closeSync(logFd);
  await waitForListening(child);
  const url = `http://127.0.0.1:${port}`;
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
  return {
    url,
    token: accessToken,
    sampleKeys,
    bearerKey,
    dir,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
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
