/// <reference lib="dom" />
import { expect, keyRow, loginAs, openKeyList, test, uniqueName } from './fixtures.ts';
import { expectValueNowhere, Wizard } from './wizard.ts';

/** What each template's Configuration step asks (PRODUCT.md §3.2); null: the template has no such step. */
const TEMPLATES: {
  name: string;
  id: string;
  configure: ((w: Wizard) => Promise<void>) | null;
  privileges?: boolean;
}[] = [
  {
    name: 'Anonymous search',
    id: 'anonymous-search',
    configure: (w) => w.page.getByLabel('Search hub').fill('support-portal'),
  },
  {
    name: 'Authenticated search',
    id: 'authenticated-search',
    configure: async (w) => {
      await w.page.getByLabel('Search hub').fill('intranet');
      await w.addEntry('Allowed IPs', '104.1.1.0/24');
    },
  },
  { name: 'Usage analytics', id: 'usage-analytics', configure: null },
  { name: 'Search pages', id: 'search-pages', configure: async () => undefined },
  { name: 'Anonymous Case Assist', id: 'anonymous-case-assist', configure: null },
  {
    name: 'Push API',
    id: 'push-api',
    configure: async (w) => {
      await w.addEntry('Sources', 'source-products');
      await w.addEntry('Security identity providers', 'provider-ad');
      await w.addEntry('Denied IPs', '203.0.113.7');
    },
  },
  {
    name: 'Crawling Module administration',
    id: 'crawling-module',
    configure: async (w) => {
      await w.addEntry('Sources', 'source-onprem');
      // Push scope is explicit: every provider is a deliberate choice, with its warning.
      await w.page.getByRole('radio', { name: 'All security identity providers' }).check();
      await expect(w.page.getByRole('note')).toContainText('every security identity provider');
    },
  },
  {
    name: 'View all content',
    id: 'view-all-content',
    configure: async (w) => {
      await w.page.getByLabel('Search hub').fill('troubleshooting');
      await expect(w.page.getByLabel('Expiration date')).not.toHaveValue('');
    },
  },
  {
    name: 'Custom',
    id: 'custom',
    privileges: true,
    configure: (w) => w.page.getByRole('radio', { name: 'Never' }).check(),
  },
];

test.describe('Add key wizard', () => {
  for (const template of TEMPLATES) {
    test(`creates a ${template.name} key and shows its value once`, async ({ page, admin }) => {
      const wizard = new Wizard(page);
      const name = uniqueName(template.name);
      await loginAs(page);
      await wizard.open();
      await wizard.choose(template.name);
      await wizard.next('Identification');
      await wizard.identify(name, `Created by the ${template.id} journey`);
      if (template.privileges) {
        await wizard.next('Privileges');
        await page.getByRole('checkbox', { name: 'Sources: View' }).check();
      }
      if (template.configure) {
        await wizard.next('Configuration');
        await template.configure(wizard);
      }
      await wizard.next('Access');
      await wizard.next('Review');
      await expect(page.getByRole('region', { name: 'Identification' })).toContainText(name);

      const value = await wizard.submit();
      await wizard.done();
      await expectValueNowhere(page, value);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'API Keys', level: 1 })).toBeVisible();
      await expectValueNowhere(page, value);

      await openKeyList(page, name);
      const row = keyRow(page, name);
      await expect(row).toBeVisible();
      await expect(row).toContainText(template.name);
      await expect(row).toContainText('Active');
      await expect(row.locator('code')).toHaveText(new RegExp(`^${value.slice(0, 6)}\\*+${value.slice(-4)}$`));
      await expectValueNowhere(page, value);

      const [created] = await admin.findKeys(name);
      expect(created?.displayName).toBe(name);
    });
  }

  test('creates a key with the keyboard only', async ({ page }) => {
    const name = uniqueName('Keyboard');
    await loginAs(page);
    const press = (key: string) => page.keyboard.press(key);
    const tabTo = async (accessibleName: string) => {
      for (let i = 0; i < 60; i++) {
        await press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          if (!el) return '';
          const labelledBy = el.getAttribute('aria-labelledby');
          const byId = labelledBy ? document.getElementById(labelledBy)?.textContent : null;
          return (el.getAttribute('aria-label') ?? byId ?? el.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
        });
        if (focused === accessibleName) return;
      }
      throw new Error(`${accessibleName} was not reached with Tab`);
    };

    await tabTo('Add key');
    await press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Key purpose' })).toBeVisible();
    await tabTo('Anonymous search');
    await press('ArrowRight');
    await press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Usage analytics' })).toBeChecked();
    await press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Identification' })).toBeFocused();
    await press('Tab');
    await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type(name);
    await press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Access' })).toBeFocused();
    await tabTo('Next');
    await press('Enter');
    await expect(page.getByRole('heading', { level: 2, name: 'Review' })).toBeFocused();
    await tabTo('Add API key');
    await press('Enter');
    const dialog = page.getByRole('dialog', { name: 'API key successfully created' });
    await expect(dialog).toBeVisible();
    await tabTo('Done');
    await press('Enter');
    await expect(dialog).toBeHidden();
    await openKeyList(page, name);
    await expect(keyRow(page, name)).toBeVisible();
  });
});
