import { expect, keyRow, loginAs, openKeyList, ORG, PRIVILEGES, test, uniqueName } from './fixtures.ts';

test.describe('Access and groups', () => {
  test('access levels are edited on the Access tab', async ({ page, admin }) => {
    const group = await admin.createGroup(uniqueName('Support team'), 'CUSTOM', [
      PRIVILEGES.activitiesView,
      PRIVILEGES.groupsView,
    ]);
    const key = await admin.createKey('search-pages', { displayName: uniqueName('Shared key') });
    await loginAs(page);
    await page.goto(`/organizations/${ORG}/api-keys/${key.id}?tab=access`);
    await expect(page.getByRole('tab', { name: 'Access', selected: true })).toBeVisible();
    const level = page.getByRole('combobox', { name: `Access level for ${group.displayName}` });
    await expect(level).toHaveValue('NONE');
    await level.selectOption('EDIT');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Access saved', { exact: true })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('combobox', { name: `Access level for ${group.displayName}` })).toHaveValue('EDIT');
    const saved = await admin.getKey(key.id);
    expect(saved.groupsThatCanEdit.map((g) => g.id)).toContain(group.id);
  });

  test('a view-only user sees no editing control', async ({ page, admin }) => {
    const group = await admin.createGroup(uniqueName('Auditors'), 'VIEW_ALL', [
      PRIVILEGES.activitiesView,
      PRIVILEGES.groupsView,
    ]);
    const email = `auditor-${Date.now().toString(36)}@example.com`;
    await admin.createUser(email, 'Audrey Auditor', 'auditor-password-1', [group.id]);
    const key = await admin.createKey('anonymous-search', { displayName: uniqueName('Visible key') });

    await loginAs(page, email, 'auditor-password-1');
    await openKeyList(page, key.displayName);
    await expect(keyRow(page, key.displayName)).toBeVisible();
    for (const name of ['Add key', 'Edit', 'Create from existing', 'More', 'Delete']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole('toolbar', { name: 'API key actions' })).toHaveCount(0);

    await page.getByRole('link', { name: key.displayName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(key.displayName);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    for (const name of ['Save', 'Deactivate', 'Delete', 'Create from existing']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await page.getByRole('tab', { name: 'Access' }).click();
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);

    await page.goto(`/organizations/${ORG}/groups`);
    await expect(page.getByRole('button', { name: 'Create group' })).toBeDisabled();
  });

  test('creates a group and adds a member on the Groups page', async ({ page }) => {
    const groupName = uniqueName('Partners');
    await loginAs(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('button', { name: 'Create group' }).click();
    const create = page.getByRole('dialog', { name: 'Create a group' });
    await create.getByLabel('Name', { exact: true }).fill(groupName);
    await create.getByLabel('API key access').selectOption('CUSTOM');
    await create.getByRole('button', { name: 'Create group' }).click();
    await expect(create).toBeHidden();

    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: groupName, exact: true }) });
    await expect(row).toContainText('Custom (per key)');
    await row.getByRole('button', { name: groupName, exact: true }).click();
    await page.getByRole('button', { name: 'Add member' }).click();
    const add = page.getByRole('dialog', { name: `Add a member to ${groupName}` });
    await add.getByText('New user').click();
    await add.getByLabel('E-mail').fill(`partner-${Date.now().toString(36)}@example.com`);
    await add.getByLabel('Display name').fill('Pat Partner');
    await add.getByLabel('Password').fill('partner-password-1');
    await add.getByRole('button', { name: 'Add member' }).click();
    await expect(add).toBeHidden();
    await expect(page.getByRole('list', { name: `Members of ${groupName}` })).toContainText('Pat Partner');
    await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  });

  test('logs out from the user menu', async ({ page }) => {
    await loginAs(page);
    await page.getByRole('button', { name: /User menu/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    await page.goto(`/organizations/${ORG}/groups`);
    await expect(page).toHaveURL(/\/login\?next=/);
  });

  test('without a session, any page returns to the login page', async ({ page }) => {
    await page.goto(`/organizations/${ORG}/api-keys`);
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await page.getByLabel('E-mail').fill('admin@example.com');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByText('The e-mail or password is incorrect.')).toBeVisible();
  });
});
