import { expect, loginAs, openKeyList, test, uniqueName } from './fixtures.ts';

test('search, status filter, sorting and paging happen on the server and live in the URL', async ({ page, admin }) => {
  const prefix = uniqueName('Listing');
  const created = [];
  for (let i = 1; i <= 12; i++)
    created.push(await admin.createKey('usage-analytics', { displayName: `${prefix} ${String(i).padStart(2, '0')}` }));
  await admin.disableKey(created[4]?.id ?? '');

  await loginAs(page);
  await openKeyList(page, prefix);
  const names = page.getByRole('table', { name: 'API keys' }).getByRole('link');
  await expect(names).toHaveCount(12);

  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page).toHaveURL(/sortBy=displayName/);
  await expect(page).toHaveURL(/order=asc/);
  await expect(names.first()).toHaveText(`${prefix} 01`);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page).toHaveURL(/order=desc/);
  await expect(names.first()).toHaveText(`${prefix} 12`);
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');

  await page.getByLabel('Rows per page').selectOption('10');
  await expect(names).toHaveCount(10);
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(names).toHaveCount(2);
  await page.reload();
  await expect(names).toHaveCount(2);
  await expect(page.getByText('Page 2 of 2')).toBeVisible();

  await page.getByLabel('Status').selectOption('DEACTIVATED');
  await expect(page).toHaveURL(/status=DEACTIVATED/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(names).toHaveCount(1);
  await expect(names.first()).toHaveText(`${prefix} 05`);

  await page.goBack();
  await expect(names).toHaveCount(2);

  await page.getByLabel('Search API keys').fill(`${prefix} 0`);
  await expect(page).toHaveURL(/q=Listing/);
  await expect(names).toHaveCount(9);
});
