/** Creating an install from the installs list ("New install"), as the wizard journeys start. */
import { expect, type Page } from '@playwright/test';

/** Creates an install named `<prefix>-<time>-<random>` and waits for its wizard; returns the name. */
export async function createInstall(page: Page, prefix: string): Promise<string> {
  const name = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
  await page.getByRole('button', { name: 'New install' }).click();
  await page.getByLabel('Install name').fill(name);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible({ timeout: 30_000 });
  return name;
}
