/** Logging in as the admin, as every e2e journey starts (the password playwright.config.ts gives the server). */
import { expect, type Page } from '@playwright/test';

const PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password';

export async function logIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Admin password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/installs$/);
}
