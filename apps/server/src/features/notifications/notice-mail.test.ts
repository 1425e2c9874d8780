import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  HOUR_MS,
  NOTICE_AUDIENCE,
  NOTICE_IDS,
  type DueNotice,
  type NoticeId,
  type NoticeSeries,
} from '@keyward/domain';
import { composeNoticeMail, formatUtc, redactKeyValues, type NoticeKey } from './notice-mail.ts';

const E = Date.parse('2026-04-25T23:59:59Z');
/** Expired from here: 00:00:00 UTC after the expiration day. */
const X = E + 1000;
const T = Date.parse('2027-01-15T12:00:00Z');
const F = Date.parse('2026-02-01T00:00:00Z');
const D = Date.parse('2026-02-03T00:00:00Z');
const VALUE = 'kwprv_abcdefghijABCDEFGHIJ0123456789XYZ123';

const key: NoticeKey = {
  id: 'k1k1k1k1k1k1k1k1k1k1k1k1k',
  organizationId: 'acme',
  displayName: 'Checkout search',
  maskedValue: 'kwprv_********************************Z123',
  activationDate: Date.parse('2026-01-15T12:00:00Z'),
  lastUsedDate: null,
  expirationDate: E,
  exposure: {
    severity: 'HIGH',
    deactivationDate: D,
    createdDate: F,
    reasons: [
      {
        id: 'r1',
        reason: `value ${VALUE} in a gist`,
        source: 'MANUAL',
        url: 'https://gist.example/1',
        createdDate: F,
        severity: 'HIGH',
      },
    ],
  },
};

function due(notice: NoticeId): DueNotice {
  const series: NoticeSeries = notice.startsWith('EXPOS')
    ? 'exposure'
    : notice.startsWith('INACTIVITY')
      ? 'inactivity'
      : 'expiration';
  const cycle = series === 'expiration' ? String(E) : series === 'inactivity' ? String(T) : `${F}/${D}`;
  const at = notice === 'EXPOSURE_DEACTIVATED' ? D : notice === 'EXPOSURE_FLAGGED' ? F : 0;
  return {
    series,
    notice,
    cycle,
    dedupeKey: `${series}:${cycle}:${notice}`,
    at,
    audience: NOTICE_AUDIENCE[series],
    supersedes: [],
    supersededKeys: [],
  };
}

const WHEN: Record<NoticeId, string> = {
  EXPIRATION_7D: 'expires on 2026-04-25 23:59:59 UTC (in 7 days)',
  EXPIRATION_2D: 'expires on 2026-04-25 23:59:59 UTC (in 2 days)',
  EXPIRED: 'expired on 2026-04-25 23:59:59 UTC',
  INACTIVITY_30D: 'deactivated on 2027-01-15 12:00:00 UTC (in 30 days)',
  INACTIVITY_15D: 'deactivated on 2027-01-15 12:00:00 UTC (in 15 days)',
  INACTIVITY_1D: 'deactivated on 2027-01-15 12:00:00 UTC (in 24 hours)',
  INACTIVITY_DEACTIVATED: 'was deactivated on 2027-01-15 12:00:00 UTC because it had not been used for a year',
  EXPOSURE_FLAGGED: 'flagged as exposed on 2026-02-01 00:00:00 UTC (severity HIGH)',
  EXPOSURE_3D: 'will be deactivated on 2026-02-03 00:00:00 UTC (in 3 days)',
  EXPOSURE_24H: 'will be deactivated on 2026-02-03 00:00:00 UTC (in 24 hours)',
  EXPOSURE_DEACTIVATED: 'was deactivated on 2026-02-03 00:00:00 UTC because it was exposed',
};

/** When each notice is written, in these tests: at its nominal instant. */
const WRITTEN: Record<NoticeId, number> = {
  EXPIRATION_7D: X - 7 * DAY_MS,
  EXPIRATION_2D: X - 2 * DAY_MS,
  EXPIRED: X,
  INACTIVITY_30D: T - 30 * DAY_MS,
  INACTIVITY_15D: T - 15 * DAY_MS,
  INACTIVITY_1D: T - DAY_MS,
  INACTIVITY_DEACTIVATED: T,
  EXPOSURE_FLAGGED: F,
  EXPOSURE_3D: D - 3 * DAY_MS,
  EXPOSURE_24H: D - DAY_MS,
  EXPOSURE_DEACTIVATED: D,
};

describe('composeNoticeMail', () => {
  it.each(NOTICE_IDS)('%s names the organization, the key, what happens and when, and links to the key', (notice) => {
    const mail = composeNoticeMail({
      notice: due(notice),
      now: WRITTEN[notice],
      key,
      organizationName: 'Acme',
      publicUrl: 'https://keys.acme.test/',
    });
    expect(mail.subject).toContain('"Checkout search" (Acme)');
    expect(mail.text).toContain('Organization: Acme (acme)');
    expect(mail.text).toContain(`API key: Checkout search (id ${key.id})`);
    expect(mail.text).toContain(WHEN[notice]);
    expect(mail.text).toContain(`https://keys.acme.test/organizations/acme/api-keys/${key.id}`);
    expect(`${mail.subject}${mail.text}`).not.toContain(VALUE);
  });

  it('lists the reasons of an exposure, values masked', () => {
    const mail = composeNoticeMail({
      notice: due('EXPOSURE_FLAGGED'),
      now: F,
      key,
      organizationName: 'Acme',
      publicUrl: 'https://keys.acme.test',
    });
    expect(mail.text).toContain(
      '- value kwprv_********************************Z123 in a gist (MANUAL, severity HIGH, https://gist.example/1',
    );
    expect(mail.text).toContain('It will be deactivated automatically on 2026-02-03 00:00:00 UTC (in 2 days).');
  });

  it.each<[string, NoticeId, number, string]>([
    // a key created with a 3-day expiration gets the 7-day notice at once
    ['the 7-day notice of a key that expires in 3 days', 'EXPIRATION_7D', X - 3 * DAY_MS, 'in 3 days'],
    ['the 2-day notice, written 10 hours late', 'EXPIRATION_2D', X - 38 * HOUR_MS, 'in 38 hours'],
    ['the 2-day notice, written 90 s late', 'EXPIRATION_2D', X - 2 * DAY_MS + 90_000, 'in 2 days'],
    ['the 30-day inactivity notice, written after a week down', 'INACTIVITY_30D', T - 23 * DAY_MS, 'in 23 days'],
    ['the 1-day inactivity notice, in its last hour', 'INACTIVITY_1D', T - 40 * 60_000, 'in 40 minutes'],
    ['the 3-day exposure notice of a deadline 2 days away', 'EXPOSURE_3D', D - 2 * DAY_MS, 'in 2 days'],
    ['the 24-hour exposure notice, written 6 hours late', 'EXPOSURE_24H', D - 18 * HOUR_MS, 'in 18 hours'],
  ])('%s says the real time left (%s)', (_, notice, now, left) => {
    const mail = composeNoticeMail({ notice: due(notice), now, key, organizationName: 'Acme', publicUrl: 'https://k' });
    expect(mail.subject).toContain(` ${left}: "Checkout search"`);
    expect(mail.text).toContain(`(${left})`);
    for (const nominal of ['in 7 days', 'in 2 days', 'in 30 days', 'in 24 hours', 'in 3 days', 'tomorrow'])
      if (nominal !== left) expect(`${mail.subject}\n${mail.text}`).not.toContain(nominal);
  });

  it('formats instants in UTC and masks anything shaped like a key value', () => {
    expect(formatUtc(Date.parse('2026-03-08T23:59:59.999Z'))).toBe('2026-03-08 23:59:59 UTC');
    expect(redactKeyValues(`a ${VALUE} b`)).toBe('a kwprv_********************************Z123 b');
  });
});
