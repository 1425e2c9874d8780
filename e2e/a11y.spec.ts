import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, loginAs, ORG, PRIVILEGES, test, uniqueName } from './fixtures.ts';

/** No serious or critical violation of WCAG 2.x A/AA (and best practices) on what is shown. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  // What a person sees once it has settled: a dialog fading in has, for a few frames, the contrast
  // of a half-transparent one (endless animations, like a loading shimmer, are not waited for).
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = blocking.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `${what}: ${summary.join('\n')}`).toEqual([]);
}

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

for (const scheme of ['light', 'dark'] as const) {
  for (const viewport of WIDTHS) {
    test.describe(`Accessibility (${scheme}, ${viewport.width} px)`, () => {
      test.use({ colorScheme: scheme, viewport });

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
        if (viewport.width < 960) {
          await page.getByRole('button', { name: 'Menu', exact: true }).click();
          await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
          await expectAccessible(page, 'navigation menu');
          await page.getByRole('button', { name: 'Menu', exact: true }).click();
        }

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
        await page.getByRole('checkbox', { name: 'Sources: View all' }).check();
        await page.getByRole('checkbox', { name: 'Search - View all content' }).check();
        await expect(page.getByRole('heading', { name: 'Limit the API key scope' })).toBeVisible();
        await expectAccessible(page, 'wizard: Privileges with Limit the API key scope');
        await page.getByLabel('Search hub').fill('support');
        await page.getByRole('button', { name: 'Next', exact: true }).click();
        await page.getByRole('radio', { name: 'Never' }).check();
        for (const entry of ['10.0.0.1', '999.1.1.1', '104.1.1.0/24']) {
          await page.getByLabel('Allowed IPs', { exact: true }).fill(entry);
          await page.getByLabel('Allowed IPs', { exact: true }).press('Enter');
        }
        await expect(page.getByText('2 entries are not valid')).toBeVisible();
        await expectAccessible(page, 'wizard: Configuration with wrong IP entries');
        await page.getByRole('button', { name: 'Remove 10.0.0.1 from Allowed IPs' }).click();
        await page.getByRole('button', { name: 'Remove 999.1.1.1 from Allowed IPs' }).click();
        await page.getByRole('button', { name: 'Cancel' }).click();
        await expect(page.getByRole('alertdialog', { name: 'Leave without saving?' })).toBeVisible();
        await expectAccessible(page, 'leave without saving question');
        await page.getByRole('button', { name: 'Stay' }).click();
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
      test('groups, account and notification dialogs', async ({ page, admin, request }) => {
        test.slow();
        const group = await admin.createGroup(uniqueName('A11y group'), 'CUSTOM', [PRIVILEGES.groupsView]);
        await admin.createKey('usage-analytics', {
          displayName: uniqueName('A11y granted'),
          groupsThatCanView: [{ id: group.id }],
        });
        await admin.createKey('view-all-content', {
          displayName: uniqueName('A11y expiring'),
          additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'a11y' } } },
          lifetimeDuration: 'P3D',
        });
        expect((await request.post('/__test__/jobs/run')).ok()).toBe(true);
        await loginAs(page);

        await page.goto(`/organizations/${ORG}/groups`);
        await page.getByRole('button', { name: `Edit ${group.displayName}` }).click();
        await expect(page.getByRole('dialog', { name: `Edit ${group.displayName}` })).toBeVisible();
        await expectAccessible(page, 'edit group dialog');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: `Delete ${group.displayName}` }).click();
        await expect(page.getByRole('alertdialog', { name: `Delete ${group.displayName}?` })).toBeVisible();
        await expectAccessible(page, 'delete group question');
        await page.getByRole('button', { name: 'Cancel' }).click();
        await page.getByRole('button', { name: 'Administrators', exact: true }).click();
        await expect(page.getByRole('list', { name: 'Members of Administrators' })).toBeVisible();
        await expectAccessible(page, 'group members with Remove');

        await page.getByRole('button', { name: /^User menu for / }).click();
        await page.getByRole('menuitem', { name: 'Change password' }).click();
        const password = page.getByRole('dialog', { name: 'Change password' });
        await password.getByRole('button', { name: 'Change password' }).click();
        await expect(password.getByText('Enter your current password.')).toBeVisible();
        await expectAccessible(page, 'change password dialog with errors');
        await page.keyboard.press('Escape');

        await page.goto(`/organizations/${ORG}/notifications`);
        await expect(page.getByRole('heading', { name: 'What the delivery states mean' })).toBeVisible();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, 'Notifications page with the delivery states');
        await page
          .getByRole('button', { name: /A11y expiring/ })
          .first()
          .click();
        await expect(page.getByRole('dialog', { name: /A11y expiring/ })).toBeVisible();
        await expectAccessible(page, 'a mail, read');
      });
    });
  }
}
