import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntrypoints, removeBundle, repoRoot } from '../test/entrypoints.ts';

let bundle: string;
beforeAll(async () => {
  bundle = await bundleEntrypoints('main');
});
afterAll(() => removeBundle(bundle));

/** Starts the bundled main.ts (as `node apps/server/dist/main.js` would) and reads its output. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(bundle, 'main.js')], {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = async (pattern: RegExp, timeoutMs = 8000): Promise<RegExpMatchArray> => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const m = pattern.exec(stdout);
      if (m) return m;
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no ${pattern} in stdout:\n${stdout}\nstderr:\n${stderr}`);
  };
  return { child, exited, output, logs: () => ({ stdout, stderr }) };
}

describe('main.ts', () => {
  it('exits 1 with a one-line message, no stack trace, when PostgreSQL is unreachable at start', async () => {
    const server = start({ KEYWARD_DATABASE_URL: 'postgres://keyward:secret@127.0.0.1:9/keyward' });
    expect(await server.exited).toBe(1);
    const { stderr } = server.logs();
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^Keyward cannot start: cannot open the database \(PostgreSQL at postgres:\/\/keyward:\*\*\*@127\.0\.0\.1:9\/keyward\): .+/,
      ),
    ]);
    expect(stderr).not.toContain('secret');
  });

  it('starts, prints the URL and the generated password once, serves /healthz and stops cleanly on SIGTERM', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-main-'));
    const env = { KEYWARD_DB: path.join(dir, 'nested', 'keyward.db') };
    try {
      const first = start(env);
      const [, url] = await first.output(/Keyward is running at (http:\/\/\S+)/);
      const [, password] = await first.output(
        /First start: administrator admin@localhost, password: (\S+) \(shown once\)/,
      );
      expect(password?.length).toBeGreaterThanOrEqual(16);
      const health = await fetch(`${url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok' });
      const login = await fetch(`${url}/rest/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@localhost', password }),
      });
      expect(login.status).toBe(200);
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      const second = start(env);
      await second.output(/Keyward is running at/);
      expect(second.logs().stdout).not.toMatch(/password/);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);

  it('refuses a bad environment value with a clear message and exit code 1', async () => {
    const bad = start({ PORT: 'eighty', KEYWARD_DB: path.join(os.tmpdir(), 'keyward-never.db') });
    expect(await bad.exited).toBe(1);
    expect(bad.logs().stderr).toMatch(/PORT must be a non-negative integer/);
  });
});
