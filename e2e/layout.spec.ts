import type { Page } from '@playwright/test';
import { expect, keyRow, loginAs, openKeyList, ORG, PRIVILEGES, test, uniqueName } from './fixtures.ts';

/** Neither the document nor the console's scrolling main area scrolls sideways. */
async function expectNoSidewaysScroll(page: Page, what: string): Promise<void> {
  const overflow = await page.evaluate(() =>
    [document.documentElement, document.querySelector('.shell-main')]
      .filter((e): e is HTMLElement => e instanceof HTMLElement)
      .map((e) => e.scrollWidth - e.clientWidth),
  );
  expect(
    overflow.every((px) => px <= 0),
    `${what}: sideways overflow ${overflow.join(', ')} px`,
  ).toBe(true);
}

test.describe('Layout at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the API Keys page fits: no sideways scrolling, every column header inside the viewport', async ({
    page,
    admin,
  }) => {
    const name = uniqueName('Layout wide key with a rather long name for a key');
    await admin.createKey('authenticated-search', {
      displayName: name,
      description: 'A long description that should be cut short rather than widen the table of keys',
      allowedIps: ['104.1.1.0/24'],
    });
    await loginAs(page);
    await openKeyList(page, name);
    await expect(keyRow(page, name)).toBeVisible();
    await expectNoSidewaysScroll(page, 'API Keys page');
    const headers = page.getByRole('table', { name: 'API keys' }).getByRole('columnheader');
    expect(await headers.count()).toBeGreaterThanOrEqual(4);
    for (const header of await headers.all()) {
      const box = await header.boundingBox();
      expect(box, `${await header.textContent()} has a box`).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `${await header.textContent()} ends inside the viewport`).toBeLessThanOrEqual(1280);
    }
    // The details of the columns that are folded away are still on the row.
    const row = keyRow(page, name);
    await expect(row.locator('code')).toHaveText(/^kwprv_\*+[0-9A-Za-z]{4}$/);
    await expect(row).toContainText('Authenticated search');
    await expect(row).toContainText('Created');
    await expect(page).toHaveTitle('API keys · My organization · Keyward');
  });

  test('every column header is inside the viewport at 1440 px too, with every column shown', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await loginAs(page);
    const table = page.getByRole('table', { name: 'API keys' });
    await expect(table).toBeVisible();
    for (const name of ['Name', 'Key', 'Template', 'Status', 'Created', 'Last used']) {
      const header = table.getByRole('columnheader', { name, exact: true });
      const box = await header.boundingBox();
      expect(box!.x + box!.width, `${name} ends inside the viewport`).toBeLessThanOrEqual(1440);
    }
    await expectNoSidewaysScroll(page, 'API Keys page at 1440');
  });

  test('a disabled primary button keeps its colours on hover', async ({ page, admin }) => {
    // An editor without API keys Create: Add key is shown, disabled with the reason (a view-only
    // user sees no control they cannot use at all, so no disabled button).
    const group = await admin.createGroup(uniqueName('Editors'), 'EDIT_ALL', [
      PRIVILEGES.activitiesView,
      PRIVILEGES.groupsView,
    ]);
    const email = `editor-${Date.now().toString(36)}@example.com`;
    await admin.createUser(email, 'Eddie Editor', 'editor-password-1', [group.id]);
    await loginAs(page, email, 'editor-password-1');
    await page.goto(`/organizations/${ORG}/api-keys`);
    const create = page.getByRole('button', { name: 'Add key' });
    await expect(create).toHaveAttribute('aria-disabled', 'true');
    const colours = () =>
      create.evaluate((b) => {
        const style = getComputedStyle(b);
        return { background: style.backgroundColor, color: style.color };
      });
    const before = await colours();
    await create.hover();
    const after = await colours();
    expect(after).toEqual(before);
    expect(after.background).not.toBe(after.color);
  });
});

test.describe('Layout at 390 px (a phone)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('keys are cards with their name and status, and the navigation is behind a menu button', async ({
    page,
    admin,
  }) => {
    const name = uniqueName('Phone key');
    await admin.createKey('usage-analytics', { displayName: name });
    await loginAs(page);
    await openKeyList(page, name);
    const row = keyRow(page, name);
    await expect(row.getByRole('link', { name, exact: true })).toBeVisible();
    await expect(row.getByText('Active', { exact: true })).toBeVisible();
    await expectNoSidewaysScroll(page, 'API Keys page on a phone');
    const rowBox = await row.boundingBox();
    expect(rowBox!.x + rowBox!.width).toBeLessThanOrEqual(390);

    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: 'Groups' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();
    await expect(nav).toBeHidden();
    await expect(page).toHaveTitle('Groups · My organization · Keyward');
    await expectNoSidewaysScroll(page, 'Groups page on a phone');

    // Escape closes the menu too.
    await menu.click();
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: 'Notifications' }).focus();
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
  });

  test('the wizard, Privileges step included, fits the screen', async ({ page }) => {
    await loginAs(page);
    await page.goto(`/organizations/${ORG}/api-keys/new`);
    await expectNoSidewaysScroll(page, 'wizard: Key purpose');
    await page.getByRole('radio', { name: 'Custom', exact: true }).check();
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await page.getByLabel('Name', { exact: true }).fill(uniqueName('Phone custom'));
    await page.getByRole('button', { name: 'Next', exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Privileges' })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Sources: View all' }).check();
    await expectNoSidewaysScroll(page, 'wizard: Privileges');
    const wizardOverflow = await page.locator('.wizard').evaluate((w) => w.scrollWidth - w.clientWidth);
    expect(wizardOverflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeInViewport();
  });
});
