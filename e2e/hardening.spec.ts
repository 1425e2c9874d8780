/// <reference lib="dom" />
import type { Page } from '@playwright/test';
import { expect, keyRow, loginAs, openKeyList, test, uniqueName } from './fixtures.ts';

// Issue 12: /rest/docs is served entirely by Keyward (no CDN), and both it and the console run
// under the Content-Security-Policy (script from 'self' only) without a single violation.

interface Watch {
  foreign: string[];
  violations: string[];
}

/** Cuts the network to any other origin and records CSP violations reported by the page. */
async function watch(page: Page, origin: string): Promise<Watch> {
  const seen: Watch = { foreign: [], violations: [] };
  await page.route('**', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    seen.foreign.push(url);
    return route.abort('internetdisconnected');
  });
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.violations.push(msg.text());
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  return seen;
}

test('/rest/docs renders the operations with the network to other origins cut', async ({ page, baseURL }) => {
  const seen = await watch(page, new URL(baseURL ?? '').origin);
  const response = await page.goto('/rest/docs');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expect(page.getByRole('heading', { name: /Keyward API/ })).toBeVisible();
  const operations = page.locator('.opblock');
  await expect(operations.first()).toBeVisible();
  expect(await operations.count()).toBeGreaterThan(20);
  await expect(
    page.locator('.opblock-summary-path', { hasText: '/rest/organizations/{org}/apikeys' }).first(),
  ).toBeVisible();
  // Opening an operation works too (Swagger UI's own script, from 'self').
  await page.locator('.opblock-summary', { hasText: '/rest/auth/login' }).first().click();
  await expect(page.getByRole('button', { name: 'Try it out' }).first()).toBeVisible();
  expect(seen.foreign).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test('the console works under the CSP: no violation while logging in, listing, opening a dialog', async ({
  page,
  admin,
  baseURL,
}) => {
  const seen = await watch(page, new URL(baseURL ?? '').origin);
  const name = uniqueName('CSP');
  await admin.createKey('anonymous-search', {
    displayName: name,
    additionalConfiguration: { search: { enforcedQueryPipelineConfiguration: { searchHub: 'main' } } },
  });
  await loginAs(page);
  await openKeyList(page, name);
  await expect(keyRow(page, name)).toBeVisible();
  await keyRow(page, name).getByRole('checkbox').check();
  await page.getByRole('button', { name: /^Delete/ }).click();
  const dialog = page.getByRole('alertdialog').or(page.getByRole('dialog'));
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(seen.foreign).toEqual([]);
  expect(seen.violations).toEqual([]);
});
