import { expect, loginAs, ORG, PRIVILEGES, test, uniqueName } from './fixtures.ts';

test.describe('Groups: edit, delete, remove members', () => {
  test.beforeEach(async ({ page }) => loginAs(page));

  test('renames a group and changes its API key access and privileges', async ({ page, admin }) => {
    const group = await admin.createGroup(uniqueName('Support'), 'VIEW_ALL', [PRIVILEGES.groupsView]);
    const renamed = uniqueName('Customer support');
    await page.goto(`/organizations/${ORG}/groups`);
    await page.getByRole('button', { name: `Edit ${group.displayName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${group.displayName}` });
    await dialog.getByLabel('Name').fill(renamed);
    await dialog.getByLabel('API key access').selectOption('CUSTOM');
    await dialog.getByRole('checkbox', { name: 'Activities View' }).check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    const row = page.getByRole('row').filter({ has: page.getByRole('button', { name: renamed, exact: true }) });
    await expect(row).toContainText('Custom (per key)');
    await expect(row.getByRole('cell').nth(2)).toHaveText('2');
  });

  test('deleting a group with access to keys asks first, names the keys, and the access goes with it', async ({
    page,
    admin,
  }) => {
    const group = await admin.createGroup(uniqueName('Contractors'), 'CUSTOM', [PRIVILEGES.groupsView]);
    const key = await admin.createKey('usage-analytics', {
      displayName: uniqueName('Shared with contractors'),
      groupsThatCanView: [{ id: group.id }],
    });
    await page.goto(`/organizations/${ORG}/groups`);
    await page.getByRole('button', { name: `Delete ${group.displayName}` }).click();
    const ask = page.getByRole('alertdialog', { name: `Delete ${group.displayName}?` });
    await expect(ask).toContainText('It has access to 1 API key');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('button', { name: group.displayName, exact: true })).toBeVisible();

    await page.getByRole('button', { name: `Delete ${group.displayName}` }).click();
    await ask.getByRole('button', { name: 'Delete group' }).click();
    await expect(page.getByText('Group deleted', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: group.displayName, exact: true })).toHaveCount(0);
    const after = (await admin.getKey(key.id)) as unknown as { groupsThatCanView: { id: string }[] };
    expect(after.groupsThatCanView).toEqual([]);
    await page.goto(`/organizations/${ORG}/api-keys/${key.id}`);
    await page.getByRole('tab', { name: 'Activity' }).click();
    await expect(page.getByText(`Access for group ${group.displayName} removed (group deleted)`)).toBeVisible();
  });

  test('built-in groups cannot be deleted', async ({ page }) => {
    await page.goto(`/organizations/${ORG}/groups`);
    await expect(page.getByRole('button', { name: 'Administrators', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit Administrators' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete Administrators' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Delete Security contacts' })).toHaveCount(0);
  });

  test('removes a member from a group, asking first', async ({ page, admin }) => {
    const group = await admin.createGroup(uniqueName('Temporary'), 'VIEW_ALL', [PRIVILEGES.groupsView]);
    const email = `leaver-${Date.now().toString(36)}@example.com`;
    await admin.createUser(email, 'Lee Leaver', 'leaver-password-1', [group.id]);
    await page.goto(`/organizations/${ORG}/groups`);
    await page.getByRole('button', { name: group.displayName, exact: true }).click();
    const members = page.getByRole('list', { name: `Members of ${group.displayName}` });
    await expect(members).toContainText('Lee Leaver');
    await page.getByRole('button', { name: `Remove Lee Leaver from ${group.displayName}` }).click();
    const ask = page.getByRole('alertdialog', { name: `Remove Lee Leaver from ${group.displayName}?` });
    await ask.getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('Member removed', { exact: true })).toBeVisible();
    await expect(page.getByText('No member yet.')).toBeVisible();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('button', { name: group.displayName, exact: true }) });
    await expect(row.getByRole('cell').nth(3)).toHaveText('0');
  });
});
