import { expect, loginAs, ORG, test, uniqueName } from './fixtures.ts';
import { Wizard } from './wizard.ts';

test.describe('No silent loss of work', () => {
  test.beforeEach(async ({ page }) => loginAs(page));

  test("the browser's Back goes to the previous wizard step, Forward comes back", async ({ page }) => {
    const wizard = new Wizard(page);
    await wizard.open();
    await wizard.choose('Usage analytics');
    await wizard.next('Identification');
    await expect(page).toHaveURL(/[?&]step=identification/);
    await wizard.identify(uniqueName('Back and forth'));
    await wizard.next('Access');
    await expect(page).toHaveURL(/[?&]step=access/);
    await page.goBack();
    await wizard.expectStep('Identification');
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue(/^Back and forth/);
    await page.goBack();
    await wizard.expectStep('Key purpose');
    await expect(page.getByRole('radio', { name: 'Usage analytics' })).toBeChecked();
    await page.goForward();
    await wizard.expectStep('Identification');
  });

  test('a step not reached yet cannot be opened from the address bar', async ({ page }) => {
    await page.goto(`/organizations/${ORG}/api-keys/new?step=review`);
    await new Wizard(page).expectStep('Key purpose');
  });

  test('Cancel on a filled wizard asks first: Stay keeps the work, Leave discards it', async ({ page }) => {
    const wizard = new Wizard(page);
    await wizard.open();
    await wizard.choose('Usage analytics');
    await wizard.next('Identification');
    await wizard.identify('Half-made key');
    await page.getByRole('button', { name: 'Cancel' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect(ask).toBeVisible();
    await expect(ask).toContainText('unsaved changes to the new API key');
    await ask.getByRole('button', { name: 'Stay' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Half-made key');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Leave' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
  });

  test('an untouched wizard is left without a question', async ({ page }) => {
    const wizard = new Wizard(page);
    await wizard.open();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(new RegExp(`/organizations/${ORG}/api-keys$`));
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
  });

  test('closing the tab with a filled wizard asks the browser to confirm', async ({ page }) => {
    const wizard = new Wizard(page);
    await wizard.open();
    await wizard.choose('Usage analytics');
    await wizard.next('Identification');
    await wizard.identify('Typed before closing');
    const dialog = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.accept();
  });

  test('unsaved edits on a key page ask before another page is opened', async ({ page, admin }) => {
    const key = await admin.createKey('usage-analytics', { displayName: uniqueName('Edited key') });
    await page.goto(`/organizations/${ORG}/api-keys/${key.id}`);
    const name = page.getByLabel('Name', { exact: true });
    await name.fill(`${key.displayName} (renamed)`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await expect(ask).toContainText(key.displayName);
    await ask.getByRole('button', { name: 'Stay' }).click();
    await expect(name).toHaveValue(`${key.displayName} (renamed)`);
    await expect(page).toHaveURL(new RegExp(`/api-keys/${key.id}`));

    // Saved edits leave freely.
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Changes saved', { exact: true })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notifications' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
    expect((await admin.getKey(key.id)).displayName).toBe(`${key.displayName} (renamed)`);
  });
});
