import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiKey } from '@keyward/contract';
import { insertMember, insertUser } from '../people/people.repository.ts';
import { ADMIN_EMAIL, T0 } from '../../../test/harness.ts';
import { at, B, LifecycleServer, PUBLIC_URL, SECURITY_CONTACT } from '../../../test/lifecycle-server.ts';

// T0 = 2026-01-15T12:00:00Z. Three keys made at T0:
// - Expiring: P100D, so expirationDate 2026-04-25T23:59:59Z, expired from 2026-04-26T00:00:00Z;
// - Idle: never expires, never used: deactivated for inactivity at 2027-01-15T12:00:00Z;
// - Leaked: reported exposed (LOW: 30 days) at 2026-02-01T00:00:00Z, deactivated 2026-03-03T00:00:00Z.
const FLAGGED_AT = at('2026-02-01T00:00:00Z');
const SECOND_ADMIN = 'second-admin@example.com';
const ADMINS = [ADMIN_EMAIL, SECOND_ADMIN].sort();
const ADMINS_AND_CONTACT = [...ADMINS, SECURITY_CONTACT].sort();

interface Expected {
  at: string;
  key: 'Expiring' | 'Idle' | 'Leaked';
  subject: string;
  to: string[];
  status: ApiKey['status'];
  statusBefore: ApiKey['status'];
}

const TIMELINE: Expected[] = [
  {
    at: '2026-02-28T00:00:00Z',
    key: 'Leaked',
    subject: 'Exposed API key will be deactivated in 3 days',
    to: ADMINS_AND_CONTACT,
    statusBefore: 'ENABLED',
    status: 'ENABLED',
  },
  {
    at: '2026-03-02T00:00:00Z',
    key: 'Leaked',
    subject: 'Exposed API key will be deactivated in 24 hours',
    to: ADMINS_AND_CONTACT,
    statusBefore: 'ENABLED',
    status: 'ENABLED',
  },
  {
    at: '2026-03-03T00:00:00Z',
    key: 'Leaked',
    subject: 'Exposed API key deactivated',
    to: ADMINS_AND_CONTACT,
    statusBefore: 'ENABLED',
    status: 'DISABLED_EXPOSED',
  },
  {
    at: '2026-04-19T00:00:00Z',
    key: 'Expiring',
    subject: 'API key expires in 7 days',
    to: ADMINS,
    statusBefore: 'ENABLED',
    status: 'SOON_TO_BE_EXPIRED',
  },
  {
    at: '2026-04-24T00:00:00Z',
    key: 'Expiring',
    subject: 'API key expires in 2 days',
    to: ADMINS,
    statusBefore: 'SOON_TO_BE_EXPIRED',
    status: 'SOON_TO_BE_EXPIRED',
  },
  {
    at: '2026-04-26T00:00:00Z',
    key: 'Expiring',
    subject: 'API key expired',
    to: ADMINS,
    statusBefore: 'SOON_TO_BE_EXPIRED',
    status: 'EXPIRED',
  },
  {
    at: '2026-12-16T12:00:00Z',
    key: 'Idle',
    subject: 'Unused API key will be deactivated in 30 days',
    to: ADMINS,
    statusBefore: 'ENABLED',
    status: 'SOON_TO_BE_DISABLED',
  },
  {
    at: '2026-12-31T12:00:00Z',
    key: 'Idle',
    subject: 'Unused API key will be deactivated in 15 days',
    to: ADMINS,
    statusBefore: 'SOON_TO_BE_DISABLED',
    status: 'SOON_TO_BE_DISABLED',
  },
  {
    at: '2027-01-14T12:00:00Z',
    key: 'Idle',
    subject: 'Unused API key will be deactivated in 24 hours',
    to: ADMINS,
    statusBefore: 'SOON_TO_BE_DISABLED',
    status: 'SOON_TO_BE_DISABLED',
  },
  {
    at: '2027-01-15T12:00:00Z',
    key: 'Idle',
    subject: 'Unused API key deactivated',
    to: ADMINS,
    statusBefore: 'SOON_TO_BE_DISABLED',
    status: 'DISABLED_FOR_INACTIVITY',
  },
];

let server: LifecycleServer;
let keys: Record<Expected['key'], ApiKey>;

async function setUp(): Promise<void> {
  server = await LifecycleServer.start();
  const db = server.db.db;
  const second = await insertUser(db, { email: SECOND_ADMIN, displayName: 'Second', passwordHash: 'x', now: T0 });
  const admins = await db
    .selectFrom('groups')
    .select('id')
    .where('built_in', '=', 'ADMINISTRATORS')
    .executeTakeFirstOrThrow();
  await insertMember(db, admins.id, second);
  keys = {
    Expiring: await server.createKey({ displayName: 'Expiring', lifetimeDuration: 'P100D' }),
    Idle: await server.createKey({ displayName: 'Idle' }),
    Leaked: await server.createKey({ displayName: 'Leaked' }),
  };
}

async function flag(): Promise<void> {
  await server.setClock(FLAGGED_AT);
  await server.json('POST', `${B}/${keys.Leaked.id}/exposure`, {
    token: server.token,
    body: { reason: 'Pasted in a public gist', severity: 'LOW', url: 'https://gist.example/1' },
  });
}

/** The mails received since `from`, as `key: subject` with their sorted recipients. */
function received(from: number) {
  return server.smtp.messages.slice(from).map((m) => ({ subject: m.subject, to: [...m.to].sort() }));
}

const subjectOf = (e: Expected) => `[Keyward] ${e.subject}: "${e.key}" (My organization)`;

describe('the notice series over a year', () => {
  beforeEach(setUp);
  afterEach(() => server.close());

  it('sends each notice on its day, once, and nothing on the other days (a pass every 12 hours)', async () => {
    const log: { at: string; subject: string; to: string[] }[] = [];
    for (let t = T0 + 12 * 3_600_000; t <= at('2027-01-16T12:00:00Z'); t += 12 * 3_600_000) {
      if (t === FLAGGED_AT) await flag();
      else await server.setClock(t);
      const before = server.smtp.messages.length;
      await server.runJobs();
      for (const mail of received(before)) log.push({ at: new Date(t).toISOString().replace('.000', ''), ...mail });
    }
    const flagged = {
      at: '2026-02-01T00:00:00Z',
      subject: '[Keyward] API key flagged as exposed: "Leaked" (My organization)',
      to: ADMINS_AND_CONTACT,
    };
    expect(log).toEqual([flagged, ...TIMELINE.map((e) => ({ at: e.at, subject: subjectOf(e), to: e.to }))]);
    const sent = await server.db.db.selectFrom('outbox').select(['status', 'attempts']).execute();
    expect(sent).toHaveLength(11);
    expect(sent.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  });

  it('changes status and sends exactly at each boundary, not a millisecond before', async () => {
    await flag();
    await server.runJobs();
    expect(received(0).map((m) => m.subject)).toEqual([
      '[Keyward] API key flagged as exposed: "Leaked" (My organization)',
    ]);
    const leaked = await server.getKey(keys.Leaked.id);
    expect(leaked).toMatchObject({
      status: 'ENABLED',
      statusLabel: 'Exposed',
      exposureReport: { severity: 'LOW', deactivationDate: at('2026-03-03T00:00:00Z') },
    });
    for (const event of TIMELINE) {
      const instant = at(event.at);
      await server.setClock(instant - 1);
      let count = server.smtp.messages.length;
      await server.runJobs();
      expect(received(count), `nothing due just before ${event.at}`).toEqual([]);
      expect((await server.getKey(keys[event.key].id)).status, `before ${event.at}`).toBe(event.statusBefore);
      await server.setClock(instant);
      count = server.smtp.messages.length;
      await server.runJobs();
      expect(received(count), `at ${event.at}`).toEqual([{ subject: subjectOf(event), to: event.to }]);
      expect((await server.getKey(keys[event.key].id)).status, `at ${event.at}`).toBe(event.status);
    }
  });

  it('expires at 23:59:59 UTC: still soon to be expired at 23:59:59.999, expired at 00:00:00', async () => {
    await server.setClock('2026-04-25T23:59:59.999Z');
    expect((await server.getKey(keys.Expiring.id)).status).toBe('SOON_TO_BE_EXPIRED');
    await server.setClock('2026-04-26T00:00:00.000Z');
    expect((await server.getKey(keys.Expiring.id)).status).toBe('EXPIRED');
    expect((await server.getKey(keys.Expiring.id)).expirationDate).toBe(at('2026-04-25T23:59:59Z'));
  });

  it('records each automatic deactivation as a SYSTEM activity dated at its deadline', async () => {
    await flag();
    await server.setClock('2027-02-01T00:00:00Z');
    const summary = await server.runJobs();
    expect(summary.deactivated).toEqual({ inactivity: 1, exposure: 1, rotation: 0 });
    const res = await server.json<{
      items: {
        operation: string;
        resourceName: string;
        triggeredBy: { type: string };
        createDate: number;
        content: Record<string, unknown>;
      }[];
    }>('POST', '/rest/organizations/myorganization/activities/public', {
      token: server.token,
      body: { operations: ['DEACTIVATE'] },
    });
    const byName = Object.fromEntries(res.items.map((a) => [a.resourceName, a]));
    expect(byName.Leaked).toMatchObject({
      triggeredBy: { type: 'SYSTEM' },
      createDate: at('2026-03-03T00:00:00Z'),
      content: { resourceState: 'DISABLED', after: { disabledReason: 'EXPOSED' } },
    });
    expect(byName.Idle).toMatchObject({
      triggeredBy: { type: 'SYSTEM' },
      createDate: at('2027-01-15T12:00:00Z'),
      content: { after: { disabledReason: 'INACTIVITY' } },
    });
    expect(res.items).toHaveLength(2);
    expect((await server.runJobs()).deactivated).toEqual({ inactivity: 0, exposure: 0, rotation: 0 });
  });

  it('sends only the latest notice of a series that was missed while the server was down', async () => {
    await server.setClock('2026-04-18T00:00:00Z');
    await server.runJobs();
    await server.restart();
    await server.setClock('2026-04-25T12:00:00Z'); // the 7-day and 2-day notices are both due
    const summary = await server.runJobs();
    expect(summary).toMatchObject({ noticesQueued: 1, noticesSuperseded: 1 });
    // the 2-day notice, sent 12 hours before the key expires, says so (not its nominal "in 2 days")
    expect(received(0).map((m) => m.subject)).toEqual([
      '[Keyward] API key expires in 12 hours: "Expiring" (My organization)',
    ]);
    await server.setClock('2027-03-01T00:00:00Z'); // the whole inactivity series, and the expiry
    await server.runJobs();
    expect(
      received(1)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([
      '[Keyward] API key expired: "Expiring" (My organization)',
      '[Keyward] Unused API key deactivated: "Idle" (My organization)',
      '[Keyward] Unused API key deactivated: "Leaked" (My organization)',
    ]);
    const notices = await server.db.db
      .selectFrom('notices_sent')
      .select(['api_key_id', 'notice', 'outcome'])
      .where('api_key_id', '=', keys.Idle.id)
      .execute();
    expect(notices.map((n) => `${n.notice}:${n.outcome}`).sort()).toEqual([
      'INACTIVITY_15D:SUPERSEDED',
      'INACTIVITY_1D:SUPERSEDED',
      'INACTIVITY_30D:SUPERSEDED',
      'INACTIVITY_DEACTIVATED:SENT',
    ]);
    await server.runJobs();
    expect(server.smtp.messages).toHaveLength(4);
  });

  it('Keep active for a year starts the inactivity series afresh', async () => {
    await server.setClock('2026-12-16T12:00:00Z');
    await server.runJobs();
    expect(server.smtp.withSubject('Unused API key will be deactivated in 30 days').map((m) => m.subject)).toContain(
      '[Keyward] Unused API key will be deactivated in 30 days: "Idle" (My organization)',
    );
    await server.setClock('2026-12-20T08:00:00Z');
    await server.json('PUT', `${B}/${keys.Idle.id}/activation/extend`, { token: server.token }, 204);
    const idle = await server.getKey(keys.Idle.id);
    expect(idle).toMatchObject({
      status: 'ENABLED',
      activationDate: at('2026-12-20T08:00:00Z'),
      inactivityDeadline: at('2027-12-20T08:00:00Z'),
    });
    const count = server.smtp.messages.length;
    for (const t of ['2026-12-31T12:00:00Z', '2027-01-15T12:00:00Z', '2027-11-20T07:59:59Z']) {
      await server.setClock(t);
      await server.runJobs();
    }
    expect(server.smtp.messages.slice(count).filter((m) => m.subject.includes('"Idle"'))).toEqual([]);
    await server.setClock('2027-11-20T08:00:00Z');
    await server.runJobs();
    expect(
      server.smtp.messages
        .slice(count)
        .filter((m) => m.subject.includes('"Idle"'))
        .map((m) => m.subject),
    ).toEqual(['[Keyward] Unused API key will be deactivated in 30 days: "Idle" (My organization)']);
  });

  it('writes mail that names the organization, the key, what happens and when, links to the key, and never holds its value', async () => {
    await server.setClock('2026-04-19T00:00:00Z');
    await server.runJobs();
    const mail = server.smtp.messages[0];
    expect(mail?.text).toContain('Organization: My organization (myorganization)');
    expect(mail?.text).toContain(`API key: Expiring (id ${keys.Expiring.id})`);
    expect(mail?.text).toContain('expires on 2026-04-25 23:59:59 UTC (in 7 days)');
    expect(mail?.text).toContain(`${PUBLIC_URL}/organizations/myorganization/api-keys/${keys.Expiring.id}`);
    expect(mail?.raw).not.toContain(keys.Expiring.value);
    expect(mail?.from).toBe('keyward@localhost');
  });

  it('a key created to expire in 3 days gets the 7-day notice at once, saying the real time left', async () => {
    // T0 is 12:00 UTC: P3D reaches 2026-01-18 12:00, so the key expires at 2026-01-18 23:59:59 UTC.
    const short = await server.createKey({ displayName: 'Short-lived', lifetimeDuration: 'P3D' });
    expect(short.expirationDate).toBe(at('2026-01-18T23:59:59Z'));
    const count = server.smtp.messages.length;
    await server.runJobs();
    const mails = server.smtp.messages.slice(count).filter((m) => m.subject.includes('"Short-lived"'));
    expect(mails.map((m) => m.subject)).toEqual([
      '[Keyward] API key expires in 3 days and 12 hours: "Short-lived" (My organization)',
    ]);
    expect(mails[0]?.text).toContain('expires on 2026-01-18 23:59:59 UTC (in 3 days and 12 hours)');
    expect(`${mails[0]?.subject}${mails[0]?.text}`).not.toContain('7 days');
  });
});
