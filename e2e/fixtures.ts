import { test as base, expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_PORT, ORG } from './env.ts';

export { expect };
export { ORG, E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD };

const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

export interface SeededKey {
  id: string;
  displayName: string;
  value?: string;
  status: string;
}

export interface SeededGroup {
  id: string;
  displayName: string;
}

type Privilege = { owner: string; targetDomain: string; type?: string };

/** REST calls as the administrator (Bearer token: no CSRF header needed), to seed and to check. */
export class AdminApi {
  constructor(private readonly api: APIRequestContext) {}

  private async ok<T>(response: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
    expect(response.ok(), `${response.url()} answered ${response.status()}: ${await response.text()}`).toBe(true);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async createKey(templateId: string, body: Record<string, unknown>): Promise<SeededKey> {
    return this.ok(
      await this.api.post(`/rest/organizations/${ORG}/apikeys?apiKeyTemplateId=${templateId}`, { data: body }),
    );
  }

  async getKey(id: string): Promise<
    SeededKey & {
      apiKeyTemplateId: string;
      description: string;
      allowedIps: string[];
      groupsThatCanEdit: { id: string }[];
    }
  > {
    return this.ok(await this.api.get(`/rest/organizations/${ORG}/apikeys/${id}`));
  }

  async findKeys(filter: string): Promise<SeededKey[]> {
    return this.ok(
      await this.api.get(`/rest/organizations/${ORG}/apikeys`, { params: { filter, page: 0, perPage: 100 } }),
    );
  }

  async reportExposure(id: string, reason: string, severity: string): Promise<void> {
    await this.ok(
      await this.api.post(`/rest/organizations/${ORG}/apikeys/${id}/exposure`, { data: { reason, severity } }),
    );
  }

  async countKeys(): Promise<number> {
    const response = await this.api.get(`/rest/organizations/${ORG}/apikeys`, { params: { page: 0, perPage: 1 } });
    expect(response.ok()).toBe(true);
    return Number(response.headers()['x-total-count']);
  }

  async disableKey(id: string): Promise<void> {
    await this.ok(await this.api.put(`/rest/organizations/${ORG}/apikeys/${id}/disable`));
  }

  async createGroup(displayName: string, apiKeyAccess: string, privileges: Privilege[]): Promise<SeededGroup> {
    return this.ok(
      await this.api.post(`/rest/organizations/${ORG}/groups`, { data: { displayName, apiKeyAccess, privileges } }),
    );
  }

  async createUser(email: string, displayName: string, password: string, groupIds: string[]): Promise<void> {
    await this.ok(
      await this.api.post(`/rest/organizations/${ORG}/members`, {
        data: { email, displayName, password, groups: groupIds },
      }),
    );
  }
}

async function adminContext(): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const login = await anonymous.post('/rest/auth/login', {
    data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD },
  });
  expect(login.ok(), `admin login answered ${login.status()}`).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
}

/** A name no other test uses, so journeys can share one database. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

export const PRIVILEGES = {
  activitiesView: { owner: 'PLATFORM', targetDomain: 'ACTIVITIES', type: 'VIEW' },
  groupsView: { owner: 'PLATFORM', targetDomain: 'GROUP', type: 'VIEW' },
} as const;

/** Logs in through the login page, as a person would. */
export async function loginAs(page: Page, email = E2E_ADMIN_EMAIL, password = E2E_ADMIN_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(new RegExp(`/organizations/${ORG}/api-keys`));
}

/** The API Keys page, searched down to the keys of one test. */
export async function openKeyList(page: Page, search: string): Promise<void> {
  await page.goto(`/organizations/${ORG}/api-keys?q=${encodeURIComponent(search)}`);
  await expect(page.getByRole('heading', { name: 'API Keys', level: 1 })).toBeVisible();
}

export function keyRow(page: Page, name: string) {
  return page.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
}

export const test = base.extend<{ admin: AdminApi }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  admin: async ({}, use) => {
    const api = await adminContext();
    await use(new AdminApi(api));
    await api.dispose();
  },
});
