import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { E2E_ADMIN_EMAIL, E2E_ADMIN_PASSWORD, E2E_PORT, ORG } from './env.ts';

// Seeding and checks for the security contact's and the rotating administrator's journeys (issue 10).

const BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
export const B = `/rest/organizations/${ORG}/apikeys`;

export async function adminRequest(): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  const login = await anonymous.post('/rest/auth/login', {
    data: { email: E2E_ADMIN_EMAIL, password: E2E_ADMIN_PASSWORD },
  });
  expect(login.ok()).toBe(true);
  const { accessToken } = (await login.json()) as { accessToken: string };
  await anonymous.dispose();
  return request.newContext({ baseURL: BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${accessToken}` } });
}

/** A new member of the built-in Security contacts group; answers their e-mail and password. */
export async function createSecurityContact(api: APIRequestContext, email: string) {
  const groups = (await (await api.get(`/rest/organizations/${ORG}/groups`)).json()) as {
    id: string;
    builtIn: string | null;
  }[];
  const contacts = groups.find((g) => g.builtIn === 'SECURITY_CONTACTS');
  expect(contacts, 'the built-in Security contacts group').toBeDefined();
  const password = 'a long enough password for the contact';
  const created = await api.post(`/rest/organizations/${ORG}/members`, {
    data: { email, displayName: 'Security Contact', password, groups: [contacts?.id] },
  });
  expect(created.ok(), await created.text()).toBe(true);
  return { email, password };
}

/** `POST …/apikeys/verify`: the verdict's code for a key value. */
export async function verifyCode(api: APIRequestContext, key: string, privileges?: unknown[]): Promise<string> {
  const res = await api.post(`${B}/verify`, { data: { key, ...(privileges ? { privileges } : {}) } });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { code: string }).code;
}

export async function serverNow(api: APIRequestContext): Promise<number> {
  const res = await api.get('/__test__/clock');
  expect(res.ok(), 'the e2e server runs with KEYWARD_CLOCK=manual').toBe(true);
  return ((await res.json()) as { epochMs: number }).epochMs;
}

export async function setServerClock(api: APIRequestContext, epochMs: number): Promise<void> {
  expect((await api.put('/__test__/clock', { data: { now: new Date(epochMs).toISOString() } })).ok()).toBe(true);
}

export async function openKey(page: Page, id: string, tab?: string): Promise<void> {
  await page.goto(`/organizations/${ORG}/api-keys/${id}${tab ? `?tab=${tab}` : ''}`);
  await expect(page.getByRole('tab', { name: 'Overview' })).toBeVisible();
}
