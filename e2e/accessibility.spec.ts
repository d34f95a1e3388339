/**
 * axe-core on every main page state that needs no lab host (the host checks with a failure and the
 * failed run of a real install are checked in preflight-screens.spec.ts and cluster-journey.spec.ts):
 * login, first run, the installs list and its New-install dialog, every wizard step with the host
 * editor open, Review, a failed run and the run history, and some of them again in the dark
 * theme. Each state must have no serious or critical violation and one h1
 * (e2e/support/accessibility.ts).
 */
import { WIZARD_STEPS } from '../lib/config/steps';
import { expectAccessible } from './support/accessibility';
import { insertRun } from './support/e2e-db';
import { expect, test } from './support/fixtures';

test('login and first-run pages', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('Admin password')).toBeVisible();
  await expectAccessible(page, 'login');

  // the e2e server already has its admin: answer "setup needed" so the first-run form stays put
  await page.route('**/api/auth/state', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ loggedIn: false, setupNeeded: true }) }),
  );
  await page.goto('/setup');
  await expect(page.getByLabel('Setup token')).toBeVisible();
  await expectAccessible(page, 'first run');
});

test('installs list, wizard steps, host editor, review, failed run and run history', async ({ loggedIn: page, newInstall }) => {
  await expect(page.getByRole('button', { name: 'New install' })).toBeVisible();
  await expectAccessible(page, 'installs list');
  await page.getByRole('button', { name: 'New install' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectAccessible(page, 'new install dialog');
  await page.keyboard.press('Escape');

  const { id, name } = await newInstall('a11y');
  await page.getByRole('button', { name: 'Add host' }).click();
  const editor = page.getByRole('dialog', { name: /^Host / });
  await expect(editor).toBeVisible();
  await expectAccessible(page, 'host editor');
  await editor.getByRole('button', { name: 'Close' }).click();
  await expect(editor).toBeHidden();

  for (const step of WIZARD_STEPS) {
    await page.getByRole('button', { name: new RegExp(`^${step.label}(,|$)`) }).click();
    await expect(page.getByRole('form', { name: `${step.label} step` })).toBeVisible();
    await expectAccessible(page, `wizard step ${step.label}`);
  }

  const minuteAgo = new Date(Date.now() - 60_000);
  const runId = insertRun(id, 'failed', [
    { name: 'prepare', status: 'succeeded', startedAt: minuteAgo },
    { name: 'kubernetes', status: 'failed', startedAt: minuteAgo, error: 'a task failed' },
    { name: 'verify', status: 'cancelled', startedAt: null, error: 'not run' },
  ]);
  await page.goto(`/installs/${id}/runs/${runId}`);
  await expect(page.getByTestId('run-status')).toHaveText('failed');
  await expectAccessible(page, 'failed run');
  await page.goto(`/installs/${id}/runs`);
  await expect(page.getByRole('table', { name: 'Runs' })).toBeVisible();
  await expect(page.getByText(name).first()).toBeVisible();
  await expectAccessible(page, 'run history');
});

test.describe('the dark theme', () => {
  // dark from the first page on, the login included
  test.use({ colorScheme: 'dark' });

  test('installs list, wizard with the host editor, Review, failed run', async ({ loggedIn: page, newInstall }) => {
    await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
    await expectAccessible(page, 'installs list (dark)');
    const { id } = await newInstall('a11y-dark');
    await page.getByRole('button', { name: 'Add host' }).click();
    await expect(page.getByRole('dialog', { name: /^Host / })).toBeVisible();
    await expectAccessible(page, 'host editor (dark)');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Review(,|$)/ }).click();
    await expect(page.getByRole('form', { name: 'Review step' })).toBeVisible();
    await expectAccessible(page, 'Review (dark)');
    const runId = insertRun(id, 'failed', [{ name: 'kubernetes', status: 'failed', startedAt: new Date(), error: 'a task failed' }]);
    await page.goto(`/installs/${id}/runs/${runId}`);
    await expect(page.getByTestId('run-status')).toHaveText('failed');
    await expectAccessible(page, 'failed run (dark)');
  });
});
