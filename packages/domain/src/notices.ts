// E-mail notice series (PRODUCT.md §5). Each notice is due at an exact instant relative to the
// event it announces:
//   expiration: X = expiryInstant(expirationDate) (00:00:00.000 UTC after the expiration day);
//               EXPIRATION_7D at X - 7 d, EXPIRATION_2D at X - 2 d, EXPIRED at X.
//   inactivity: T = the inactivity deadline (or the stored disabledDate once deactivated);
//               INACTIVITY_30D/15D/1D at T - 30/15/1 d, INACTIVITY_DEACTIVATED at T.
//   exposure:   F = report createdDate, D = its deactivationDate (or the stored disabledDate when a
//               person deactivated it early); EXPOSURE_FLAGGED at F, EXPOSURE_3D at D - 3 d,
//               EXPOSURE_24H at D - 24 h, EXPOSURE_DEACTIVATED at D.
// A "cycle" names one occurrence of the event (its deadline), so a reset deadline starts afresh.

import { DAY_MS } from './durations.ts';
import { expiryInstant } from './expiration.ts';
import { statusOf, type KeyFacts, type StatusView } from './status.ts';

export const NOTICE_SERIES = ['expiration', 'inactivity', 'exposure'] as const;
export type NoticeSeries = (typeof NOTICE_SERIES)[number];

export const NOTICE_IDS = [
  'EXPIRATION_7D',
  'EXPIRATION_2D',
  'EXPIRED',
  'INACTIVITY_30D',
  'INACTIVITY_15D',
  'INACTIVITY_1D',
  'INACTIVITY_DEACTIVATED',
  'EXPOSURE_FLAGGED',
  'EXPOSURE_3D',
  'EXPOSURE_24H',
  'EXPOSURE_DEACTIVATED',
] as const;
export type NoticeId = (typeof NOTICE_IDS)[number];

export type NoticeAudience = 'ADMINISTRATORS' | 'ADMINISTRATORS_AND_SECURITY_CONTACT';

export const NOTICE_AUDIENCE: Readonly<Record<NoticeSeries, NoticeAudience>> = {
  expiration: 'ADMINISTRATORS',
  inactivity: 'ADMINISTRATORS',
  exposure: 'ADMINISTRATORS_AND_SECURITY_CONTACT',
};

/**
 * Subject lines; the key's name is appended by the mailer. `timeLeft` is the time left before the
 * event the series announces (timeLeftText of noticeDeadline), never the notice's nominal offset:
 * the 7-day notice of a key that expires in 3 days says "in 3 days".
 */
export function noticeTitle(notice: NoticeId, timeLeft: string): string {
  switch (notice) {
    case 'EXPIRATION_7D':
    case 'EXPIRATION_2D':
      return `API key expires ${timeLeft}`;
    case 'EXPIRED':
      return 'API key expired';
    case 'INACTIVITY_30D':
    case 'INACTIVITY_15D':
    case 'INACTIVITY_1D':
      return `Unused API key will be deactivated ${timeLeft}`;
    case 'INACTIVITY_DEACTIVATED':
      return 'Unused API key deactivated';
    case 'EXPOSURE_FLAGGED':
      return 'API key flagged as exposed';
    case 'EXPOSURE_3D':
    case 'EXPOSURE_24H':
      return `Exposed API key will be deactivated ${timeLeft}`;
    case 'EXPOSURE_DEACTIVATED':
      return 'Exposed API key deactivated';
  }
}

export type DueNotice = {
  series: NoticeSeries;
  notice: NoticeId;
  cycle: string;
  dedupeKey: string;
  at: number;
  audience: NoticeAudience;
  supersedes: NoticeId[];
  supersededKeys: string[];
};

type NoticeEvent = { notice: NoticeId; at: number };
type Occurrence = { series: NoticeSeries; cycle: string; events: NoticeEvent[] };

/** A notice and how long before its series' event it is due. */
export type NoticeOffset = { readonly notice: NoticeId; readonly before: number };

/**
 * The notices of the series whose events are fixed deadlines, earliest first: due `before` ms ahead
 * of the event (expiration: X; inactivity: T). The jobs' SQL pre-filter reads these too.
 */
export const NOTICE_OFFSETS = {
  expiration: [
    { notice: 'EXPIRATION_7D', before: 7 * DAY_MS },
    { notice: 'EXPIRATION_2D', before: 2 * DAY_MS },
    { notice: 'EXPIRED', before: 0 },
  ],
  inactivity: [
    { notice: 'INACTIVITY_30D', before: 30 * DAY_MS },
    { notice: 'INACTIVITY_15D', before: 15 * DAY_MS },
    { notice: 'INACTIVITY_1D', before: DAY_MS },
    { notice: 'INACTIVITY_DEACTIVATED', before: 0 },
  ],
} as const satisfies Record<'expiration' | 'inactivity', readonly NoticeOffset[]>;

const eventsAt = (offsets: readonly NoticeOffset[], instant: number): NoticeEvent[] =>
  offsets.map((o) => ({ notice: o.notice, at: instant - o.before }));

export function noticeDedupeKey(series: NoticeSeries, cycle: string, notice: NoticeId): string {
  return `${series}:${cycle}:${notice}`;
}

/** The key will expire at or before `instant`, so warnings about that instant are moot. */
function expiresBy(facts: KeyFacts, instant: number): boolean {
  return facts.expirationDate !== null && expiryInstant(facts.expirationDate) <= instant;
}

function expirationOccurrence(facts: KeyFacts, view: StatusView): Occurrence | null {
  if (facts.expirationDate === null || !(view.usable || view.status === 'EXPIRED')) return null;
  const x = expiryInstant(facts.expirationDate);
  return {
    series: 'expiration',
    cycle: String(facts.expirationDate),
    events: eventsAt(NOTICE_OFFSETS.expiration, x),
  };
}

function inactivityOccurrence(facts: KeyFacts, view: StatusView): Occurrence | null {
  const stored = !facts.enabled && facts.disabledReason === 'INACTIVITY';
  if (!(view.usable || view.status === 'DISABLED_FOR_INACTIVITY')) return null;
  const t = stored ? (facts.disabledDate ?? view.inactivityDeadline) : view.inactivityDeadline;
  if (view.usable && expiresBy(facts, t)) return null;
  return {
    series: 'inactivity',
    cycle: String(t),
    events: eventsAt(NOTICE_OFFSETS.inactivity, t),
  };
}

function exposureOccurrence(facts: KeyFacts, view: StatusView): Occurrence | null {
  const report = facts.exposure;
  if (report === null || !(view.usable || view.status === 'DISABLED_EXPOSED')) return null;
  const flagged = report.createdDate ?? 0;
  const deadline = report.deactivationDate;
  const stored = !facts.enabled && facts.disabledReason === 'EXPOSED';
  const end = stored ? (facts.disabledDate ?? deadline) : deadline;
  const events: NoticeEvent[] = [{ notice: 'EXPOSURE_FLAGGED', at: flagged }];
  if (end !== null && (stored || !expiresBy(facts, end))) {
    if (deadline !== null) {
      events.push(
        { notice: 'EXPOSURE_3D', at: deadline - 3 * DAY_MS },
        { notice: 'EXPOSURE_24H', at: deadline - DAY_MS },
      );
    }
    events.push({ notice: 'EXPOSURE_DEACTIVATED', at: end });
  }
  return {
    series: 'exposure',
    cycle: `${flagged}/${deadline ?? 'none'}`,
    events: events.filter((e) => end === null || e.at <= end),
  };
}

/** The latest due event (ties: the later one in the series); null when none is due. */
function latestDue(events: readonly NoticeEvent[], now: number): NoticeEvent | null {
  let latest: NoticeEvent | null = null;
  for (const e of events) if (e.at <= now && (latest === null || e.at >= latest.at)) latest = e;
  return latest;
}

function dueIn(occurrence: Occurrence, sent: ReadonlySet<string>, now: number): DueNotice | null {
  const { series, cycle, events } = occurrence;
  const latest = latestDue(events, now);
  const key = (notice: NoticeId): string => noticeDedupeKey(series, cycle, notice);
  if (latest === null || sent.has(key(latest.notice))) return null;
  const supersedes = events.filter((e) => e !== latest && e.at <= now && !sent.has(key(e.notice))).map((e) => e.notice);
  return {
    series,
    notice: latest.notice,
    cycle,
    dedupeKey: key(latest.notice),
    at: latest.at,
    audience: NOTICE_AUDIENCE[series],
    supersedes,
    supersededKeys: supersedes.map(key),
  };
}

/**
 * The notices to send now, at most one per series: the latest whose instant has come in the
 * current cycle, unless it was already sent. Earlier due notices not yet sent are listed in
 * `supersedes`/`supersededKeys` so the caller records them as sent without mailing them.
 * Keys disabled by a person (or at the end of a rotation period) get no notices.
 */
export function noticesDue(facts: KeyFacts, sent: ReadonlySet<string>, now: number): DueNotice[] {
  const view = statusOf(facts, now);
  if (view.status === 'DISABLED') return [];
  const occurrences = [
    expirationOccurrence(facts, view),
    inactivityOccurrence(facts, view),
    exposureOccurrence(facts, view),
  ];
  return occurrences.flatMap((o) => {
    const due = o === null ? null : dueIn(o, sent, now);
    return due === null ? [] : [due];
  });
}

/**
 * The instant a notice's series announces, read from its cycle: the expiry instant, the inactivity
 * deadline, or the exposure report's deactivation date (null for a report that has none, WARN).
 */
export function noticeDeadline(due: Pick<DueNotice, 'series' | 'cycle'>): number | null {
  switch (due.series) {
    case 'expiration':
      return expiryInstant(Number(due.cycle));
    case 'inactivity':
      return Number(due.cycle);
    case 'exposure': {
      const deadline = due.cycle.split('/')[1];
      return deadline === undefined || deadline === 'none' ? null : Number(deadline);
    }
  }
}
