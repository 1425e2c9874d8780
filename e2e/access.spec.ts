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
    // The change is in the key's activity, the group named as the Access tab names it, not by its id.
    await page.getByRole('tab', { name: 'Activity' }).click();
    await expect(page.getByRole('term').filter({ hasText: 'Groups that can edit' }).first()).toBeVisible();
    const granted = page.getByRole('definition').filter({ hasText: group.displayName }).first();
    await expect(granted).toBeVisible();
    await expect(granted).not.toContainText(group.id);
  });

  test('a view-only user sees no control they cannot use: list, key page, groups', async ({ page, admin }) => {
    const group = await admin.createGroup(uniqueName('Auditors'), 'VIEW_ALL', [
      PRIVILEGES.activitiesView,
      PRIVILEGES.groupsView,
    ]);
    const email = `auditor-${Date.now().toString(36)}@example.com`;
    await admin.createUser(email, 'Audrey Auditor', 'auditor-password-1', [group.id]);
    const prefix = uniqueName('Visible');
    const key = await admin.createKey('anonymous-search', { displayName: `${prefix} key` });
    const exposed = await admin.createKey('usage-analytics', { displayName: `${prefix} exposed` });
    await admin.reportExposure(exposed.id, 'Pasted in a public gist', 'HIGH');
    const other = await admin.createGroup(uniqueName('Members'), 'CUSTOM', [PRIVILEGES.groupsView]);
    await admin.createUser(`member-${email}`, 'Mo Member', 'member-password-1', [other.id]);
    /** A control shown disabled, with its reason on hover, is still one the user cannot use. */
    const disabledControls = page.getByRole('main').locator('[aria-disabled="true"]');

    await loginAs(page, email, 'auditor-password-1');
    await openKeyList(page, prefix);
    await expect(keyRow(page, key.displayName)).toBeVisible();
    await expect(keyRow(page, exposed.displayName)).toContainText('See details');
    for (const name of ['Add key', 'Edit', 'Create from existing', 'More', 'Delete']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole('toolbar', { name: 'API key actions' })).toHaveCount(0);
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Keep active for a year|Delete)/ })).toHaveCount(0);
    await expect(disabledControls).toHaveCount(0);

    await page.getByRole('link', { name: key.displayName, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(key.displayName);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    for (const name of [
      'Save',
      'Rotate',
      'Report exposure',
      'Deactivate',
      'Activate',
      'Delete',
      'Create from existing',
    ]) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expect(disabledControls).toHaveCount(0);
    await page.getByRole('tab', { name: 'Access' }).click();
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(0);

    await page.goto(`/organizations/${ORG}/api-keys/${exposed.id}`);
    await expect(page.getByRole('region', { name: 'Exposure report' })).toContainText('Pasted in a public gist');
    for (const name of ['Dismiss', 'Deactivate now', 'Rotate', 'Report exposure', 'Deactivate', 'Delete']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expect(disabledControls).toHaveCount(0);

    await page.goto(`/organizations/${ORG}/groups`);
    await expect(page.getByText('View only: Changing groups requires the Groups Edit privilege.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Create group' })).toHaveCount(0);
    await page.getByRole('button', { name: other.displayName, exact: true }).click();
    await expect(page.getByRole('list', { name: `Members of ${other.displayName}` })).toContainText('Mo Member');
    for (const name of [`Edit ${other.displayName}`, `Delete ${other.displayName}`, 'Add member']) {
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    }
    await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
    await expect(disabledControls).toHaveCount(0);
  });

  test('a user who can edit some keys and only view others: no checkbox or change on the viewed ones', async ({
    page,
    admin,
  }) => {
    const group = await admin.createGroup(uniqueName('Partial editors'), 'CUSTOM', [
      PRIVILEGES.activitiesView,
      PRIVILEGES.groupsView,
      { owner: 'PLATFORM', targetDomain: 'API_KEY', type: 'EDIT' },
    ]);
    const email = `partial-${Date.now().toString(36)}@example.com`;
    await admin.createUser(email, 'Pat Partial', 'partial-password-1', [group.id]);
    const prefix = uniqueName('Partial');
    const viewed = await admin.createKey('usage-analytics', {
      displayName: `${prefix} viewed`,
      groupsThatCanView: [{ id: group.id }],
    });
    const edited = await admin.createKey('usage-analytics', {
      displayName: `${prefix} edited`,
      groupsThatCanEdit: [{ id: group.id }],
    });

    await loginAs(page, email, 'partial-password-1');
    await openKeyList(page, prefix);
    await expect(keyRow(page, viewed.displayName)).toBeVisible();
    await expect(page.getByRole('checkbox', { name: `Select ${viewed.displayName}` })).toHaveCount(0);
    await expect(page.getByRole('checkbox', { name: `Select ${edited.displayName}` })).toBeVisible();
    await page.getByRole('checkbox', { name: 'Select all API keys on this page' }).check();
    await expect(page.getByText('1 selected')).toBeVisible();

    await page.goto(`/organizations/${ORG}/api-keys/${viewed.id}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(viewed.displayName);
    for (const name of ['Create from existing', 'Deactivate', 'Delete', 'Rotate', 'Report exposure', 'Save']) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole('main').locator('[aria-disabled="true"]')).toHaveCount(0);

    await page.goto(`/organizations/${ORG}/api-keys/${edited.id}`);
    await expect(page.getByRole('button', { name: 'Deactivate', exact: true })).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();
    // Create from existing needs API keys Create: an editor is told why it is off.
    await expect(page.getByRole('button', { name: 'Create from existing' })).toHaveAttribute('aria-disabled', 'true');
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
