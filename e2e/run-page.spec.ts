/**
 * The run page without the lab: runs are put in the database as the runner leaves them. A stage the
 * runner never started (it stores `cancelled`) reads "not run" on the run page and in the history,
 * Cancel on an active run asks first, and a refusal that names a run links to it.
 */
import { insertRun } from './support/e2e-db';
import { expect, test } from './support/fixtures';

test('stages that never ran read "not run", not "cancelled", and the page names its install', async ({ loggedIn: page, newInstall }) => {
  const { id, name } = await newInstall('runpage');
  const minuteAgo = new Date(Date.now() - 60_000);
  const runId = insertRun(id, 'failed', [
    { name: 'prepare', status: 'succeeded', startedAt: minuteAgo },
    { name: 'kubernetes', status: 'failed', startedAt: minuteAgo, error: 'a task failed' },
    { name: 'verify', status: 'cancelled', startedAt: null, error: 'not run' },
  ]);

  await page.goto(`/installs/${id}/runs/${runId}`);
  // the run names itself as the history does
  await expect(page.getByRole('heading', { name: `Run 1 of ${name}` })).toBeVisible();
  await expect(page).toHaveTitle(`${name} · Run 1 · ks-wizard`);
  const verify = page.getByTestId('stage-verify');
  await expect(verify).toHaveAttribute('data-status', 'cancelled'); // the API keeps the runner's status
  await expect(verify.getByText('not run', { exact: true })).toBeVisible();
  await expect(verify.getByText('cancelled', { exact: true })).toHaveCount(0);

  await page.goto(`/installs/${id}/runs`);
  // the history: a readable name, what the run did, how long it took, and "not run"
  const row = page.getByRole('table', { name: 'Runs' }).getByRole('row').filter({ hasText: 'Run 1' });
  await expect(row).toContainText('Install');
  await expect(row).toContainText('verify: not run');
  await expect(row).not.toContainText('cancelled');
  await expect(row).toContainText(/\d+s$/); // "Took", from the run's creation to its end
  await row.getByRole('link', { name: 'Run 1' }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
});

test('Cancel on an active run asks first, and only "Cancel the run" cancels', async ({ loggedIn: page, newInstall }) => {
  const { id } = await newInstall('runpage');
  const runId = insertRun(id, 'running', [
    { name: 'prepare', status: 'running', startedAt: new Date() },
    { name: 'verify', status: 'queued', startedAt: null },
  ]);
  // the run has no process behind it: answer the cancel here, and count the requests
  let cancels = 0;
  await page.route(`**/api/runs/${runId}/cancel`, async (route) => {
    cancels += 1;
    await route.fulfill({ status: 202, contentType: 'application/json', body: JSON.stringify({ status: 'cancelled' }) });
  });

  await page.goto(`/installs/${id}/runs/${runId}`);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Cancel this install run?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep running' }).click();
  await expect(ask).toBeHidden();
  expect(cancels).toBe(0);

  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.getByRole('dialog', { name: 'Cancel this install run?' }).getByRole('button', { name: 'Cancel the run' }).click();
  await expect.poll(() => cancels).toBe(1);
});

test('a refusal that names a run links to that run', async ({ loggedIn: page, newInstall }) => {
  const { id, name } = await newInstall('runpage');
  const activeRunId = insertRun(id, 'running', [{ name: 'prepare', status: 'running', startedAt: new Date() }]);
  await new Promise((r) => setTimeout(r, 20)); // Run 2 is created after Run 1
  const failedRunId = insertRun(id, 'failed', [{ name: 'prepare', status: 'failed', startedAt: new Date(), error: 'a task failed' }]);

  await page.goto(`/installs/${id}/runs/${failedRunId}`);
  await expect(page.getByRole('heading', { name: `Run 2 of ${name}` })).toBeVisible();
  await page.getByRole('button', { name: 'Re-run one stage…' }).click();
  await page.getByRole('menuitem', { name: /Prepare the taskbox/ }).click();
  // the server refuses (Run 1 is active): its words, and a link to Run 1, not a run id
  const refusal = page.getByTestId('refusal');
  await expect(refusal).toContainText('Run 1 of this install is still active');
  await expect(refusal).not.toContainText(activeRunId);
  await refusal.getByRole('link', { name: 'Open Run 1' }).click();
  await expect(page).toHaveURL(new RegExp(`/installs/${id}/runs/${activeRunId}$`));
  await expect(page.getByRole('heading', { name: `Run 1 of ${name}` })).toBeVisible();
});
