/**
 * The theme follows the system's light or dark preference until the operator picks one in the
 * header; the pick survives a reload, and "As the system" hands control back.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const scheme = (page: Page) => page.locator('html');
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function pick(page: Page, choice: 'As the system' | 'Light' | 'Dark'): Promise<void> {
  await page.getByRole('button', { name: 'Theme' }).click();
  await page.getByRole('menuitem', { name: choice, exact: true }).click();
}

test('the theme follows the system and can be switched', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/login');
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  const darkBackground = await background(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');
  expect(await background(page)).not.toBe(darkBackground);

  // the operator's pick wins over the system, across a reload
  await pick(page, 'Dark');
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  expect(await background(page)).toBe(darkBackground);
  await page.reload();
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expect(page.getByRole('button', { name: 'Theme' })).toBeVisible();

  await pick(page, 'As the system');
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(scheme(page)).toHaveAttribute('data-mantine-color-scheme', 'dark');
});
