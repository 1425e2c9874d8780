/// <reference lib="dom" />
import { expect, keyRow, loginAs, ORG, test, uniqueName } from './fixtures.ts';
import { adminRequest, createSecurityContact, openKey } from './journey-support.ts';
import { expectValueNowhere } from './wizard.ts';

// The security contact's journey (PRODUCT.md §3.3, §6): they hold API keys View and the exposure
// privilege, not API keys Edit, and act on exposed keys from the key page.

test('a security contact dismisses a report, deactivates an exposed key now and reports another', async ({
  page,
  admin,
}) => {
  const prefix = uniqueName('Contact');
  const api = await adminRequest();
  const contact = await createSecurityContact(api, `${prefix.replaceAll(' ', '-').toLowerCase()}@example.com`);
  const falseAlarm = await admin.createKey('anonymous-search', { displayName: `${prefix} false alarm` });
  const leaked = await admin.createKey('usage-analytics', { displayName: `${prefix} leaked` });
  const clean = await admin.createKey('usage-analytics', { displayName: `${prefix} clean` });
  const toReplace = await admin.createKey('usage-analytics', { displayName: `${prefix} to replace` });
  await admin.reportExposure(falseAlarm.id, 'Looked like a key in a screenshot', 'HIGH');
  await admin.reportExposure(leaked.id, 'Pasted in a public forum', 'LOW');
  await admin.reportExposure(toReplace.id, 'Sent in a support e-mail', 'WARN');
  await api.dispose();
  await loginAs(page, contact.email, contact.password);

  // Dismiss: reasons in words, severity, deadline, then the report is gone.
  await openKey(page, falseAlarm.id);
  const report = page.getByRole('region', { name: 'Exposure report' });
  await expect(report).toContainText('Looked like a key in a screenshot');
  await expect(report).toContainText('Reported manually');
  await expect(report).toContainText('Severity: High');
  await expect(report).toContainText(/It will be deactivated in 2 days unless the report is dismissed/);
  await expect(page.getByTestId('next-line')).toContainText('Deactivated because it was exposed, in 2 days');
  // Rotate is offered to the contact on an exposed key (PRODUCT.md §6), even without API keys Edit.
  await expect(report.getByRole('button', { name: 'Rotate' })).not.toHaveAttribute('aria-disabled', 'true');
  await report.getByRole('button', { name: 'Dismiss' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('Exposure report dismissed', { exact: true }).first()).toBeVisible();
  await expect(report).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Active');

  // Deactivate now: allowed to the contact on an exposed key, even without API keys Edit.
  await openKey(page, leaked.id);
  await expect(page.getByRole('region', { name: 'Exposure report' })).toContainText('Severity: Low');
  await page.getByRole('button', { name: 'Deactivate now' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Deactivate now' }).click();
  await expect(page.getByText('API key deactivated', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Disabled');
  await expect(page.getByTestId('next-line')).toContainText('Deactivated by a person');
  await expect(page.getByRole('button', { name: 'Deactivate now' })).toHaveCount(0);

  // Rotate: the contact replaces an exposed key; the new value is shown once.
  await openKey(page, toReplace.id);
  await page.getByRole('region', { name: 'Exposure report' }).getByRole('button', { name: 'Rotate' }).click();
  const rotate = page.getByRole('dialog', { name: `Rotate “${toReplace.displayName}”` });
  await rotate.getByRole('radio', { name: '1 hour' }).check();
  await rotate.getByRole('button', { name: 'Rotate' }).click();
  const revealed = page.getByRole('dialog', { name: 'API key successfully rotated' });
  await expect(revealed.getByLabel('API key')).toHaveValue(/^kwpub_[0-9A-Za-z]{36}$/);
  await revealed.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('This key was rotated').locator('..')).toContainText('Replaced by');
  // A key that is not exposed: Rotate is there, but the contact is told why they can't.
  await openKey(page, clean.id);
  await expect(page.getByRole('button', { name: 'Rotate', exact: true })).toHaveAttribute('aria-disabled', 'true');

  // Report exposure: the severity's consequence is spelled out before it is chosen.
  await openKey(page, clean.id);
  await page.getByRole('button', { name: 'Report exposure' }).click();
  const dialog = page.getByRole('dialog', { name: 'Report exposure' });
  await dialog.getByRole('button', { name: 'Report exposure' }).click();
  await expect(dialog.getByText('Say why you think the key was exposed.')).toBeVisible();
  await dialog.getByLabel('Reason').fill('Committed to a public repository');
  await dialog.getByLabel('Severity').selectOption({ label: 'Medium: deactivated in 7 days' });
  await expect(dialog).toContainText('Medium: deactivated in 7 days');
  await dialog.getByLabel('Where it was found (optional)').fill('not a url');
  await dialog.getByRole('button', { name: 'Report exposure' }).click();
  await expect(dialog.getByText(/Enter a full address/)).toBeVisible();
  await dialog.getByLabel('Where it was found (optional)').fill('https://github.com/acme/app/blob/main/.env');
  await dialog.getByRole('button', { name: 'Report exposure' }).click();
  await expect(dialog).toBeHidden();
  const reported = page.getByRole('region', { name: 'Exposure report' });
  await expect(reported).toContainText('Committed to a public repository');
  await expect(reported).toContainText('Severity: Medium');
  await expect(reported.getByRole('link', { name: 'Where it was found' })).toHaveAttribute(
    'href',
    'https://github.com/acme/app/blob/main/.env',
  );
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Exposed');
});

test('pasting a leaked value into the search box finds its key, without the value in the URL', async ({
  page,
  admin,
}) => {
  const key = await admin.createKey('usage-analytics', { displayName: uniqueName('Pasted') });
  const value = key.value ?? '';
  await loginAs(page);
  await page.goto(`/organizations/${ORG}/api-keys`);
  const search = page.getByLabel('Search API keys');
  await search.fill(value);
  const found = page.getByRole('status').filter({ hasText: 'This value belongs to an API key' });
  await expect(found).toBeVisible();
  await expect(found.getByRole('link', { name: key.displayName })).toBeVisible();
  await expect(search).toHaveValue('');
  await page.waitForTimeout(500); // past the search box's debounce: the value must not reach the URL
  expect(page.url()).not.toContain(value);
  expect(page.url()).not.toContain(value.slice(6, 20));
  await expectValueNowhere(page, value);

  // A value that looks like a key but is not complete is not searched as text either.
  await search.fill(value.slice(0, 30));
  await expect(page.getByText('This looks like an API key value, but it is incomplete')).toBeVisible();
  await page.waitForTimeout(500);
  expect(page.url()).not.toContain(value.slice(6, 20));

  // The last 4 characters shown in the list find the key too (a server-side filter).
  await search.fill(value.slice(-4));
  await expect(keyRow(page, key.displayName)).toBeVisible();

  await search.fill(value);
  await page.getByRole('status').getByRole('link', { name: key.displayName }).click();
  await expect(page).toHaveURL(new RegExp(`/api-keys/${key.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(key.displayName);
});
