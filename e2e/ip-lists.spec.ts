import { expect, loginAs, ORG, test, uniqueName } from './fixtures.ts';
import { Wizard } from './wizard.ts';

test.describe('IP lists: each entry checked on its own', () => {
  test.beforeEach(async ({ page }) => loginAs(page));

  test('wrong entries are marked and described one by one, and the step cannot be left until they are fixed', async ({
    page,
    admin,
  }) => {
    const wizard = new Wizard(page);
    const name = uniqueName('IP chips');
    await wizard.open();
    await wizard.choose('Authenticated search');
    await wizard.next('Identification');
    await wizard.identify(name);
    await wizard.next('Configuration');
    for (const entry of ['10.0.0.1', '999.1.1.1', '104.1.1.0/24']) await wizard.addEntry('Allowed IPs', entry);

    const chips = page.getByRole('list', { name: 'Allowed IPs entries' }).getByRole('listitem');
    await expect(chips).toHaveCount(3);
    const chip = (value: string) => chips.filter({ hasText: value }).locator('.chip-value');
    await expect(chip('10.0.0.1')).toHaveAttribute('aria-invalid', 'true');
    await expect(chip('10.0.0.1')).toHaveAccessibleDescription(/private and reserved ranges can't be used/);
    await expect(chip('999.1.1.1')).toHaveAttribute('aria-invalid', 'true');
    await expect(chip('999.1.1.1')).toHaveAccessibleDescription('Not an IPv4 or IPv6 address or CIDR range.');
    await expect(chip('104.1.1.0/24')).not.toHaveAttribute('aria-invalid', 'true');
    // The remove buttons of wrong entries say why too.
    await expect(page.getByRole('button', { name: 'Remove 999.1.1.1 from Allowed IPs' })).toHaveAccessibleDescription(
      'Not an IPv4 or IPv6 address or CIDR range.',
    );
    // The list itself says how many entries need fixing; the field is marked.
    await expect(page.getByText('2 entries are not valid: fix or remove them')).toBeVisible();
    await expect(page.getByLabel('Allowed IPs', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await wizard.next();
    await wizard.expectStep('Configuration');
    await page.getByRole('button', { name: 'Remove 10.0.0.1 from Allowed IPs' }).click();
    await expect(page.getByText('1 entry is not valid: fix or remove it')).toBeVisible();
    await wizard.next();
    await wizard.expectStep('Configuration');
    await page.getByRole('button', { name: 'Remove 999.1.1.1 from Allowed IPs' }).click();
    await expect(page.getByText(/entr(y|ies) (is|are) not valid/)).toBeHidden();
    await wizard.next('Access');
    await wizard.next('Review');
    await wizard.submit();
    await wizard.done();
    const [created] = await admin.findKeys(name);
    expect((await admin.getKey(created!.id)).allowedIps).toEqual(['104.1.1.0/24']);
  });

  test('the key page marks a wrong entry the same way', async ({ page, admin }) => {
    const key = await admin.createKey('authenticated-search', { displayName: uniqueName('IP edit') });
    await page.goto(`/organizations/${ORG}/api-keys/${key.id}`);
    const input = page.getByLabel('Allowed IPs', { exact: true });
    await input.fill('104.1.1.7/24');
    await input.press('Enter');
    const chip = page.getByRole('list', { name: 'Allowed IPs entries' }).locator('.chip-value');
    await expect(chip).toHaveAttribute('aria-invalid', 'true');
    await expect(chip).toHaveAccessibleDescription('Not the start of a range: did you mean 104.1.1.0/24?');
  });
});
