/**
 * Every page of an install names it, in the document title and the heading: the wizard, the host
 * checks and the run history. (The run page's name, "not run" stages and the cancel confirmation
 * are checked on the lab in cluster-journey.spec.ts.)
 */
import { expect, test } from './support/fixtures';

test('the wizard, host checks and run history name their install', async ({ loggedIn: page, newInstall }) => {
  const { id, name } = await newInstall('named');
  await expect(page).toHaveTitle(`${name} · Install wizard · ks-wizard`);

  await page.goto(`/installs/${id}/preflight`);
  await expect(page.getByRole('heading', { name: `Host checks: ${name}` })).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Host checks · ks-wizard`);

  await page.goto(`/installs/${id}/runs`);
  await expect(page.getByRole('heading', { name: `Install runs: ${name}` })).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Install runs · ks-wizard`);
});

test('an unknown install keeps a plain title', async ({ loggedIn: page }) => {
  await page.goto('/installs/no-such-install/runs');
  await expect(page).toHaveTitle('Install runs · ks-wizard');
});
