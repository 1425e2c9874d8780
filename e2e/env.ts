/** The e2e server's fixed settings, shared by playwright.config.ts and the fixtures. */
export const E2E_PORT = Number(process.env.KEYWARD_E2E_PORT ?? 8799);
export const E2E_ADMIN_EMAIL = 'admin@example.com';
export const E2E_ADMIN_PASSWORD = 'e2e-Admin-password-1';
export const ORG = 'myorganization';
