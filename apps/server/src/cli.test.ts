import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntrypoints, removeBundle, repoRoot } from '../test/entrypoints.ts';

let dir: string;
let env: NodeJS.ProcessEnv;
let bundle: string;

/** Runs the bundled cli.ts, as `npm run admin --` runs the sources. */
function admin(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(bundle, 'cli.js'), ...args], {
    cwd: repoRoot,
    env,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  bundle = await bundleEntrypoints('cli');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-cli-'));
  env = {
    ...process.env,
    KEYWARD_DB: path.join(dir, 'keyward.db'),
    KEYWARD_ADMIN_PASSWORD: 'admin password',
    NODE_ENV: 'test',
  };
});
afterAll(() => {
  removeBundle(bundle);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run admin -- add-user', () => {
  it('creates a user in a group named by display name, then refuses the same e-mail', () => {
    const ok = admin(
      'add-user',
      '--email',
      'ops@example.com',
      '--password',
      'a long password',
      '--group',
      'security contacts',
      '--name',
      'Ops',
    );
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Created user ops@example\.com/);
    const again = admin(
      'add-user',
      '--email',
      'ops@example.com',
      '--password',
      'a long password',
      '--group',
      'Administrators',
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('names the groups when the group is unknown', () => {
    const r = admin('add-user', '--email', 'x@example.com', '--password', 'a long password', '--group', 'Nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/No group "Nope".*"Administrators"/);
  });

  it('exits 2 with the usage on a usage error', () => {
    for (const args of [
      [],
      ['add-user', '--email', 'x@example.com'],
      ['remove-user'],
      ['add-user', '--bogus', 'x'],
      ['add-user', '--email', 'x@example.com', '--password', 'short', '--group', 'Administrators'],
    ]) {
      const r = admin(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout).toMatch(/Usage: npm run admin -- add-user/);
    }
  });
});
