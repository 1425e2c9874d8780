import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import fs from 'node:fs';
import path from 'node:path';

export interface WrkResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Debian's wrk: installed from the bench when missing and we may (root), else null. */
export function ensureWrk(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (process.getuid?.() !== 0) return null;
  console.log('      installing wrk (apt-get install wrk)…');
  spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'inherit' });
  const again = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).stdout.trim();
  return again || null;
}

/** A wrk Lua script that POSTs the given JSON bodies in turn. */
export function postScript(dir: string, name: string, bodies: readonly string[]): string {
  const file = path.join(dir, `${name}.lua`);
  const list = bodies.map((b) => `[==[${b}]==]`).join(',\n');
  fs.writeFileSync(
    file,
    `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal bodies = {\n${list}\n}\n` +
      `local n = #bodies\nlocal i = 0\nrequest = function()\n  i = i % n + 1\n  return wrk.format(nil, nil, nil, bodies[i])\nend\n` +
      `done = function(summary, latency, requests)\n  io.write(string.format("KW non2xx=%d\\n", summary.errors.status))\nend\n`,
  );
  return file;
}

/**
 * wrk -t1 -c50 in its own process; latencies in ms. Asynchronous, so that this process's own
 * keep-alive connections see the server's idle timeouts meanwhile (a blocked event loop would reuse
 * a socket the server has already closed).
 */
export async function runWrk(
  wrk: string,
  url: string,
  opts: { seconds: number; script?: string; headers?: string[]; connections?: number },
): Promise<WrkResult> {
  const args = ['-t1', `-c${opts.connections ?? 50}`, `-d${opts.seconds}s`, '--latency'];
  for (const h of opts.headers ?? []) args.push('-H', h);
  if (opts.script) args.push('-s', opts.script);
  args.push(url);
  const { stdout: out } = await promisify(execFile)(wrk, args, { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? Number.NaN);
  const pct = (p: string) => toMs(new RegExp(`^\\s+${p}%\\s+([\\d.]+\\w+)`, 'm').exec(out)?.[1]);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = socketErrors ? socketErrors.slice(1).reduce((s, n) => s + Number(n), 0) : 0;
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  return { rps, p50: pct('50'), p99: pct('99'), errors, non2xx };
}

function toMs(text: string | undefined): number {
  if (!text) return Number.NaN;
  const m = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (!m) return Number.NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}
