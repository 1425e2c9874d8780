import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, loginAs, ORG, test, uniqueName } from './fixtures.ts';

/** No serious or critical violation of WCAG 2.x A/AA (and best practices) on what is shown. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `${what}: ${summary.join('\n')}`).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`Accessibility (${scheme})`, () => {
    test.use({ colorScheme: scheme });

    test('login page', async ({ page }) => {
      await page.goto('/login');
      await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
      await expectAccessible(page, 'login');
    });

    test('console pages', async ({ page, admin }) => {
      test.slow(); // an axe scan per page and tab
      const key = await admin.createKey('authenticated-search', {
        displayName: uniqueName('A11y'),
        allowedIps: ['104.1.1.0/24'],
      });
      await admin.disableKey((await admin.createKey('usage-analytics', { displayName: uniqueName('A11y off') })).id);
      await loginAs(page);
      await expect(page.getByRole('table', { name: 'API keys' })).toBeVisible();
      await expectAccessible(page, 'API Keys page');

      await page.getByRole('button', { name: 'Activity' }).click();
      await expect(
        page.getByRole('dialog', { name: 'Activity' }).getByRole('list', { name: /Activity/ }),
      ).toBeVisible();
      await expectAccessible(page, 'Activity panel');
      await page.keyboard.press('Escape');

      await page.goto(`/organizations/${ORG}/api-keys/${key.id}`);
      for (const tab of ['Overview', 'Access', 'Activity', 'Usage']) {
        await page.getByRole('tab', { name: tab }).click();
        await expect(page.getByRole('tabpanel', { name: tab })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, `key page, ${tab} tab`);
      }

      for (const [path, heading] of [
        ['groups', 'Groups'],
        ['notifications', 'Notifications'],
        ['activity', 'Activity'],
      ] as const) {
        await page.goto(`/organizations/${ORG}/${path}`);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, `${heading} page`);
      }
    });

    test('wizard steps and dialogs', async ({ page }) => {
      test.slow();
      await loginAs(page);
      await page.goto(`/organizations/${ORG}/api-keys/new`);
      await expectAccessible(page, 'wizard: Key purpose');
      await page.getByRole('radio', { name: 'Custom', exact: true }).check();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(page.getByText('A name is required.')).toBeVisible();
      await expectAccessible(page, 'wizard: Identification with an error');
      await page.getByLabel('Name', { exact: true }).fill(uniqueName('A11y custom'));
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByRole('checkbox', { name: 'Sources: View' }).check();
      await expectAccessible(page, 'wizard: Privileges');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByRole('radio', { name: 'Never' }).check();
      await expectAccessible(page, 'wizard: Configuration');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expectAccessible(page, 'wizard: Access');
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expectAccessible(page, 'wizard: Review');
      await page.getByRole('button', { name: 'Add API key' }).click();
      await expect(page.getByRole('dialog', { name: 'API key successfully created' })).toBeVisible();
      await expectAccessible(page, 'API key successfully created dialog');
      await page.getByRole('button', { name: 'Done' }).click();
    });
  });
}
