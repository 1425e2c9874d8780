import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logAccess, silentLogger, type AccessEntry } from './logger.ts';

function capture(): { stream: Writable; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

const withoutTime = (line: string) => {
  const { time, ...rest } = JSON.parse(line) as Record<string, unknown>;
  expect(typeof time).toBe('string');
  expect(Number.isNaN(Date.parse(time as string))).toBe(false);
  return rest;
};

const ENTRIES: AccessEntry[] = [
  { reqId: 'a1b2c3-1', method: 'GET', route: '/rest/organizations/:org/apikeys/:id', status: 200, durationMs: 1.3 },
  {
    reqId: 'proxy:id.7',
    method: 'POST',
    route: '/rest/organizations/:org/apikeys/verify',
    status: 200,
    durationMs: 0,
    keyId: 'k_1234',
  },
  {
    reqId: 'x',
    method: 'DELETE',
    route: '(unmatched)',
    status: 404,
    durationMs: 12.5,
    principalKind: 'apiKey',
    principalId: 'id with "quotes" \\ and \u2028',
  },
  { reqId: 'u', method: 'GET', route: '/', status: 500, durationMs: 3, principalKind: 'user', principalId: 'u1' },
];

describe('logAccess', () => {
  it('writes the line pino writes for logger.info(entry, "request"), field for field and in order', () => {
    for (const entry of ENTRIES) {
      const ours = capture();
      const theirs = capture();
      logAccess(createLogger('info', ours.stream), entry);
      createLogger('info', theirs.stream).info(entry, 'request');
      const [a] = ours.lines();
      const [b] = theirs.lines();
      expect(a && withoutTime(a)).toEqual(b && withoutTime(b));
      expect(Object.keys(JSON.parse(a ?? '{}') as object)).toEqual(Object.keys(JSON.parse(b ?? '{}') as object));
    }
  });

  it('writes nothing below info', () => {
    const out = capture();
    logAccess(createLogger('warn', out.stream), ENTRIES[0] as AccessEntry);
    logAccess(silentLogger(), ENTRIES[0] as AccessEntry);
    expect(out.lines()).toEqual([]);
  });

  it('writes one line per call, each a JSON object', () => {
    const out = capture();
    const logger = createLogger('debug', out.stream);
    for (const entry of ENTRIES) logAccess(logger, entry);
    expect(out.lines().map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(ENTRIES.map(() => 'request'));
  });
});

describe('createLogger on a file descriptor', () => {
  it('writes every line, in order, once flushed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-log-'));
    const file = path.join(dir, 'out.log');
    const fd = fs.openSync(file, 'w');
    try {
      const logger = createLogger('info', fd);
      for (let i = 0; i < 5000; i += 1) {
        if (i % 2 === 0) logAccess(logger, { ...(ENTRIES[1] as AccessEntry), reqId: `r-${i}` });
        else logger.info({ reqId: `r-${i}`, note: 'é ✓' }, 'other');
        if (i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      await new Promise<void>((resolve, reject) => logger.flush((err) => (err ? reject(err) : resolve())));
      const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
      expect(lines.map((l) => (JSON.parse(l) as { reqId: string }).reqId)).toEqual(
        Array.from({ length: 5000 }, (_, i) => `r-${i}`),
      );
      expect(lines[1]).toContain('"note":"é ✓"');
    } finally {
      fs.closeSync(fd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
