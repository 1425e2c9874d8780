/// <reference lib="dom" />
import { expect, loginAs, ORG, test, uniqueName } from './fixtures.ts';
import { adminRequest, openKey, serverNow, setServerClock, verifyCode } from './journey-support.ts';
import { expectValueNowhere, Wizard } from './wizard.ts';

const DAY = 86_400_000;
const SOURCE_VIEW = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' };
const EXTENSION_VIEW = { owner: 'PLATFORM', targetDomain: 'EXTENSION', type: 'VIEW' };

test.beforeEach(async ({ page }) => loginAs(page));

test('a rename is shown as before → after, in the Activity tab and the Activity panel', async ({ page, admin }) => {
  const key = await admin.createKey('usage-analytics', { displayName: uniqueName('Before') });
  const renamed = uniqueName('After');
  await openKey(page, key.id);
  await page.getByLabel('Name', { exact: true }).fill(renamed);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Changes saved', { exact: true }).first()).toBeVisible();

  await page.getByRole('tab', { name: 'Activity' }).click();
  const latest = page.getByRole('list', { name: 'Activity, newest first' }).getByRole('listitem').first();
  await expect(latest).toContainText('Updated');
  await expect(latest).toContainText(`Name${key.displayName} → ${renamed}`);
  await page.getByLabel('Operation').selectOption({ label: 'Created' });
  await expect(page.getByRole('list', { name: 'Activity, newest first' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Activity, newest first' })).toContainText('Created');

  await page.goto(`/organizations/${ORG}/api-keys`);
  await page.getByRole('button', { name: 'Activity' }).click();
  const panel = page.getByRole('dialog', { name: 'Activity' });
  const item = panel.getByRole('listitem').filter({ hasText: `${key.displayName} → ${renamed}` });
  await expect(item).toBeVisible();
  await item.getByRole('link', { name: renamed }).click();
  await expect(page).toHaveURL(new RegExp(`/api-keys/${key.id}$`));
});

test('the least-privilege hint lists what verifications never exercised and creates a narrower key', async ({
  page,
  admin,
}) => {
  const api = await adminRequest();
  const key = await admin.createKey('custom', {
    displayName: uniqueName('Broad'),
    privileges: [SOURCE_VIEW, EXTENSION_VIEW],
    lifetimeDuration: 'NEVER',
  });
  for (let i = 0; i < 3; i++) expect(await verifyCode(api, key.value ?? '', [SOURCE_VIEW])).toBe('VALID');
  await api.dispose();

  await openKey(page, key.id);
  const hint = page.getByRole('region', { name: 'Privileges this key does not use' });
  await expect(hint).toContainText('Since it was created, this key never exercised this privilege');
  await expect(hint).toContainText('Extensions: View');
  await expect(hint).not.toContainText('Sources: View');
  await hint.getByRole('link', { name: 'Create a narrower key' }).click();

  const wizard = new Wizard(page);
  await wizard.expectStep('Identification');
  await wizard.identify(`${key.displayName} narrower`);
  await wizard.next('Privileges');
  await expect(page.getByRole('checkbox', { name: 'Sources: View' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Extensions: View' })).not.toBeChecked();
  await wizard.next('Configuration');
  await page.getByRole('radio', { name: 'Never' }).check();
  await wizard.next('Access');
  await wizard.next('Review');
  const value = await wizard.submit();
  await wizard.done(new RegExp(`/api-keys/[a-z0-9]{25}\\?replaces=${key.id}$`));
  await expectValueNowhere(page, value);
  await expect(page.getByRole('region', { name: 'Retire the original key?' })).toBeVisible();
});

test('push scope: "All sources" is a deliberate choice, with a warning on Review and on the key page', async ({
  page,
  admin,
}) => {
  const name = uniqueName('Push all');
  const wizard = new Wizard(page);
  await wizard.open();
  await wizard.choose('Push API');
  await wizard.next('Identification');
  await wizard.identify(name);
  await wizard.next('Configuration');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  // Without a scope the step does not go on, and says what to choose.
  await expect(page.getByText(/choose the sources this key may push to, or All sources/).first()).toBeVisible();
  await page.getByRole('radio', { name: 'All sources' }).check();
  await expect(page.getByRole('note').filter({ hasText: 'All sources.' })).toContainText(
    'every source of the organization',
  );
  await wizard.addEntry('Security identity providers', 'provider-ad');
  await wizard.next('Access');
  await wizard.next('Review');
  const review = page.getByRole('region', { name: 'Configuration' });
  await expect(review).toContainText('All sources (every one, including those created later)');
  await expect(review).toContainText('provider-ad');
  await expect(review).not.toContainText('SourcesNone');
  const value = await wizard.submit();
  await wizard.done();
  await expectValueNowhere(page, value);

  const [created] = await admin.findKeys(name);
  await openKey(page, created?.id ?? '');
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details).toContainText('Push items to sources: Allowed All sources');
  await expect(details).toContainText('provider-ad');
});

test('a key soon to be deactivated for inactivity says so on its page and offers Keep active for a year', async ({
  page,
  admin,
}) => {
  const api = await adminRequest();
  const key = await admin.createKey('usage-analytics', { displayName: uniqueName('Idle page') });
  const start = await serverNow(api);
  try {
    await setServerClock(api, start + 340 * DAY);
    // The session of beforeEach expired in those 340 days: log in again, the browser on the server's time.
    await page.clock.install({ time: start + 340 * DAY });
    await loginAs(page);
    await openKey(page, key.id);
    await expect(page.getByTestId('next-line')).toContainText('Deactivated for inactivity, unless it is used,');
    const banner = page.getByText('Soon to be deactivated for inactivity').locator('../..');
    await banner.getByRole('button', { name: 'Keep active for a year' }).click();
    await expect(page.getByText('Kept active for a year', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('Soon to be deactivated for inactivity')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Active');
  } finally {
    await setServerClock(api, start);
    await api.dispose();
  }
});
