import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './entrypoints.ts';

// Real server processes (the bundled main.ts, as `node apps/server/dist/main.js` runs it) for the
// two-instance test and the PostgreSQL figures: several instances on one database.

export const INSTANCE_ADMIN_EMAIL = 'admin@example.com';
export const INSTANCE_ADMIN_PASSWORD = 'correct horse battery staple';

export interface Instance {
  url: string;
  child: ChildProcess;
  logs: () => { stdout: string; stderr: string };
  /** SIGTERM, then waits for the exit. */
  stop: () => Promise<number | null>;
}

/** Starts `bundle`/main.js on a free port with `env` (e.g. KEYWARD_DATABASE_URL); resolves once it listens. */
export async function startInstance(
  bundle: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<Instance> {
  const child = spawn(process.execPath, [path.join(bundle, 'main.js')], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      KEYWARD_ADMIN_EMAIL: INSTANCE_ADMIN_EMAIL,
      KEYWARD_ADMIN_PASSWORD: INSTANCE_ADMIN_PASSWORD,
      KEYWARD_CLOCK: 'manual',
      KEYWARD_JOBS_INTERVAL_S: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  let url: string | null = null;
  while (!url) {
    const m = /Keyward is running at (http:\/\/\S+)/.exec(stdout);
    if (m?.[1]) url = m[1];
    else if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`instance did not start:\nstdout:\n${stdout}\nstderr:\n${stderr}`);
    } else await new Promise((r) => setTimeout(r, 25));
  }
  return {
    url,
    child,
    logs: () => ({ stdout, stderr }),
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

/** fetch with a JSON body and a bearer token; answers status and parsed body. */
export async function call<T = unknown>(
  base: string,
  method: string,
  url: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${url}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body: body as T, headers: res.headers };
}

/** Logs in as the instances' administrator; answers the access token. */
export async function login(base: string): Promise<string> {
  const res = await call<{ accessToken: string }>(base, 'POST', '/rest/auth/login', {
    body: { email: INSTANCE_ADMIN_EMAIL, password: INSTANCE_ADMIN_PASSWORD },
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}

/** Polls `probe` until it answers true; resolves with the milliseconds it took (throws after `limitMs`). */
export async function msUntil(probe: () => Promise<boolean>, limitMs = 1_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await probe()) return performance.now() - started;
    if (performance.now() - started > limitMs) throw new Error(`not reflected within ${limitMs} ms`);
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
