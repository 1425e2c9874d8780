import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgProxy, type PgProxy } from '../../test/pg-proxy.ts';
import { createScratchDatabase, dropScratchDatabase, TEST_DATABASE_URL } from '../../test/test-database.ts';
import { KEY_CHANNEL, postgresKeyChangeFeed, type KeyChangeFeed } from './key-change-feed.ts';

// The listening connection of a real PostgreSQL server, reached through a TCP proxy that can make
// it go silent (open, but nothing gets through): only the feed's own probe can notice that.

async function until(probe: () => boolean, limitMs: number): Promise<number> {
  const started = performance.now();
  while (!probe()) {
    if (performance.now() - started > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 5));
  }
  return performance.now() - started;
}

describe.skipIf(!TEST_DATABASE_URL)('the key change feed on PostgreSQL', () => {
  const serverUrl = TEST_DATABASE_URL ?? '';
  let scratch: { name: string; url: string };
  let proxy: PgProxy;
  let proxiedUrl: string;
  let notifier: pg.Client;
  let feed: KeyChangeFeed | null = null;
  const events: string[] = [];
  const logs: string[] = [];

  const listen = () => {
    feed = postgresKeyChangeFeed(proxiedUrl, { types: pg.types, log: (line) => logs.push(line) });
    feed.start({
      changed: (ids) => events.push(`changed ${ids.join(',')}`),
      lost: () => events.push('lost'),
      back: () => events.push('back'),
    });
    return feed.ready(5_000);
  };
  const notify = (id: string) => notifier.query('select pg_notify($1, $2)', [KEY_CHANNEL, id]);
  const heard = (id: string) => events.includes(`changed ${id}`);

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl, 'key_change_feed');
    const target = new URL(scratch.url);
    proxy = await pgProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    proxiedUrl = target.toString();
    notifier = new pg.Client({ connectionString: scratch.url });
    await notifier.connect();
  }, 30_000);

  afterAll(async () => {
    await feed?.stop();
    await notifier?.end();
    await proxy?.close();
    if (scratch) await dropScratchDatabase(serverUrl, scratch.name);
  }, 30_000);

  it('notices a connection gone silent within 1 s (default probe), reads through, and is back once re-subscribed', async () => {
    await listen();
    expect(events).toEqual(['lost', 'back']);
    await notify('k1');
    await until(() => heard('k1'), 1_000);

    const silencedAt = performance.now();
    expect(proxy.silence('keyward-listener')).toBe(1);
    await notify('k2'); // sent, but it never arrives: the connection is silent
    await until(() => events.filter((e) => e === 'lost').length === 2, 2_000);
    const noticedAfter = performance.now() - silencedAt;
    expect(noticedAfter).toBeLessThan(1_000);
    expect(heard('k2')).toBe(false);
    expect(logs.join('\n')).toMatch(/key change channel lost \(keepalive probe: no answer within 650 ms\)/);

    // A new connection (not silenced), listening again: only then `back`, and changes are heard.
    await until(() => events.filter((e) => e === 'back').length === 2, 5_000);
    expect(events.slice(-2)).toEqual(['lost', 'back']);
    await notify('k3');
    await until(() => heard('k3'), 1_000);
    console.log(`silent listener connection noticed after ${noticedAfter.toFixed(0)} ms`);
  }, 30_000);

  it('keeps probing a healthy connection without losing it', async () => {
    const before = events.length;
    await new Promise((r) => setTimeout(r, 1_500)); // several probes
    expect(events.slice(before)).toEqual([]);
    await notify('k4');
    await until(() => heard('k4'), 1_000);
  }, 10_000);
});
