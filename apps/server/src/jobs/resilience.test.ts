import { afterEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { createSmtpMailer, type Mailer } from '../mail/mailer.ts';
import { createJobRunner, type JobRunner } from './job-runner.ts';
import { at, LifecycleServer } from '../../test/lifecycle-server.ts';

// Keys made at T0 (2026-01-15T12:00Z) with P10D expire 2026-01-25T23:59:59Z: their 7-day notice is
// due from 2026-01-19T00:00Z, the 2-day one from 2026-01-24T00:00Z, EXPIRED from 2026-01-26T00:00Z.
const SEVEN_DAYS = at('2026-01-19T00:00:00Z');
const TWO_DAYS = at('2026-01-24T00:00:00Z');
const EXPIRED = at('2026-01-26T00:00:00Z');
const HOUR = 3_600_000;

let server: LifecycleServer;
afterEach(() => server.close());

async function expiringKeys(n: number): Promise<ApiKey[]> {
  const keys: ApiKey[] = [];
  for (let i = 0; i < n; i++)
    keys.push(await server.createKey({ displayName: `Key ${String(i).padStart(2, '0')}`, lifetimeDuration: 'P10D' }));
  return keys;
}

function runner(
  opts: { batchSize?: number; mailer?: Mailer | null; afterBatch?: (n: number) => void } = {},
): JobRunner {
  const config = server.ctx.config;
  return createJobRunner({
    db: server.db.db,
    clock: server.ctx.clock,
    config,
    log: () => {},
    mailer: opts.mailer === undefined ? createSmtpMailer(server.smtp.url, config.mailFrom) : opts.mailer,
    ...(opts.batchSize ? { batchSize: opts.batchSize } : {}),
    ...(opts.afterBatch ? { afterBatch: opts.afterBatch } : {}),
  });
}

/** Each (key, subject) pair received, counted. */
function tally(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of server.smtp.messages) counts.set(m.subject, (counts.get(m.subject) ?? 0) + 1);
  return counts;
}

describe('exactly once, across restarts and overlapping passes', () => {
  it('restarting between passes, mid-series, neither repeats nor misses a notice', async () => {
    server = await LifecycleServer.start();
    const [key] = await expiringKeys(1);
    for (const t of [SEVEN_DAYS, SEVEN_DAYS + HOUR, TWO_DAYS - 1, TWO_DAYS, TWO_DAYS + 1, EXPIRED, EXPIRED + HOUR]) {
      await server.setClock(t);
      await server.runJobs();
      await server.restart();
      await server.runJobs();
    }
    expect(server.smtp.messages.map((m) => m.subject)).toEqual([
      '[Keyward] API key expires in 7 days: "Key 00" (My organization)',
      '[Keyward] API key expires in 2 days: "Key 00" (My organization)',
      '[Keyward] API key expired: "Key 00" (My organization)',
    ]);
    expect((await server.getKey(key?.id ?? '')).status).toBe('EXPIRED');
  });

  it('a pass cut short (a crash after some batches) is completed by the next one, once', async () => {
    server = await LifecycleServer.start();
    await expiringKeys(12);
    await server.setClock(SEVEN_DAYS);
    const crashing = runner({
      batchSize: 5,
      afterBatch: (n) => {
        if (n === 1) throw new Error('killed');
      },
    });
    await expect(crashing.runOnce()).rejects.toThrow('killed');
    expect(await server.db.db.selectFrom('outbox').select('id').execute()).toHaveLength(5);
    await server.restart();
    const summary = await server.runJobs();
    expect(summary).toMatchObject({ noticesQueued: 7, mail: { sent: 12 } });
    expect([...tally().values()]).toEqual(Array(12).fill(1));
    expect((await server.runJobs()).noticesQueued).toBe(0);
    expect(server.smtp.messages).toHaveLength(12);
  });

  it('two passes running at the same time queue, send and deactivate each thing once', async () => {
    server = await LifecycleServer.start();
    const keys = await expiringKeys(8);
    for (const key of keys.slice(0, 4)) {
      await server.json('POST', `/rest/organizations/myorganization/apikeys/${key.id}/exposure`, {
        token: server.token,
        body: { reason: 'leak', severity: 'HIGH' },
      });
    }
    await server.setClock(SEVEN_DAYS); // HIGH reports (2 days) have passed their deadline; all keys are within 7 days of expiring
    const [a, b] = await Promise.all([runner({ batchSize: 1 }).runOnce(), runner({ batchSize: 1 }).runOnce()]);
    expect((a?.deactivated.exposure ?? 0) + (b?.deactivated.exposure ?? 0)).toBe(4);
    // 4 "flagged" (queued by the reports) + 4 "deactivated" + 4 seven-day notices of the keys still usable.
    expect((a?.mail.sent ?? 0) + (b?.mail.sent ?? 0)).toBe(12);
    expect([...tally().values()]).toEqual(Array(12).fill(1));
    expect(
      await server.db.db.selectFrom('notices_sent').select('dedupe_key').where('outcome', '=', 'SENT').execute(),
    ).toHaveLength(12);
    const activities = await server.db.db
      .selectFrom('activities')
      .select('resource_id')
      .where('operation', '=', 'DEACTIVATE')
      .execute();
    expect(activities).toHaveLength(4);
  });
});

describe('SMTP outages', () => {
  it('an SMTP server down for a day of clock time loses nothing and sends nothing twice', async () => {
    server = await LifecycleServer.start();
    await expiringKeys(3);
    await server.smtp.stop();
    await server.setClock(SEVEN_DAYS);
    const first = await server.runJobs();
    expect(first.mail).toEqual({ sent: 0, retrying: 1, failed: 0 }); // the server is unreachable: the pass stops trying
    for (let t = SEVEN_DAYS + HOUR; t <= SEVEN_DAYS + 24 * HOUR; t += HOUR) {
      await server.setClock(t);
      await server.runJobs();
      if (t === SEVEN_DAYS + 12 * HOUR) await server.restart();
    }
    const pending = await server.db.db
      .selectFrom('outbox')
      .select(['status', 'attempts', 'last_error', 'next_attempt_at'])
      .execute();
    expect(pending).toHaveLength(3);
    expect(pending.every((r) => r.status === 'PENDING' && r.attempts > 1 && (r.last_error ?? '').length > 0)).toBe(
      true,
    );
    expect(Math.max(...pending.map((r) => r.next_attempt_at))).toBeLessThanOrEqual(SEVEN_DAYS + 25 * HOUR);
    await server.smtp.start(); // same port
    await server.setClock(SEVEN_DAYS + 25 * HOUR);
    expect((await server.runJobs()).mail).toEqual({ sent: 3, retrying: 0, failed: 0 });
    await server.setClock(SEVEN_DAYS + 48 * HOUR);
    await server.runJobs();
    expect([...tally().values()]).toEqual([1, 1, 1]);
  });

  it('backs off exponentially between attempts (1 min, 2, 4 ... at most 1 h)', async () => {
    server = await LifecycleServer.start();
    await expiringKeys(1);
    await server.smtp.stop();
    const attempts: number[] = [];
    for (let t = SEVEN_DAYS; t <= SEVEN_DAYS + 20 * 60_000; t += 60_000) {
      await server.setClock(t);
      const { mail } = await server.runJobs();
      if (mail.retrying > 0) attempts.push((t - SEVEN_DAYS) / 60_000);
    }
    expect(attempts).toEqual([0, 1, 3, 7, 15]);
  });

  it('a message the SMTP server refuses (5xx) is FAILED and not retried', async () => {
    server = await LifecycleServer.start();
    await expiringKeys(1);
    server.smtp.rejectRecipient = () => true;
    await server.setClock(SEVEN_DAYS);
    expect((await server.runJobs()).mail).toEqual({ sent: 0, retrying: 0, failed: 1 });
    server.smtp.rejectRecipient = null;
    await server.setClock(SEVEN_DAYS + 2 * HOUR);
    expect((await server.runJobs()).mail).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const row = await server.db.db.selectFrom('outbox').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(row.last_error).toContain('550');
  });

  it('a temporary refusal (4xx) is retried, then sent', async () => {
    server = await LifecycleServer.start();
    await expiringKeys(1);
    server.smtp.rejectRecipient = () => true;
    server.smtp.rejectCode = 451;
    await server.setClock(SEVEN_DAYS);
    expect((await server.runJobs()).mail).toEqual({ sent: 0, retrying: 1, failed: 0 });
    server.smtp.rejectRecipient = null;
    await server.setClock(SEVEN_DAYS + 60_000);
    expect((await server.runJobs()).mail).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await server.db.db.selectFrom('outbox').select(['status', 'attempts']).execute()).toEqual([
      { status: 'SENT', attempts: 2 },
    ]);
  });

  it('a crash after the SMTP server accepted a mail but before it was marked sent resends it at worst once, with the same Message-ID', async () => {
    server = await LifecycleServer.start();
    await expiringKeys(1);
    const smtp = createSmtpMailer(server.smtp.url, 'keyward@localhost');
    const dying: Mailer = {
      send: async (mail) => {
        await smtp.send(mail);
        throw new Error('process killed before marking');
      },
    };
    await server.setClock(SEVEN_DAYS);
    await runner({ mailer: dying }).runOnce();
    await server.setClock(SEVEN_DAYS + HOUR);
    await server.runJobs();
    await server.runJobs();
    expect(server.smtp.messages).toHaveLength(2);
    expect(server.smtp.messages[0]?.messageId).toBe(server.smtp.messages[1]?.messageId);
  });
});
