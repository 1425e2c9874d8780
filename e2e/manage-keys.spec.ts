/// <reference lib="dom" />
import { expect, keyRow, loginAs, openKeyList, ORG, test, uniqueName } from './fixtures.ts';
import { expectValueNowhere, Wizard } from './wizard.ts';

const SOURCE_VIEW = { owner: 'PLATFORM', targetDomain: 'SOURCE', type: 'VIEW' };

test.describe('Managing keys', () => {
  test.beforeEach(async ({ page }) => loginAs(page));

  test('create from existing carries the settings over under a new name', async ({ page, admin }) => {
    const prefix = uniqueName('Rotate');
    const original = await admin.createKey('authenticated-search', {
      displayName: `${prefix} original`,
      description: 'Backend search token service',
      allowedIps: ['104.1.1.0/24'],
      additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'intranet' } } },
    });
    await openKeyList(page, prefix);
    await keyRow(page, original.displayName).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Create from existing' }).click();

    const wizard = new Wizard(page);
    await wizard.expectStep('Identification');
    await expect(page.getByRole('navigation', { name: 'Steps' })).not.toContainText('Key purpose');
    await expect(page.getByLabel('Description', { exact: true })).toHaveValue('Backend search token service');
    await wizard.identify(`${prefix} copy`);
    await wizard.next('Configuration');
    await expect(page.getByLabel('Search hub')).toHaveValue('intranet');
    await expect(page.getByRole('list', { name: 'Allowed IPs entries' })).toContainText('104.1.1.0/24');
    await wizard.next('Access');
    await wizard.next('Review');
    const value = await wizard.submit();
    await wizard.done(new RegExp(`/organizations/${ORG}/api-keys/[a-z0-9]{25}\\?replaces=${original.id}$`));
    await expectValueNowhere(page, value);
    await expect(page.getByRole('heading', { name: 'Retire the original key?' })).toBeVisible();

    const [copy] = await admin.findKeys(`${prefix} copy`);
    expect(copy).toBeDefined();
    const full = await admin.getKey(copy?.id ?? '');
    expect(full.apiKeyTemplateId).toBe('authenticated-search');
    expect(full.allowedIps).toEqual(['104.1.1.0/24']);
    expect((await admin.getKey(original.id)).status).toBe('ENABLED');
  });

  test('edits name, description and IPs on the Overview tab', async ({ page, admin }) => {
    const key = await admin.createKey('authenticated-search', { displayName: uniqueName('Overview') });
    await page.goto(`/organizations/${ORG}/api-keys/${key.id}`);
    await expect(page.getByRole('tab', { name: 'Overview', selected: true })).toBeVisible();
    const newName = uniqueName('Renamed');
    await page.getByLabel('Name', { exact: true }).fill(newName);
    await page.getByLabel('Description', { exact: true }).fill('Used by the support portal');
    const ips = page.getByLabel('Allowed IPs', { exact: true });
    await ips.fill('192.168.1.0/24');
    await ips.press('Enter');
    await expect(page.getByText(/private and reserved ranges can't be used/)).toBeVisible();
    await page.getByRole('button', { name: 'Remove 192.168.1.0/24 from Allowed IPs' }).click();
    await ips.fill('198.51.100.0/24');
    await ips.press('Enter');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Changes saved', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(newName);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(newName);
    const saved = await admin.getKey(key.id);
    expect(saved.description).toBe('Used by the support portal');
    expect(saved.allowedIps).toEqual(['198.51.100.0/24']);
  });

  test('deactivates and activates a key', async ({ page, admin }) => {
    const key = await admin.createKey('search-pages', { displayName: uniqueName('Toggle') });
    await openKeyList(page, key.displayName);
    const row = keyRow(page, key.displayName);
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: `Deactivate “${key.displayName}”?` });
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await expect(row).toContainText('Disabled');

    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Activate', exact: true }).click();
    await page
      .getByRole('alertdialog', { name: `Activate “${key.displayName}”?` })
      .getByRole('button', { name: 'Activate' })
      .click();
    await expect(row).toContainText('Active');
    expect((await admin.getKey(key.id)).status).toBe('ENABLED');
  });

  test('a Custom key asks for I understand and can not be reactivated', async ({ page, admin }) => {
    const key = await admin.createKey('custom', {
      displayName: uniqueName('Custom'),
      privileges: [SOURCE_VIEW],
      lifetimeDuration: 'NEVER',
    });
    await openKeyList(page, key.displayName);
    const row = keyRow(page, key.displayName);
    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    const deactivate = confirm.getByRole('button', { name: 'Deactivate' });
    await expect(deactivate).toBeDisabled();
    await confirm.getByRole('checkbox', { name: 'I understand' }).check();
    await deactivate.click();
    await expect(row).toContainText('Disabled');

    await row.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'More' }).click();
    const activate = page.getByRole('menuitem', { name: /^Activate/ });
    await expect(activate).toBeDisabled();
    await expect(activate).toContainText("Custom API keys can't be reactivated");
  });

  test('deletes a key after a confirmation naming it', async ({ page, admin }) => {
    const key = await admin.createKey('usage-analytics', { displayName: uniqueName('Delete me') });
    await openKeyList(page, key.displayName);
    await keyRow(page, key.displayName).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: `Delete “${key.displayName}”?` });
    await expect(confirm).toContainText(key.displayName);
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('No API key matches')).toBeVisible();
    expect(await admin.findKeys(key.displayName)).toHaveLength(0);
  });

  test('deletes a deactivated key from its Status column', async ({ page, admin }) => {
    const key = await admin.createKey('usage-analytics', { displayName: uniqueName('Stale') });
    await admin.disableKey(key.id);
    await openKeyList(page, key.displayName);
    await keyRow(page, key.displayName)
      .getByRole('button', { name: `Delete ${key.displayName}` })
      .click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByText('No API key matches')).toBeVisible();
  });

  test('deactivates several keys at once', async ({ page, admin }) => {
    const prefix = uniqueName('Bulk');
    for (const n of [1, 2, 3]) await admin.createKey('anonymous-search', { displayName: `${prefix} ${n}` });
    await openKeyList(page, prefix);
    await expect(page.getByRole('link', { name: new RegExp(prefix) })).toHaveCount(3);
    await page.getByRole('checkbox', { name: 'Select all API keys on this page' }).check();
    await expect(page.getByText('3 selected')).toBeVisible();
    await page.getByRole('button', { name: 'More' }).click();
    await page.getByRole('menuitem', { name: 'Deactivate', exact: true }).click();
    await page
      .getByRole('alertdialog', { name: 'Deactivate 3 API keys?' })
      .getByRole('button', { name: 'Deactivate' })
      .click();
    await expect(page.getByRole('row').filter({ hasText: 'Disabled' })).toHaveCount(3);
    for (const key of await admin.findKeys(prefix)) expect(key.status).toBe('DISABLED');
  });

  test('a key named with HTML markup shows as text', async ({ page, admin }) => {
    const name = `<img src=x onerror="window.__xss=1"><b>${uniqueName('Markup')}</b>`;
    const key = await admin.createKey('usage-analytics', { displayName: name });
    let dialogs = 0;
    page.on('dialog', () => (dialogs += 1));
    await openKeyList(page, 'Markup');
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(page.locator('table img, table b')).toHaveCount(0);
    await page.getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(key.displayName).toBe(name);
  });
});
