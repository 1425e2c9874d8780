import { expect, loginAs, ORG, PRIVILEGES, test, uniqueName } from './fixtures.ts';

test.describe('Account', () => {
  test('a user changes their password from the user menu, then logs in with the new one only', async ({
    page,
    admin,
  }) => {
    const group = await admin.createGroup(uniqueName('Account holders'), 'VIEW_ALL', [
      PRIVILEGES.activitiesView,
      PRIVILEGES.groupsView,
    ]);
    const email = `changer-${Date.now().toString(36)}@example.com`;
    await admin.createUser(email, 'Casey Changer', 'first-password-1', [group.id]);
    await loginAs(page, email, 'first-password-1');

    await page.getByRole('button', { name: 'User menu for Casey Changer' }).click();
    await page.getByRole('menuitem', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change password' });
    await dialog.getByLabel('Current password').fill('not-the-password');
    await dialog.getByLabel('New password', { exact: true }).fill('second-password-2');
    await dialog.getByLabel('Confirm the new password').fill('second-password-2');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByText('The current password is wrong.')).toBeVisible();
    await expect(dialog.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');

    await dialog.getByLabel('Current password').fill('first-password-1');
    await dialog.getByLabel('New password', { exact: true }).fill('short');
    await dialog.getByLabel('Confirm the new password').fill('short');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByText('Use at least 8 characters.')).toBeVisible();

    await dialog.getByLabel('New password', { exact: true }).fill('second-password-2');
    await dialog.getByLabel('Confirm the new password').fill('second-password-3');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog.getByText('The two new passwords are not the same.')).toBeVisible();

    await dialog.getByLabel('Confirm the new password').fill('second-password-2');
    await dialog.getByRole('button', { name: 'Change password' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Password changed', { exact: true })).toBeVisible();
    // This session stays.
    await page.goto(`/organizations/${ORG}/groups`);
    await expect(page.getByRole('heading', { level: 1, name: 'Groups' })).toBeVisible();

    await page.getByRole('button', { name: 'User menu for Casey Changer' }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill('first-password-1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByText('The e-mail or password is incorrect.')).toBeVisible();
    await loginAs(page, email, 'second-password-2');
  });
});
