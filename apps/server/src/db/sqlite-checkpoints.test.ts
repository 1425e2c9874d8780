import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { BACKSTOP_PAGES } from './sqlite-checkpoints.ts';

// The WAL-index (the -shm file) says how far the log has been copied back: its header's mxFrame
// (frames in the log, offset 16) and the checkpoint's nBackfill (frames copied, offset 96).
function walProgress(file: string): { frames: number; copied: number } {
  const shm = fs.readFileSync(`${file}-shm`);
  const read = os.endianness() === 'LE' ? shm.readUInt32LE.bind(shm) : shm.readUInt32BE.bind(shm);
  return { frames: read(16), copied: read(96) };
}

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

it('copies the log back from a worker thread while the writer only keeps a backstop', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-checkpoints-'));
  const file = path.join(dir, 'k.db');
  const opened = openDatabase(file, { backgroundCheckpoints: true });
  expect(opened.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
  opened.sqlite.exec('create table t (id integer primary key, body text not null)');
  const insert = opened.sqlite.prepare('insert into t (body) values (?)');
  for (let i = 0; i < 50; i++) insert.run('x'.repeat(3000)); // one commit, one or more pages each
  const written = walProgress(file).frames;
  expect(written).toBeGreaterThan(50);
  expect(written).toBeLessThan(BACKSTOP_PAGES); // the writer has not checkpointed by itself

  // Waits (a bounded poll, not a timing assertion) for the worker to catch up.
  for (let i = 0; i < 250 && walProgress(file).copied < written; i++) await new Promise((r) => setTimeout(r, 20));
  expect(walProgress(file)).toEqual({ frames: written, copied: written });
  expect(opened.sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 50 });

  await opened.close(); // resolves once the worker has closed its connection and exited
});

it('without the option, the writer checkpoints by itself as SQLite does by default', async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-checkpoints-'));
  const opened = openDatabase(path.join(dir, 'k.db'));
  expect(opened.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  await opened.close();
});
