/**
 * Every page of an install names it, in the document title and the heading: the wizard, the host
 * checks and the run history. (The run page's name, "not run" stages and the cancel confirmation
 * are checked on the lab in install-run.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import { logIn } from './support/login';
import { createInstall } from './support/new-install';

test('the wizard, host checks and run history name their install', async ({ page }) => {
  await logIn(page);
  const name = await createInstall(page, 'named');
  const id = new URL(page.url()).pathname.split('/')[2] ?? '';
  expect(id).not.toBe('');
  await expect(page).toHaveTitle(`${name} · Install wizard · ks-wizard`);

  await page.goto(`/installs/${id}/preflight`);
  await expect(page.getByRole('heading', { name: `Host checks: ${name}` })).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Host checks · ks-wizard`);

  await page.goto(`/installs/${id}/runs`);
  await expect(page.getByRole('heading', { name: `Install runs: ${name}` })).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Install runs · ks-wizard`);
});

test('an unknown install keeps a plain title', async ({ page }) => {
  await logIn(page);
  await page.goto('/installs/no-such-install/runs');
  await expect(page).toHaveTitle('Install runs · ks-wizard');
});
