import { expect, keyRow, loginAs, ORG, test, uniqueName } from './fixtures.ts';

test.describe('API Keys list: template filter', () => {
  test('filters by template on the server, in the URL (reload and Back keep it)', async ({ page, admin }) => {
    const tag = uniqueName('Tpl');
    const analytics = await admin.createKey('usage-analytics', { displayName: `${tag} analytics` });
    const search = await admin.createKey('anonymous-search', { displayName: `${tag} search` });
    await loginAs(page);
    await page.goto(`/organizations/${ORG}/api-keys?q=${encodeURIComponent(tag)}`);
    await expect(keyRow(page, analytics.displayName)).toBeVisible();
    await expect(keyRow(page, search.displayName)).toBeVisible();

    const listed = page.waitForRequest(
      (r) => r.url().includes('/apikeys?') && r.url().includes('apiKeyTemplateId=usage-analytics'),
    );
    await page.getByLabel('Template').selectOption({ label: 'Usage analytics' });
    await listed;
    await expect(page).toHaveURL(/[?&]template=usage-analytics/);
    await expect(keyRow(page, analytics.displayName)).toBeVisible();
    await expect(keyRow(page, search.displayName)).toHaveCount(0);

    await page.reload();
    await expect(page.getByLabel('Template')).toHaveValue('usage-analytics');
    await expect(keyRow(page, search.displayName)).toHaveCount(0);
    await expect(keyRow(page, analytics.displayName)).toBeVisible();

    await page.goBack();
    await expect(page.getByLabel('Template')).toHaveValue('');
    await expect(keyRow(page, search.displayName)).toBeVisible();
  });
});
