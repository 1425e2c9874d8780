import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS } from './durations.ts';
import {
  noticeDeadline,
  noticeDedupeKey,
  noticesDue,
  noticeTitle,
  type NoticeId,
  type NoticeSeries,
} from './notices.ts';
import { timeLeftText } from './time-left.ts';
import type { KeyFacts } from './status.ts';

const t = (iso: string): number => Date.parse(iso);
const facts = (over: Partial<KeyFacts>): KeyFacts => ({
  enabled: true,
  disabledReason: null,
  disabledDate: null,
  templateId: 'anonymous-search',
  activationDate: t('2025-01-01T00:00:00.000Z'),
  lastUsedDate: null,
  expirationDate: null,
  exposure: null,
  scheduledDeactivationDate: null,
  ...over,
});

/** Sent set from notice ids of one series and cycle. */
const sentOf = (series: NoticeSeries, cycle: string, ids: NoticeId[]): Set<string> =>
  new Set(ids.map((id) => noticeDedupeKey(series, cycle, id)));

const summary = (f: KeyFacts, sent: ReadonlySet<string>, now: string) =>
  noticesDue(f, sent, t(now)).map((n) => [n.notice, ...n.supersedes]);

describe('expiration series (X = E + 1 s = 00:00:00.000 UTC after the expiration day)', () => {
  const E = t('2025-06-10T23:59:59.000Z');
  const f = facts({ expirationDate: E });
  const cycle = String(E);
  it.each<[string, NoticeId[], NoticeId[][]]>([
    ['2025-06-03T23:59:59.999Z', [], []],
    ['2025-06-04T00:00:00.000Z', [], [['EXPIRATION_7D']]],
    ['2025-06-08T23:59:59.999Z', ['EXPIRATION_7D'], []],
    ['2025-06-09T00:00:00.000Z', ['EXPIRATION_7D'], [['EXPIRATION_2D']]],
    ['2025-06-10T23:59:59.999Z', ['EXPIRATION_7D', 'EXPIRATION_2D'], []],
    ['2025-06-11T00:00:00.000Z', ['EXPIRATION_7D', 'EXPIRATION_2D'], [['EXPIRED']]],
    ['2025-06-11T00:00:00.000Z', ['EXPIRATION_7D', 'EXPIRATION_2D', 'EXPIRED'], []],
    // missed series: only the latest, the rest superseded
    ['2025-06-09T00:00:00.000Z', [], [['EXPIRATION_2D', 'EXPIRATION_7D']]],
    ['2025-06-20T00:00:00.000Z', [], [['EXPIRED', 'EXPIRATION_7D', 'EXPIRATION_2D']]],
    ['2025-06-20T00:00:00.000Z', ['EXPIRATION_7D'], [['EXPIRED', 'EXPIRATION_2D']]],
    // the latest already went out: never send an older one
    ['2025-06-09T12:00:00.000Z', ['EXPIRATION_2D'], []],
  ])('at %s, sent %j -> %j', (now, sent, expected) => {
    expect(summary(f, sentOf('expiration', cycle, sent), now)).toEqual(expected);
  });

  it('describes the notice fully', () => {
    expect(noticesDue(f, new Set(), t('2025-06-09T00:00:00.000Z'))).toEqual([
      {
        series: 'expiration',
        notice: 'EXPIRATION_2D',
        cycle,
        dedupeKey: `expiration:${cycle}:EXPIRATION_2D`,
        at: t('2025-06-09T00:00:00.000Z'),
        audience: 'ADMINISTRATORS',
        supersedes: ['EXPIRATION_7D'],
        supersededKeys: [`expiration:${cycle}:EXPIRATION_7D`],
      },
    ]);
  });
});

describe('inactivity series (T = one year after last use or activation)', () => {
  const T = t('2026-01-01T00:00:00.000Z');
  const cycle = String(T);
  it.each<[string, NoticeId[], NoticeId[][]]>([
    ['2025-12-01T23:59:59.999Z', [], []],
    ['2025-12-02T00:00:00.000Z', [], [['INACTIVITY_30D']]],
    ['2025-12-16T23:59:59.999Z', ['INACTIVITY_30D'], []],
    ['2025-12-17T00:00:00.000Z', ['INACTIVITY_30D'], [['INACTIVITY_15D']]],
    ['2025-12-31T00:00:00.000Z', ['INACTIVITY_30D', 'INACTIVITY_15D'], [['INACTIVITY_1D']]],
    ['2025-12-31T23:59:59.999Z', ['INACTIVITY_30D', 'INACTIVITY_15D', 'INACTIVITY_1D'], []],
    ['2026-01-01T00:00:00.000Z', ['INACTIVITY_30D', 'INACTIVITY_15D', 'INACTIVITY_1D'], [['INACTIVITY_DEACTIVATED']]],
    ['2026-03-01T00:00:00.000Z', [], [['INACTIVITY_DEACTIVATED', 'INACTIVITY_30D', 'INACTIVITY_15D', 'INACTIVITY_1D']]],
  ])('at %s, sent %j -> %j', (now, sent, expected) => {
    expect(summary(facts({}), sentOf('inactivity', cycle, sent), now)).toEqual(expected);
  });

  it('keeps its cycle once stored, even if denied calls move last used', () => {
    const stored = facts({
      enabled: false,
      disabledReason: 'INACTIVITY',
      disabledDate: T,
      lastUsedDate: t('2026-02-01T00:00:00.000Z'),
    });
    const all: NoticeId[] = ['INACTIVITY_30D', 'INACTIVITY_15D', 'INACTIVITY_1D', 'INACTIVITY_DEACTIVATED'];
    expect(summary(stored, sentOf('inactivity', cycle, all), '2026-02-02T00:00:00.000Z')).toEqual([]);
    expect(noticesDue(stored, new Set(), t('2026-02-02T00:00:00.000Z'))[0]?.dedupeKey).toBe(
      `inactivity:${cycle}:INACTIVITY_DEACTIVATED`,
    );
  });

  it('starts a new cycle when the key is kept active', () => {
    const kept = facts({ activationDate: t('2025-12-20T00:00:00.000Z') });
    expect(summary(kept, sentOf('inactivity', cycle, ['INACTIVITY_30D']), '2025-12-20T00:00:00.000Z')).toEqual([]);
    const cycle2 = noticesDue(kept, new Set(), t('2026-11-20T00:00:00.000Z'))[0]?.cycle;
    expect(cycle2).toBe(String(t('2026-12-20T00:00:00.000Z')));
  });

  it('says nothing about inactivity when the key expires first', () => {
    const expiring = facts({ expirationDate: t('2025-12-20T23:59:59.000Z') });
    expect(summary(expiring, new Set(), '2025-12-02T00:00:00.000Z')).toEqual([]);
    expect(summary(expiring, new Set(), '2025-12-14T00:00:00.000Z')).toEqual([['EXPIRATION_7D']]);
  });
});

describe('exposure series (F = flagged, D = deactivation date)', () => {
  const F = t('2025-06-10T12:00:00.000Z');
  const exposed = (severity: 'CRITICAL' | 'HIGH' | 'MEDIUM' | 'WARN', delay: number | null) =>
    facts({
      lastUsedDate: F,
      exposure: { severity, deactivationDate: delay === null ? null : F + delay, createdDate: F },
    });
  const at = (ms: number) => new Date(ms).toISOString();
  const cycleOf = (delay: number | null) => `${F}/${delay === null ? 'none' : F + delay}`;

  it.each<[string, ReturnType<typeof exposed>, number | null, number, NoticeId[], NoticeId[][]]>([
    ['MEDIUM when flagged', exposed('MEDIUM', 7 * DAY_MS), 7 * DAY_MS, F, [], [['EXPOSURE_FLAGGED']]],
    [
      'MEDIUM 1 ms before D - 3 days',
      exposed('MEDIUM', 7 * DAY_MS),
      7 * DAY_MS,
      F + 4 * DAY_MS - 1,
      ['EXPOSURE_FLAGGED'],
      [],
    ],
    [
      'MEDIUM at D - 3 days',
      exposed('MEDIUM', 7 * DAY_MS),
      7 * DAY_MS,
      F + 4 * DAY_MS,
      ['EXPOSURE_FLAGGED'],
      [['EXPOSURE_3D']],
    ],
    [
      'MEDIUM at D - 24 hours',
      exposed('MEDIUM', 7 * DAY_MS),
      7 * DAY_MS,
      F + 6 * DAY_MS,
      ['EXPOSURE_FLAGGED', 'EXPOSURE_3D'],
      [['EXPOSURE_24H']],
    ],
    [
      'MEDIUM 1 ms before D',
      exposed('MEDIUM', 7 * DAY_MS),
      7 * DAY_MS,
      F + 7 * DAY_MS - 1,
      ['EXPOSURE_FLAGGED', 'EXPOSURE_3D', 'EXPOSURE_24H'],
      [],
    ],
    [
      'MEDIUM at D',
      exposed('MEDIUM', 7 * DAY_MS),
      7 * DAY_MS,
      F + 7 * DAY_MS,
      ['EXPOSURE_FLAGGED', 'EXPOSURE_3D', 'EXPOSURE_24H'],
      [['EXPOSURE_DEACTIVATED']],
    ],
    [
      'HIGH when flagged: 3 days before already passed',
      exposed('HIGH', 2 * DAY_MS),
      2 * DAY_MS,
      F,
      [],
      [['EXPOSURE_FLAGGED', 'EXPOSURE_3D']],
    ],
    [
      'HIGH at D - 24 hours',
      exposed('HIGH', 2 * DAY_MS),
      2 * DAY_MS,
      F + DAY_MS,
      ['EXPOSURE_FLAGGED', 'EXPOSURE_3D'],
      [['EXPOSURE_24H']],
    ],
    [
      'CRITICAL: deactivated at once',
      exposed('CRITICAL', 0),
      0,
      F,
      [],
      [['EXPOSURE_DEACTIVATED', 'EXPOSURE_FLAGGED', 'EXPOSURE_3D', 'EXPOSURE_24H']],
    ],
    ['WARN: flagged only', exposed('WARN', null), null, F, [], [['EXPOSURE_FLAGGED']]],
    ['WARN, later', exposed('WARN', null), null, F + 300 * DAY_MS, ['EXPOSURE_FLAGGED'], []],
    [
      'missed: down from flag to deadline',
      exposed('MEDIUM', 7 * DAY_MS),
      7 * DAY_MS,
      F + 8 * DAY_MS,
      [],
      [['EXPOSURE_DEACTIVATED', 'EXPOSURE_FLAGGED', 'EXPOSURE_3D', 'EXPOSURE_24H']],
    ],
  ])('%s', (_name, f, delay, now, sent, expected) => {
    expect(summary(f, sentOf('exposure', cycleOf(delay), sent), at(now))).toEqual(expected);
  });

  it('goes to administrators and the security contact', () => {
    expect(noticesDue(exposed('HIGH', 2 * DAY_MS), new Set(), F)[0]?.audience).toBe(
      'ADMINISTRATORS_AND_SECURITY_CONTACT',
    );
  });

  it('flags at once when the report date is unknown', () => {
    const f = facts({ lastUsedDate: F, exposure: { severity: 'WARN', deactivationDate: null } });
    expect(noticesDue(f, new Set(), F)[0]).toMatchObject({ notice: 'EXPOSURE_FLAGGED', at: 0, cycle: '0/none' });
  });

  it('starts a new cycle when a new reason brings the deadline closer', () => {
    const before = exposed('MEDIUM', 7 * DAY_MS);
    const after = exposed('HIGH', 2 * DAY_MS);
    const sent = sentOf('exposure', cycleOf(7 * DAY_MS), ['EXPOSURE_FLAGGED']);
    expect(summary(before, sent, at(F + HOUR_MS))).toEqual([]);
    expect(summary(after, sent, at(F + HOUR_MS))).toEqual([['EXPOSURE_FLAGGED', 'EXPOSURE_3D']]);
  });

  it('a person deactivating an exposed key early sends the deactivation notice, then nothing', () => {
    const early = {
      ...exposed('MEDIUM', 7 * DAY_MS),
      enabled: false,
      disabledReason: 'EXPOSED' as const,
      disabledDate: F + HOUR_MS,
    };
    const cycle = cycleOf(7 * DAY_MS);
    expect(summary(early, sentOf('exposure', cycle, ['EXPOSURE_FLAGGED']), at(F + HOUR_MS))).toEqual([
      ['EXPOSURE_DEACTIVATED'],
    ]);
    const all = sentOf('exposure', cycle, ['EXPOSURE_FLAGGED', 'EXPOSURE_DEACTIVATED']);
    expect(summary(early, all, at(F + 6 * DAY_MS))).toEqual([]);
  });

  it('skips deadline warnings when the key expires before the deadline', () => {
    const f = { ...exposed('MEDIUM', 7 * DAY_MS), expirationDate: t('2025-06-11T23:59:59.000Z') };
    expect(summary(f, new Set(), at(F))).toEqual([['EXPIRATION_2D', 'EXPIRATION_7D'], ['EXPOSURE_FLAGGED']]);
    const later = sentOf('exposure', cycleOf(7 * DAY_MS), ['EXPOSURE_FLAGGED']);
    expect(noticesDue(f, later, F + 4 * DAY_MS).map((n) => n.notice)).toEqual(['EXPIRED']);
  });
});

describe('keys that get no notices', () => {
  const E = t('2025-06-10T23:59:59.000Z');
  const everythingDue = {
    expirationDate: E,
    exposure: { severity: 'HIGH' as const, deactivationDate: E - DAY_MS, createdDate: E - 3 * DAY_MS },
  };
  it.each<[string, Partial<KeyFacts>]>([
    ['disabled by a person', { enabled: false, disabledReason: 'MANUAL', disabledDate: E - 10 * DAY_MS }],
    ['disabled by rotation', { enabled: false, disabledReason: 'ROTATED', disabledDate: E - 10 * DAY_MS }],
    ['rotation period over', { scheduledDeactivationDate: E - 10 * DAY_MS }],
  ])('%s', (_name, over) => {
    const now = E - 4 * DAY_MS; // expiration 7D and exposure flagged would be due
    expect(noticesDue(facts(everythingDue), new Set(), now)).toHaveLength(2);
    expect(noticesDue(facts({ ...everythingDue, ...over }), new Set(), now)).toEqual([]);
  });

  it('an expired key gets only the expiration series', () => {
    expect(noticesDue(facts(everythingDue), new Set(), t('2025-06-11T00:00:00.000Z')).map((n) => n.series)).toEqual([
      'expiration',
    ]);
  });
});

describe('several series at once', () => {
  it('returns one notice per series', () => {
    const f = facts({
      exposure: { severity: 'WARN', deactivationDate: null, createdDate: t('2025-12-10T00:00:00.000Z') },
    });
    expect(summary(f, new Set(), '2025-12-20T00:00:00.000Z')).toEqual([
      ['INACTIVITY_15D', 'INACTIVITY_30D'],
      ['EXPOSURE_FLAGGED'],
    ]);
  });
});

describe('what a notice says about the time left (noticeDeadline, noticeTitle, timeLeftText)', () => {
  const E = t('2025-06-10T23:59:59.000Z');
  const subjectAt = (f: KeyFacts, now: string): string[] =>
    noticesDue(f, new Set(), t(now)).map((due) => {
      const deadline = noticeDeadline(due);
      return noticeTitle(due.notice, deadline === null ? '' : timeLeftText(t(now), deadline));
    });

  it('the 7-day notice of a key that expires in 3 days and a half says so, not "in 7 days"', () => {
    expect(subjectAt(facts({ expirationDate: E }), '2025-06-07T12:00:00.000Z')).toEqual([
      'API key expires in 3 days and 12 hours',
    ]);
  });

  it.each<[string, string]>([
    ['2025-06-04T00:00:00.000Z', 'API key expires in 7 days'],
    ['2025-06-04T00:01:00.000Z', 'API key expires in 7 days'],
    ['2025-06-09T00:00:00.000Z', 'API key expires in 2 days'],
    ['2025-06-10T06:00:00.000Z', 'API key expires in 18 hours'],
    ['2025-06-11T00:00:00.000Z', 'API key expired'],
  ])('expiration at %s: %s', (now, subject) => {
    expect(subjectAt(facts({ expirationDate: E }), now)).toEqual([subject]);
  });

  it('inactivity: the time left to the deadline, whichever notice is due', () => {
    const f = facts({ activationDate: t('2025-01-01T00:00:00.000Z'), expirationDate: null });
    expect(subjectAt(f, '2025-12-02T00:00:00.000Z')).toEqual(['Unused API key will be deactivated in 30 days']);
    // the server was down through the 30-day and 15-day notices: the 15-day one goes out late
    expect(subjectAt(f, '2025-12-20T00:00:00.000Z')).toEqual(['Unused API key will be deactivated in 12 days']);
    expect(subjectAt(f, '2025-12-31T00:00:00.000Z')).toEqual(['Unused API key will be deactivated in 24 hours']);
  });

  it('exposure: a HIGH report (2 days) is never told "in 3 days"', () => {
    const flagged = t('2025-03-01T00:00:00.000Z');
    const report = {
      severity: 'HIGH' as const,
      deactivationDate: flagged + 2 * DAY_MS,
      createdDate: flagged,
      reasons: [],
    };
    const f = facts({ exposure: report });
    expect(subjectAt(f, '2025-03-01T00:00:00.000Z')).toEqual(['API key flagged as exposed']);
    const sent = sentOf('exposure', `${flagged}/${flagged + 2 * DAY_MS}`, ['EXPOSURE_FLAGGED']);
    const due = noticesDue(f, sent, flagged + DAY_MS + 6 * HOUR_MS);
    expect(due.map((d) => d.notice)).toEqual(['EXPOSURE_24H']);
    expect(timeLeftText(flagged + DAY_MS + 6 * HOUR_MS, noticeDeadline(due[0]!) ?? 0)).toBe('in 18 hours');
  });

  it('names the deadline of each series, none for a WARN report', () => {
    expect(noticeDeadline({ series: 'expiration', cycle: String(E) })).toBe(E + 1000);
    expect(noticeDeadline({ series: 'inactivity', cycle: '1000' })).toBe(1000);
    expect(noticeDeadline({ series: 'exposure', cycle: '1/2' })).toBe(2);
    expect(noticeDeadline({ series: 'exposure', cycle: '1/none' })).toBeNull();
  });
});
