/**
 * The install journey in the browser (e2e/cluster-journey.spec.ts runs it), on the first 5 leased lab
 * hosts (profile `lab`; the first is the taskbox every stage runs on, under the Ansible 2.7.6 its
 * bootstrap installs), as an operator does it: open the install in the wizard, Review → "Check the
 * hosts", run the host checks, acknowledge the warnings (the lab hosts are Debian: not in the
 * supported OS list), open "Advanced" and inject a failure (`lab_fail_at=kubesphere:<2nd host>`),
 * press Install (the server's install gate lets it through), watch the stages progress live, read the
 * pinned error card (task, message, likely cause), press "Retry failed" (only that host), then
 * "Finish the install" from the failed run, and reach success: the finish line (console, default
 * account, the kubeconfig downloaded equal to the file on the first master), and the wizard of an
 * installed install, read only until edits are chosen. The install is created through the API with
 * LEASED hosts (the wizard's "Use the local lab" takes every lab host, which other test processes may
 * be using). Needs the server to call the runner hooks (attachRunSockets + startRunner,
 * server/start-server.ts). Each operator step is a test.step, so a failure report names the step it failed in.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { hostFsPath } from '../../lab/private-fs';
import type { LabHostState } from '../../lab/state';
import { expectAccessible } from './accessibility';
import { expect, test, type CreatedInstall, type LabInstallOptions } from './fixtures';

/** Installs `hosts` (at least 2) through the browser, with one injected failure on the second; returns the install. */
export async function installJourney(
  page: Page,
  hosts: LabHostState[],
  labInstall: (options: LabInstallOptions) => Promise<CreatedInstall>,
): Promise<CreatedInstall> {
  const [master, second] = hosts;
  if (!master || !second) throw new Error('2 lab hosts or more are needed');
  const bad = second.name;
  const { id, name } = await labInstall({ prefix: 'e2e-run', hosts });
  const installButton = page.getByRole('button', { name: 'Install', exact: true });

  await test.step('Open the install in the wizard: Review → "Check the hosts"', async () => {
    await page.goto(`/installs/${id}`);
    await expect(page.getByRole('heading', { name })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: /^Review(,|$)/ }).click();
    await page.getByRole('link', { name: /Check the hosts/ }).click();
    await expect(page.getByRole('heading', { name: 'Host checks' })).toBeVisible({ timeout: 30_000 });
    // No checks yet: nothing to install from
    await expect(installButton).toHaveCount(0);
  });

  await test.step('Check the hosts (trusting new keys) and acknowledge the warnings', async () => {
    // trusting the lab's keys on first use is the operator's explicit choice for this check;
    // Debian hosts warn, and Install waits for the acknowledgement
    await page.getByRole('checkbox', { name: /Trust new keys/ }).check();
    await page.getByRole('button', { name: 'Check hosts' }).click();
    const summary = page.getByTestId('preflight-summary');
    await expect(summary).not.toHaveText(/^Checking/, { timeout: 120_000 });
    await expect(summary).not.toContainText('fail');
    await expect(installButton).toBeDisabled();
    await expect(page.getByText('Acknowledge the warnings to continue.')).toBeVisible();
    await page.getByRole('checkbox', { name: 'I have read the warnings and want to install anyway' }).check();
    await expect(installButton).toBeEnabled();
  });

  await test.step(`Advanced: inject a failure on ${bad} and press Install`, async () => {
    await page.getByRole('button', { name: /^Advanced/ }).click();
    const extra = page.getByRole('textbox', { name: 'Extra vars' });
    await extra.fill('ansible_become_pass=x');
    await expect(page.getByText("Ansible's own settings (ansible_*: connection, become, interpreter) cannot be set here")).toBeVisible();
    await expect(installButton).toBeDisabled();
    await extra.fill(`lab_fail_at=kubesphere:${bad}`);
    await expect(installButton).toBeEnabled();
    await installButton.click();
  });

  const runId = await test.step('Watch the stages progress live, then read the failed run and its error card', async () => {
    await expect(page).toHaveURL(new RegExp(`/installs/${id}/runs/[^/]+$`), { timeout: 30_000 });
    const failedRun = new URL(page.url()).pathname.split('/').pop() ?? '';
    // every stage runs on the taskbox (the first leased host): first it is prepared (Ansible 2.7.6)
    await expect(page.getByTestId('stage-prepare')).toHaveAttribute('data-status', /running|succeeded/, { timeout: 60_000 });
    await expect(page.getByTestId('stage-prepare')).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
    await expect(page.getByTestId('stage-init')).toBeVisible();
    await expect(page.getByTestId('stage-init')).toHaveAttribute('data-status', /running|succeeded/, { timeout: 60_000 });
    await expect(page.getByTestId('stage-init')).toHaveAttribute('data-status', 'succeeded', { timeout: 90_000 });
    await expect(page.getByTestId('run-status')).toHaveText('failed', { timeout: 180_000 });
    const card = page.getByTestId(`error-card-${bad}`);
    await expect(card).toContainText('address already in use');
    await expect(card).toContainText('Likely cause');
    await expect(page.getByTestId('stage-kubesphere')).toHaveAttribute('data-status', 'failed');
    // Verify never ran: the API keeps the runner's 'cancelled', the page says "not run"; it names its install
    await expect(page.getByTestId('stage-verify')).toHaveAttribute('data-status', 'cancelled');
    await expect(page.getByTestId('stage-verify').getByText('not run', { exact: true })).toBeVisible();
    await expect(page.getByTestId('stage-verify').getByText('cancelled', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: `Run 1 of ${name}` })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^${name} · Run 1 ·`));
    await expect(page.getByTestId('log-count')).not.toHaveText(/^0 \//);
    await expectAccessible(page, 'the failed run with its error card and log');
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/install-run-failed.png', fullPage: true });
    return failedRun;
  });

  await test.step(`Retry failed: only ${bad}, only that stage`, async () => {
    await page.getByRole('button', { name: 'Retry failed' }).click();
    await expect(page).not.toHaveURL(new RegExp(`${runId}$`));
    await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 90_000 });
    await expect(page.getByTestId(`cell-kubesphere-${bad}`)).toHaveAttribute('data-status', 'succeeded');
    // a retry that succeeded is not a finished install: the page says what is still to do
    await expect(page.getByTestId('chain-state')).toHaveAttribute('data-complete', 'false');
    await expect(page.getByTestId('chain-state')).toContainText('The install still needs: Verify');
  });

  await test.step('Finish the install from the failed run: the remaining stages complete', async () => {
    await page.getByRole('link', { name: 'continues Run 1' }).click();
    await expect(page).toHaveURL(new RegExp(`${runId}$`));
    await expect(page.getByTestId('retry-resume-says')).toContainText('Verify');
    await page.getByRole('button', { name: 'Finish the install' }).click();
    await expect(page).not.toHaveURL(new RegExp(`${runId}$`));
    await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 120_000 });
    await expect(page.getByTestId('stage-verify')).toHaveAttribute('data-status', 'succeeded');
    await expect(page.getByTestId('chain-state')).toHaveAttribute('data-complete', 'true');
    await page.screenshot({ path: 'test-results/install-run-succeeded.png', fullPage: true });
  });

  await test.step('The finish line: console, default account, next steps, and the kubeconfig downloaded', async () => {
    // the console as the installer prints it, the default account to change, the kubeconfig the
    // runner read from the first master (downloaded through the wizard) and next steps
    const finish = page.getByTestId('finish-line');
    await expect(finish.getByRole('heading', { name: 'Your cluster is installed' })).toBeVisible({ timeout: 30_000 });
    await expect(finish.getByTestId('console-url')).toHaveText(`http://${master.address}:30880`);
    await expect(finish.getByTestId('default-account')).toContainText('admin');
    await expect(finish.getByTestId('default-account')).toContainText('P@88w0rd');
    await expect(finish.getByTestId('kubeconfig-source')).toContainText(`Read from ${master.name}:/root/.kube/config`);
    await expect(finish).toContainText('Next steps');
    const downloading = page.waitForEvent('download');
    await finish.getByRole('link', { name: 'Download the kubeconfig' }).click();
    const download = await downloading;
    const file = await download.path();
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(hostFsPath(master.name, '/root/.kube/config'), 'utf8'));
    await finish.scrollIntoViewIfNeeded();
    // the README's picture of the finish line is this page (KSW_UPDATE_DOCS_SCREENSHOTS=1 refreshes it)
    const shot = process.env.KSW_UPDATE_DOCS_SCREENSHOTS === '1' ? 'docs/finish-line.png' : 'test-results/finish-line.png';
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('heading', { name: `Run 3 of ${name}` }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot });
  });

  await test.step('History: the chain of 3 runs, and back to the wizard', async () => {
    await page.getByRole('link', { name: 'History' }).click();
    await expect(page.getByRole('table', { name: 'Runs' }).getByRole('row')).toHaveCount(4);
    await page.getByRole('link', { name: 'Back to the wizard' }).click();
    await expect(page.getByRole('link', { name: 'Install runs (3)' })).toBeVisible({ timeout: 30_000 });
  });

  await test.step("The installed install's wizard: read only until the operator chooses to edit for a new run", async () => {
    // the finish line, and settings read only until the operator chooses to edit them for a new
    // run, told that edits do not reach the cluster
    await expect(page.getByTestId('finish-line')).toBeVisible();
    const notice = page.getByTestId('installed-notice');
    await expect(notice).toContainText('Edits are saved in the wizard only: they do not reach the cluster.');
    await page.getByRole('button', { name: /^Hosts(,|$)/ }).click();
    await expect(page.getByRole('button', { name: `Edit ${master.name}` })).toBeDisabled();
    await notice.getByRole('button', { name: 'Edit the settings for a new install run…' }).click();
    const ask = page.getByRole('dialog', { name: "Edit an installed cluster's settings?" });
    await ask.getByRole('button', { name: 'Keep them as installed' }).click();
    await expect(page.getByRole('button', { name: `Edit ${master.name}` })).toBeDisabled();
    await notice.getByRole('button', { name: 'Edit the settings for a new install run…' }).click();
    await ask.getByRole('button', { name: 'Edit the settings' }).click();
    await expect(notice).toHaveAttribute('data-unlocked', 'true');
    await expect(page.getByRole('button', { name: `Edit ${master.name}` })).toBeEnabled();
  });
  return { id, name };
}
