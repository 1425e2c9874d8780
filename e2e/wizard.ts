/// <reference lib="dom" />
import { expect, type Page } from '@playwright/test';
import { ORG } from './env.ts';

/** Steps of the Add key wizard, driven through roles and labels. */
export class Wizard {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`/organizations/${ORG}/api-keys`);
    await this.page.getByRole('button', { name: 'Add key' }).click();
    await expect(this.page).toHaveURL(/\/api-keys\/new/);
    await this.expectStep('Key purpose');
  }

  async expectStep(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }

  async choose(template: string): Promise<void> {
    await this.page.getByRole('radio', { name: template, exact: true }).check();
  }

  async next(expected?: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Next', exact: true }).click();
    if (expected) await this.expectStep(expected);
  }

  async identify(name: string, description = ''): Promise<void> {
    await this.page.getByLabel('Name', { exact: true }).fill(name);
    if (description) await this.page.getByLabel('Description', { exact: true }).fill(description);
  }

  async addEntry(label: string, value: string): Promise<void> {
    const input = this.page.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Enter');
  }

  /** Adds the key and returns the value shown once in the dialog. */
  async submit(): Promise<string> {
    await this.page.getByRole('button', { name: 'Add API key' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'API key successfully created' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('Copy the key immediately. This is the only time that it will be displayed.');
    await expect(dialog.getByRole('button', { name: /copy/i })).toBeVisible();
    const value = await dialog.getByLabel('API key').inputValue();
    expect(value).toMatch(/^kw(pub|prv)_[0-9A-Za-z]{36}$/);
    return value;
  }

  /** Done: back to the list, or (Create from existing) to the new key's page. */
  async done(landsOn: RegExp = new RegExp(`/organizations/${ORG}/api-keys$`)): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: 'API key successfully created' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page).toHaveURL(landsOn);
  }
}

/** The one-time value must be gone: not in the DOM, not in any attribute, not in scripts' reach of the page. */
export async function expectValueNowhere(page: Page, value: string): Promise<void> {
  expect(await page.content()).not.toContain(value);
  const text = await page.evaluate(() => document.body.innerText);
  expect(text).not.toContain(value);
}
