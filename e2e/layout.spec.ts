/**
 * Phone (390 px) and small-laptop (1024 px) layouts: no main page scrolls sideways (tables and
 * logs scroll inside their own box, cards and toolbars wrap) and every dialog and drawer fits.
 * The host checks page with a failure and its drawer are checked on lab hosts in
 * preflight-screens.spec.ts. Saves the phone layout of the wizard and its host editor as
 * docs/phone-wizard.png and docs/phone-host-editor.png (linked from the README) with KSW_UPDATE_DOCS_SCREENSHOTS=1.
 */
import { WIZARD_STEPS } from '../lib/config/steps';
import { insertRun } from './support/e2e-db';
import { expect, test } from './support/fixtures';
import { LAYOUT_WIDTHS, expectDialogFits, expectNoSidewaysScroll } from './support/layout';

/** The README's pictures are refreshed only on request (KSW_UPDATE_DOCS_SCREENSHOTS=1); a test run writes to test-results/. */
const shotPath = (name: string) => (process.env.KSW_UPDATE_DOCS_SCREENSHOTS === '1' ? `docs/${name}` : `test-results/${name}`);

test('no page scrolls sideways and dialogs fit at 390 and 1024 px', async ({ loggedIn: page, newInstall }) => {
  test.setTimeout(180_000);
  const { id, name } = await newInstall('layout-with-a-long-install-name');
  await page.getByRole('button', { name: 'Add host' }).click();
  await page
    .getByRole('dialog', { name: /^Host / })
    .getByRole('button', { name: 'Close' })
    .click();
  const minuteAgo = new Date(Date.now() - 60_000);
  const runId = insertRun(id, 'failed', [
    { name: 'prepare', status: 'succeeded', startedAt: minuteAgo },
    { name: 'kubernetes', status: 'failed', startedAt: minuteAgo, error: 'a task failed on one host: the apiserver did not answer within 300 seconds' },
    { name: 'verify', status: 'cancelled', startedAt: null, error: 'not run' },
  ]);

  for (const width of LAYOUT_WIDTHS) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
    await page.goto('/installs');
    await expect(page.getByText(name)).toBeVisible();
    await expectNoSidewaysScroll(page, 'installs list');
    await page.getByRole('button', { name: 'New install' }).click();
    await expectDialogFits(page, 'new install dialog');
    await page.keyboard.press('Escape');

    await page.goto(`/installs/${id}`);
    for (const step of WIZARD_STEPS) {
      await page.getByRole('button', { name: new RegExp(`^${step.label}(,|$)`) }).click();
      await expect(page.getByRole('form', { name: `${step.label} step` })).toBeVisible();
      await expectNoSidewaysScroll(page, `wizard step ${step.label}`);
    }
    await page.getByRole('button', { name: /^Hosts(,|$)/ }).click();
    await page
      .getByRole('button', { name: /^Edit / })
      .first()
      .click();
    await expectDialogFits(page, 'host editor');
    if (width === 390) await page.screenshot({ path: shotPath('phone-host-editor.png') });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    if (width === 390) await page.screenshot({ path: shotPath('phone-wizard.png') });

    await page.goto(`/installs/${id}/preflight`);
    await expect(page.getByRole('button', { name: 'Check hosts' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'host checks');
    await page.goto(`/installs/${id}/runs/${runId}`);
    await expect(page.getByTestId('run-status')).toHaveText('failed');
    await expectNoSidewaysScroll(page, 'failed run');
    await page.goto(`/installs/${id}/runs`);
    await expect(page.getByRole('table', { name: 'Runs' })).toBeVisible();
    await expectNoSidewaysScroll(page, 'run history');
  }
});
