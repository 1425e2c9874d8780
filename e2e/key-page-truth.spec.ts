/// <reference lib="dom" />
import type { APIRequestContext, Page } from '@playwright/test';
import { AdminApi, expect, loginAs, openKeyList, test, uniqueName } from './fixtures.ts';
import { adminRequest, B, openKey, serverNow, setServerClock } from './journey-support.ts';

// The key page tells one story (PRODUCT.md §6, issue 10): one "what happens next" line computed by
// the domain, and nothing elsewhere on the page that contradicts it ("It will be deactivated 48
// seconds ago", a deactivation date after the key has expired, "No deactivation date is set" beside
// a date, "Deactivated: None" for an expired key). Keys are put in every state with the test clock;
// the browser runs on the server's time, as a person's browser does.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const DAY_TEXT = /[A-Z][a-z]{2} \d{1,2}, \d{4}/;

/** Phrases that contradict themselves or the line above them, wherever they appear on the page. */
const CONTRADICTIONS: RegExp[] = [
  /\bwill\b[^.\n]*\b(ago|yesterday|last (week|month|year))\b/i,
  /Next:[^.\n]*\b(ago|yesterday)\b/,
  /No longer active:[^.\n]*\bin (\d+|a|an) \w+/,
  /No deactivation date is set/i,
  /Deactivated:?\s*None/,
  /Not scheduled/,
];

/** "Expires Dec 5, 2026 (in 2 days)" → "Expires in 2 days": the Details row without its day. */
const withoutDay = (text: string): string => text.replace(new RegExp(`${DAY_TEXT.source} \\((.*)\\)`), '$1').trim();

function term(page: Page, name: string) {
  return page
    .getByRole('region', { name: 'Details' })
    .locator('dt', { hasText: new RegExp(`^${name}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

interface Story {
  /** The next-line, after "Next:" or "No longer active:". */
  line: string | RegExp;
  usable: boolean;
  /** Text the exposure panel must hold, and must not hold. */
  exposure?: { has: string | RegExp; hasNot?: string | RegExp };
  /** The banner's title, or null when none is due. */
  banner?: string | null;
}

async function expectOneStory(page: Page, id: string, story: Story): Promise<void> {
  await openKey(page, id);
  const line = page.getByTestId('next-line');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(story.usable ? 'Next:' : 'No longer active:');
  await expect(line).toContainText(story.line);
  const pill = page.getByRole('heading', { level: 1 }).locator('.pill');
  await expect(pill).toHaveText(
    story.usable
      ? /^(Active|Exposed|Soon to be expired|Soon to be deactivated)$/
      : /^(Expired|Deactivated.*|Disabled)$/,
  );

  const main = await page.getByRole('main').innerText();
  for (const contradiction of CONTRADICTIONS) expect(main, `no "${contradiction.source}"`).not.toMatch(contradiction);

  // The Details row states the same event as the line, with its day.
  const row = term(page, story.usable ? 'What happens next' : 'No longer active');
  await expect(row).toHaveText(DAY_TEXT);
  const lineText = (await line.innerText()).replace(/^(Next|No longer active): /, '').replace(/\.( .*)?$/, '');
  expect(withoutDay(await row.innerText())).toBe(lineText);
  // An expiry is stated on the day of the Expiration date, never the day after.
  if (/^(Expires|Expired)\b/.test(lineText)) {
    const day = (await term(page, 'Expiration date').innerText()).match(DAY_TEXT)?.[0];
    expect(day).toBeDefined();
    expect((await row.innerText()).match(DAY_TEXT)?.[0]).toBe(day);
  }

  const panel = page.getByRole('region', { name: 'Exposure report' });
  if (story.exposure) {
    await expect(panel).toContainText(story.exposure.has);
    if (story.exposure.hasNot) await expect(panel).not.toContainText(story.exposure.hasNot);
  } else {
    await expect(panel).toHaveCount(0);
  }
  if (story.banner === undefined) return;
  for (const title of ['Soon to be expired', 'Soon to be deactivated for inactivity']) {
    const banner = page.locator('.key-lifecycle .callout-title', { hasText: new RegExp(`^${title}$`) });
    await expect(banner).toHaveCount(title === story.banner ? 1 : 0);
  }
}

/** The list's Status cell states the same next event as the key page. */
async function expectListStatus(page: Page, name: string, id: string, has: RegExp): Promise<void> {
  await openKeyList(page, name);
  const row = page.getByRole('row').filter({ has: page.locator(`a[href$="/api-keys/${id}"]`) });
  await expect(row.locator('.status-dates')).toHaveText(has);
}

/** Moves the server and the browser to `at`, and logs in again (sessions last 4 hours of server time). */
async function travelTo(page: Page, api: APIRequestContext, at: number): Promise<void> {
  await setServerClock(api, at);
  await page.clock.setSystemTime(at);
  await loginAs(page);
}

test('every state of a key: one next event, and nothing on the page that contradicts it', async ({ page, admin }) => {
  test.setTimeout(180_000);
  const clockApi = await adminRequest();
  const start = await serverNow(clockApi);
  const name = (label: string) => uniqueName(`Truth ${label}`);
  try {
    await page.clock.install({ time: start });
    const make = async (label: string, body: Record<string, unknown> = {}) =>
      (await admin.createKey('usage-analytics', { displayName: name(label), ...body })).id;
    const keys = {
      active: await make('active'),
      expiresSoon: await make('expires soon', { lifetimeDuration: 'P5D' }),
      expired: await make('expired', { lifetimeDuration: 'P1D' }),
      critical: await make('critical'),
      highPassed: await make('high passed'),
      warn: await make('warn'),
      lowAfterExpiry: await make('low after expiry', { lifetimeDuration: 'P10D' }),
      disabled: await make('disabled'),
      inGrace: await make('in grace'),
      rotatedNow: await make('rotated now'),
    };
    await admin.reportExposure(keys.critical, 'Pasted in a public gist', 'CRITICAL');
    await admin.reportExposure(keys.highPassed, 'Pasted in a public gist', 'HIGH');
    await admin.reportExposure(keys.warn, 'Public key seen on a web page', 'WARN');
    await admin.reportExposure(keys.lowAfterExpiry, 'Seen in a log', 'LOW');
    await admin.disableKey(keys.disabled);
    for (const [id, period] of [
      [keys.inGrace, 'P7D'],
      [keys.rotatedNow, 'PT0S'],
    ] as const) {
      const rotated = await clockApi.post(`${B}/${id}/rotate`, { data: { previousKeyExpirationPeriod: period } });
      expect(rotated.ok(), await rotated.text()).toBe(true);
    }

    // Three days and an hour later.
    await travelTo(page, clockApi, start + 3 * DAY + HOUR);
    const laterApi = await adminRequest();
    const later = new AdminApi(laterApi);
    const highPending = (await later.createKey('usage-analytics', { displayName: name('high pending') })).id;
    await later.reportExposure(highPending, 'Pasted in a public gist', 'HIGH');

    await expectOneStory(page, keys.active, {
      usable: true,
      line: /^Next: Deactivated for inactivity, unless it is used, (next year|in 1\d months)\.$/,
      banner: null,
    });
    await expectOneStory(page, keys.expiresSoon, {
      usable: true,
      line: /Expires (in \d days|tomorrow)/,
      banner: 'Soon to be expired',
    });
    await expectOneStory(page, keys.expired, { usable: false, line: /Expired (\d+ (hours?|days?) ago|yesterday)/ });
    await expectOneStory(page, keys.critical, {
      usable: false,
      line: 'Deactivated because it was exposed 3 days ago',
      exposure: { has: 'It was deactivated because of it 3 days ago', hasNot: 'will be deactivated' },
    });
    await expectOneStory(page, keys.highPassed, {
      usable: false,
      line: /Deactivated because it was exposed (yesterday|\d+ hours ago)/,
      exposure: { has: 'It was deactivated because of it', hasNot: 'will be deactivated' },
    });
    await expectOneStory(page, highPending, {
      usable: true,
      line: 'Deactivated because it was exposed, in 2 days',
      exposure: { has: 'It will be deactivated in 2 days unless the report is dismissed' },
    });
    await expectOneStory(page, keys.warn, {
      usable: true,
      line: 'Deactivated for inactivity, unless it is used,',
      exposure: { has: 'as a warning only: it will not be deactivated for it' },
    });
    // The list says the same as the pages.
    const listed = async (label: keyof typeof keys | 'highPending', has: RegExp) => {
      const id = label === 'highPending' ? highPending : keys[label];
      await expectListStatus(page, (await later.getKey(id)).displayName, id, has);
    };
    await listed('lowAfterExpiry', /^Expires (in \d days|next week)$/);
    await listed('highPending', /^Deactivation in 2 days$/);
    await listed('inGrace', /^Never used\s*Deactivation in 4 days$/);
    await listed('warn', /^Warning only: not deactivated for it$/);
    await listed('expiresSoon', /^Expires (in \d days|tomorrow)$/);
    await listed('expired', /^Expired /);

    // The report would deactivate it in 27 days, but it expires in about a week: the page says the expiry.
    await expectOneStory(page, keys.lowAfterExpiry, {
      usable: true,
      line: /Expires (in \d days|next week)/,
      exposure: {
        has: /It expires (in \d days|next week), before the report's deactivation date/,
        hasNot: 'It will be deactivated in',
      },
    });
    await expectOneStory(page, keys.disabled, { usable: false, line: 'Deactivated by a person 3 days ago' });
    await expectOneStory(page, keys.inGrace, {
      usable: true,
      line: 'Deactivated at the end of its rotation grace period, in 4 days',
    });
    await expect(page.getByText('This key was rotated').locator('..')).toContainText('It keeps working until');
    await expectOneStory(page, keys.rotatedNow, {
      usable: false,
      line: 'Deactivated at the end of its rotation 3 days ago',
    });
    await expect(page.getByText('It no longer works: update anything that still uses it.')).toBeVisible();

    await laterApi.dispose();

    // 340 days after creation, never used: soon to be deactivated for inactivity, with Keep active.
    await travelTo(page, clockApi, start + 340 * DAY);
    await expectOneStory(page, keys.active, {
      usable: true,
      line: /Deactivated for inactivity, unless it is used, in (2\d days|4 weeks|next month)/,
      banner: 'Soon to be deactivated for inactivity',
    });
    await expect(page.getByRole('button', { name: 'Keep active for a year' })).toBeVisible();

    // A year and a day: deactivated for inactivity.
    await travelTo(page, clockApi, start + 366 * DAY);
    await expectOneStory(page, keys.active, {
      usable: false,
      line: /Deactivated for inactivity (yesterday|\d+ hours ago)/,
    });
  } finally {
    await setServerClock(clockApi, start);
    await clockApi.dispose();
  }
});

test('a browser whose clock runs ahead of the server never reads "will be deactivated … ago"', async ({
  page,
  admin,
}) => {
  const api = await adminRequest();
  try {
    const start = await serverNow(api);
    const key = await admin.createKey('usage-analytics', { displayName: uniqueName('Truth skewed') });
    const rotated = await api.post(`${B}/${key.id}/rotate`, { data: { previousKeyExpirationPeriod: 'PT1H' } });
    expect(rotated.ok(), await rotated.text()).toBe(true);
    // The server still has an hour to go; the browser already sees the end of the grace period as past.
    await page.clock.install({ time: start + HOUR + 2 * 60_000 });
    await loginAs(page);
    await openKey(page, key.id);
    await expect(page.getByTestId('next-line')).toHaveText(
      'Next: Deactivated at the end of its rotation grace period, in a moment.',
    );
    await expect(page.getByText('This key was rotated').locator('..')).toContainText(
      '(in a moment), then it is deactivated',
    );
    expect(await page.getByRole('main').innerText()).not.toMatch(/\bwill\b[^.\n]*\bago\b/i);
  } finally {
    await api.dispose();
  }
});
