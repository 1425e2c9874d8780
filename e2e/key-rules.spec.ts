import type { Page } from '@playwright/test';
import { expect, loginAs, test, uniqueName, type AdminApi } from './fixtures.ts';
import { Wizard } from './wizard.ts';

/** The rule is shown inline, the wizard does not move on, and no key was created. */
async function expectBlocked(
  page: Page,
  admin: AdminApi,
  wizard: Wizard,
  step: string,
  name: string,
  message: RegExp,
  typed = true,
) {
  if (typed) await expect(page.getByText(message)).toBeVisible();
  await wizard.next();
  await wizard.expectStep(step);
  await expect(page.getByText(message)).toBeVisible();
  expect(await admin.findKeys(name)).toHaveLength(0);
}

function isoDayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test.describe('Rules checked as the user types', () => {
  test.beforeEach(async ({ page }) => loginAs(page));

  test('a private IP range is refused', async ({ page, admin }) => {
    const wizard = new Wizard(page);
    const name = uniqueName('Private IP');
    await wizard.open();
    await wizard.choose('Authenticated search');
    await wizard.next('Identification');
    await wizard.identify(name);
    await wizard.next('Configuration');
    await wizard.addEntry('Allowed IPs', '10.1.0.0/16');
    await expect(page.getByLabel('Allowed IPs', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectBlocked(page, admin, wizard, 'Configuration', name, /private and reserved ranges can't be used/);
    // Removing the entry clears the rule.
    await page.getByRole('button', { name: 'Remove 10.1.0.0/16 from Allowed IPs' }).click();
    await expect(page.getByText(/private and reserved ranges/)).toBeHidden();
  });

  test('a View all content key for 30 days is refused', async ({ page, admin }) => {
    const wizard = new Wizard(page);
    const name = uniqueName('Thirty days');
    await wizard.open();
    await wizard.choose('View all content');
    await wizard.next('Identification');
    await wizard.identify(name);
    await wizard.next('Configuration');
    await page.getByLabel('Search hub').fill('troubleshooting');
    await page.getByLabel('Expiration date').fill(isoDayFromNow(30));
    await expectBlocked(page, admin, wizard, 'Configuration', name, /must expire 1 to 14 days from today/);
  });

  test('a Custom key can not hold a forbidden privilege', async ({ page, admin }) => {
    const wizard = new Wizard(page);
    const name = uniqueName('Forbidden');
    await wizard.open();
    await wizard.choose('Custom');
    await wizard.next('Identification');
    await wizard.identify(name);
    await wizard.next('Privileges');
    const forbidden = page.getByRole('checkbox', { name: 'Execute queries: Allowed' });
    await expect(forbidden).toBeDisabled();
    await expect(forbidden).not.toBeChecked();
    await expect(page.getByText(/Execute queries can only be granted through a search template/)).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Analytics data: Push' })).toBeDisabled();
    await expect(page.getByRole('checkbox', { name: 'Groups: View' })).toBeDisabled();
    // With nothing assignable chosen, the step does not let the key through.
    await expectBlocked(page, admin, wizard, 'Privileges', name, /Choose at least one privilege/, false);
  });

  test('a potent privilege in a Custom key needs a search hub', async ({ page, admin }) => {
    const wizard = new Wizard(page);
    const name = uniqueName('Potent');
    await wizard.open();
    await wizard.choose('Custom');
    await wizard.next('Identification');
    await wizard.identify(name);
    await wizard.next('Privileges');
    await page.getByRole('checkbox', { name: 'Search - View all content: Allowed' }).check();
    // The seeds' "Limit the API key scope" section appears under the privileges and asks for the hub.
    const section = page.getByRole('region', { name: 'Limit the API key scope' });
    await expect(section).toContainText('Search - View all content');
    await section.getByLabel('Search hub').fill('x');
    await section.getByLabel('Search hub').fill('');
    await expectBlocked(
      page,
      admin,
      wizard,
      'Privileges',
      name,
      /Enter a search hub: the privileges chosen are especially potent/,
    );
    await expect(page.getByText(/SEARCH_API\//)).toHaveCount(0);
  });

  test('a missing name is refused', async ({ page, admin }) => {
    const wizard = new Wizard(page);
    const before = await admin.countKeys();
    await wizard.open();
    await wizard.choose('Usage analytics');
    await wizard.next('Identification');
    await wizard.next();
    await wizard.expectStep('Identification');
    await expect(page.getByText('A name is required.')).toBeVisible();
    await expect(page.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    expect(await admin.countKeys()).toBe(before);
  });

  test('a name over 125 characters is refused', async ({ page, admin }) => {
    const wizard = new Wizard(page);
    const name = `${uniqueName('Long')} ${'x'.repeat(130)}`;
    await wizard.open();
    await wizard.choose('Usage analytics');
    await wizard.next('Identification');
    await wizard.identify(name);
    await expect(page.getByText('The name must be at most 125 characters.')).toBeVisible();
    await wizard.next();
    await wizard.expectStep('Identification');
    expect(await admin.findKeys(name.slice(0, 20))).toHaveLength(0);
  });
});
