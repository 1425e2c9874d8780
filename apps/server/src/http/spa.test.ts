import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp, type App } from '../app.ts';
import { ManualClock } from '../clock.ts';
import { readConfig } from '../config.ts';
import { openDatabase, type OpenedDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';

let dir: string;
let db: OpenedDatabase;
let app: App;
const JS = 'console.log("keyward");'.repeat(100);

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keyward-spa-'));
  const web = path.join(dir, 'web');
  fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
  fs.writeFileSync(
    path.join(web, 'index.html'),
    '<!doctype html><title>Keyward</title><script src="/assets/app-abc123.js"></script>',
  );
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js'), JS);
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js.br'), zlib.brotliCompressSync(JS));
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js.gz'), zlib.gzipSync(JS));
  const config = readConfig({ KEYWARD_DB: path.join(dir, 'k.db'), KEYWARD_ADMIN_PASSWORD: 'a password 123' });
  db = openDatabase(config.dbFile);
  await migrateToLatest(db.db);
  app = createApp({ db, clock: new ManualClock(Date.UTC(2026, 0, 1)), config, webRoot: web, log: () => {} });
  fs.writeFileSync(path.join(web, 'index.html'), 'changed after start'); // read once, at start
});
afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('answers index.html (read at start) with no-cache for the root and the console routes', async () => {
  for (const url of ['/', '/index.html', '/organizations/myorganization/api-keys']) {
    const res = await app.request(url);
    expect(res.status, url).toBe(200);
    expect(res.headers.get('cache-control'), url).toBe('no-cache');
    expect(await res.text(), url).toContain('<title>Keyward</title>');
  }
  expect((await app.request('/rest/nothing')).status).toBe(404);
  const missing = await app.request('/assets/gone-123.js');
  expect(missing.status).toBe(404);
  expect(missing.headers.get('cache-control')).toBeNull();
});

it('serves hashed assets precompressed, cached for a year', async () => {
  const br = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
  expect(br.headers.get('content-encoding')).toBe('br');
  expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(zlib.brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(JS);
  const gz = await app.request('/assets/app-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
  expect(gz.headers.get('content-encoding')).toBe('gzip');
  const plain = await app.request('/assets/app-abc123.js');
  expect(plain.headers.get('content-encoding')).toBeNull();
  expect(await plain.text()).toBe(JS);
});
