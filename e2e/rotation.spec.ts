/// <reference lib="dom" />
import { expect, loginAs, ORG, test, uniqueName } from './fixtures.ts';
import { adminRequest, openKey, serverNow, setServerClock, verifyCode } from './journey-support.ts';
import { expectValueNowhere, Wizard } from './wizard.ts';

const HOUR = 3_600_000;

/**
 * Rotation with a grace period (PRODUCT.md §6): the new value is revealed once, the old key keeps
 * working until the end of the period, then not (the test clock moves the server an hour ahead,
 * then back, so the other journeys' keys are untouched).
 */
test('rotating with a 1-hour grace period', async ({ page, admin }) => {
  const api = await adminRequest();
  const old = await admin.createKey('usage-analytics', { displayName: uniqueName('Rotated') });
  const oldValue = old.value ?? '';
  const start = await serverNow(api);
  try {
    // The server runs on the test clock: the browser shows relative times against the same time.
    await page.clock.install({ time: start });
    await loginAs(page);
    await openKey(page, old.id);
    await page.getByRole('button', { name: 'Rotate', exact: true }).click();
    const rotate = page.getByRole('dialog', { name: `Rotate “${old.displayName}”` });
    for (const label of ['No grace period: deactivate it now', '1 hour', '1 day', '7 days', '30 days']) {
      await expect(rotate.getByRole('radio', { name: label })).toBeVisible();
    }
    await rotate.getByRole('radio', { name: '1 hour' }).check();
    await rotate.getByRole('button', { name: 'Rotate' }).click();

    const revealed = page.getByRole('dialog', { name: 'API key successfully rotated' });
    await expect(revealed).toContainText('Copy the key immediately. This is the only time that it will be displayed.');
    await expect(revealed.getByRole('button', { name: /copy/i })).toBeVisible();
    const newValue = await revealed.getByLabel('API key').inputValue();
    expect(newValue).toMatch(/^kwpub_[0-9A-Za-z]{36}$/);
    await revealed.getByRole('button', { name: 'Done' }).click();
    await expect(revealed).toBeHidden();
    await expectValueNowhere(page, newValue);

    // The old key names its replacement and when it stops working.
    const rotated = page.getByText('This key was rotated').locator('..');
    await expect(rotated).toContainText('Replaced by');
    await expect(rotated).toContainText('It keeps working until');
    await expect(page.getByTestId('next-line')).toContainText(
      'Deactivated at the end of its rotation grace period, in 1 hour',
    );
    expect(await verifyCode(api, oldValue)).toBe('VALID');
    expect(await verifyCode(api, newValue)).toBe('VALID');

    // Both directions in the Activity.
    await page.getByRole('tab', { name: 'Activity' }).click();
    const activity = page.getByRole('list', { name: 'Activity, newest first' });
    await expect(activity.getByRole('listitem').first()).toContainText('Rotated');
    await expect(activity.getByRole('listitem').first()).toContainText('Replaced by');
    await page.getByRole('tab', { name: 'Overview' }).click();

    // The new key links back.
    await rotated.getByRole('link', { name: old.displayName }).click();
    await expect(page.getByText('This key is a replacement')).toBeVisible();
    await expect(page.getByText('This key is a replacement').locator('..')).toContainText(
      `Replaces ${old.displayName}`,
    );
    await page.getByRole('tab', { name: 'Activity' }).click();
    await expect(
      page.getByRole('list', { name: 'Activity, newest first' }).getByRole('listitem').first(),
    ).toContainText('Replaces');

    // The grace period ends: the old key no longer verifies, the new one does.
    await setServerClock(api, start + HOUR - 60_000);
    expect(await verifyCode(api, oldValue)).toBe('VALID');
    await setServerClock(api, start + HOUR + 1000);
    expect(await verifyCode(api, oldValue)).not.toBe('VALID');
    expect(await verifyCode(api, newValue)).toBe('VALID');
    await openKey(page, old.id);
    await expect(page.getByTestId('next-line')).toContainText('Deactivated at the end of its rotation');
    await expect(page.getByText('It no longer works: update anything that still uses it.')).toBeVisible();
  } finally {
    await setServerClock(api, start);
    await api.dispose();
  }
});

test('after Create from existing, the new key offers to retire the original after a grace period', async ({
  page,
  admin,
}) => {
  const prefix = uniqueName('Retire');
  const original = await admin.createKey('usage-analytics', { displayName: `${prefix} original` });
  await loginAs(page);
  await openKey(page, original.id);
  await page.getByRole('button', { name: 'Create from existing' }).click();
  const wizard = new Wizard(page);
  await wizard.expectStep('Identification');
  await wizard.identify(`${prefix} copy`);
  await wizard.next('Access');
  await wizard.next('Review');
  const value = await wizard.submit();
  await wizard.done(new RegExp(`/organizations/${ORG}/api-keys/[a-z0-9]{25}\\?replaces=${original.id}$`));
  await expectValueNowhere(page, value);

  const offer = page.getByRole('region', { name: 'Retire the original key?' });
  await expect(offer).toContainText(`“${original.displayName}” still works`);
  await expect(offer.getByRole('button', { name: 'Deactivate the original now' })).toBeVisible();
  await offer.getByLabel('Grace period').selectOption({ label: '7 days' });
  await offer.getByRole('button', { name: 'Deactivate after the grace period' }).click();
  await expect(page.getByText('Original key scheduled for deactivation', { exact: true }).first()).toBeVisible();
  await expect(offer).toBeHidden();
  await expect(page).not.toHaveURL(/replaces=/);
  await expect(page.getByText('This key is a replacement').locator('..')).toContainText(
    `Replaces ${original.displayName}`,
  );

  const copy = await admin.getKey(page.url().split('/').pop() ?? '');
  await openKey(page, original.id);
  await expect(page.getByText('This key was rotated').locator('..')).toContainText(`Replaced by ${copy.displayName}`);
  await expect(page.getByTestId('next-line')).toContainText(
    'Deactivated at the end of its rotation grace period, in 7 days',
  );
  expect((await admin.getKey(original.id)).status).toBe('ENABLED');
});
