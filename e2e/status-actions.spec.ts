import { expect, keyRow, loginAs, openKeyList, ORG, test, uniqueName } from './fixtures.ts';

const DAY = 86_400_000;

test('an exposed key shows See details, which opens its Overview with the reasons', async ({ page, admin }) => {
  const key = await admin.createKey('authenticated-search', { displayName: uniqueName('Leaked') });
  await admin.reportExposure(key.id, 'Found in a public gist', 'MEDIUM');
  await loginAs(page);
  await openKeyList(page, key.displayName);
  const row = keyRow(page, key.displayName);
  await expect(row).toContainText('Exposed');
  await expect(row).toContainText('Deactivation');
  await row.getByRole('link', { name: `See details: ${key.displayName}` }).click();
  await expect(page.getByRole('tab', { name: 'Overview', selected: true })).toBeVisible();
  await expect(page.getByText(/flagged as exposed/)).toBeVisible();
  await expect(page.getByText('Found in a public gist')).toBeVisible();
});

/**
 * Needs the test clock (KEYWARD_CLOCK=manual, PRODUCT.md §8): moves the server 340 days ahead, then
 * back, so the keys of other journeys are untouched.
 */
test('Keep active for a year, and the outbox, on a key about to be deactivated', async ({ page, admin, request }) => {
  const clock = await request.get('/__test__/clock');
  expect(clock.ok(), 'the e2e server runs with KEYWARD_CLOCK=manual').toBe(true);
  const { epochMs: start } = (await clock.json()) as { epochMs: number };
  const key = await admin.createKey('usage-analytics', { displayName: uniqueName('Idle') });
  try {
    await request.put('/__test__/clock', { data: { now: new Date(start + 340 * DAY).toISOString() } });
    await loginAs(page);
    await openKeyList(page, key.displayName);
    const row = keyRow(page, key.displayName);
    await expect(row).toContainText('Soon to be deactivated');
    await row.getByRole('button', { name: `Keep active for a year: ${key.displayName}` }).click();
    await expect(page.getByText('Kept active for a year', { exact: true }).first()).toBeVisible();
    await expect(row).toContainText('Active');
    await expect(row.getByRole('button', { name: /Keep active for a year/ })).toHaveCount(0);

    const jobs = await request.post('/__test__/jobs/run');
    expect(jobs.ok()).toBe(true);
    await page.goto(`/organizations/${ORG}/notifications`);
    const outbox = page.getByRole('table', { name: 'Notifications' });
    await expect(outbox).toBeVisible();
    await expect(outbox.getByRole('row').nth(1)).toContainText(/Held|Sent|Pending|Failed/);
  } finally {
    await request.put('/__test__/clock', { data: { now: new Date(start).toISOString() } });
  }
});
