/**
 * Preflight from the wizard on 3 real lab hosts (lab/: each in its own network namespace, 10.200.0.x by default, the lab user whose
 * sudo asks for its password). The spec leases 3 lab hosts (the `lab` fixture: starting the lab when
 * it is down, and taking it down afterwards only when it started it, as the vitest fixture).
 * Journey: log in, create an install, "Use the local lab", inject one fault through the UI
 * (lab2's internal IP set to an address that is not on it), check the hosts (the first contact only
 * fetches each host key: nothing is sent), trust the keys shown, check again, and read the failures
 * it causes — lab2's IP is on no interface, and on a real network lab1 and lab3 cannot reach etcd
 * and the apiserver at that address — with their messages and fixes in the matrix (listed under "What failed", the matrix fitting 1440 px with
 * its host column pinned), and the drawer's actions (check again, edit the host).
 */
import { mkdir } from 'node:fs/promises';
import { hostAddress } from '../lab/paths';
import { expect, test } from './support/fixtures';

const BAD_IP = '10.99.0.2';

test.use({ labHosts: 3 });

test('checks 3 lab hosts from the wizard and shows the failures one injected fault causes, with their fixes', async ({ loggedIn: page, newInstall, lab }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const hostCount = await lab.size();

  await newInstall('lab-preflight');

  // Hosts: take the lab's hosts (after a confirm)
  await page.getByRole('button', { name: `Use the local lab (${hostCount} hosts)` }).click();
  const confirm = page.getByRole('dialog', { name: 'Use the local lab?' });
  await expect(confirm).toContainText('replaces the hosts of this install');
  await confirm.getByRole('button', { name: 'Replace the hosts' }).click();
  await expect(confirm).toBeHidden();
  const hostsTable = page.getByRole('table', { name: 'Hosts' });
  await expect(hostsTable.getByRole('row')).toHaveCount(hostCount + 1);
  await expect(hostsTable.getByRole('row', { name: /^lab2 / })).toContainText(hostAddress(2));
  await expect(hostsTable.getByText('password set')).toHaveCount(hostCount);

  // The one injected failure: lab2's internal IP is not on the host
  await page.getByRole('button', { name: 'Edit lab2' }).click();
  const drawer = page.getByRole('dialog', { name: 'Host lab2' });
  await drawer.getByLabel('Internal IP').fill(BAD_IP);
  await drawer.getByRole('button', { name: 'Done' }).click();
  await expect(drawer).toBeHidden();
  await expect(hostsTable.getByRole('row', { name: /^lab2 / })).toContainText(BAD_IP);
  await expect(page.getByText('Saved', { exact: true })).toBeVisible({ timeout: 15_000 });

  // Review → "Check the hosts"
  await page.getByRole('button', { name: /^Review(,|$)/ }).click();
  await expect(page.getByText('Saved', { exact: true })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('link', { name: /Check the hosts/ }).click();
  await expect(page.getByRole('heading', { name: 'Host checks' })).toBeVisible({ timeout: 30_000 });

  // First contact: the keys are fetched without logging in, and the hosts fail until they are trusted
  await page.getByRole('button', { name: 'Check hosts' }).click();
  const summary = page.getByTestId('preflight-summary');
  await expect(summary).not.toHaveText(/^Checking/, { timeout: 90_000 });
  await expect(summary).toHaveText(new RegExp(`^${hostCount} hosts fail`));
  const matrix = page.getByRole('table', { name: 'Host checks' });
  await matrix.getByRole('button', { name: 'SSH login on lab1: fail. Show details' }).click();
  const first = page.getByRole('dialog', { name: 'SSH login · lab1' });
  await expect(first).toContainText('Host key not yet trusted: ssh-ed25519 SHA256:');
  await expect(first).toContainText('The wizard did not log in');
  await page.keyboard.press('Escape');
  const keys = page.getByRole('table', { name: 'Host keys' });
  await expect(keys.getByRole('row').filter({ hasText: 'new' })).toHaveCount(hostCount);
  await page.getByRole('button', { name: `Trust all new keys (${hostCount})` }).click();
  await expect(keys.getByRole('row').filter({ hasText: 'trusted' })).toHaveCount(hostCount);

  await page.getByRole('button', { name: 'Check hosts' }).click();
  await expect(summary).not.toHaveText(/^Checking/, { timeout: 90_000 });
  await expect(summary).toHaveText(/^3 hosts fail/);

  for (const host of ['lab1', 'lab3']) {
    await expect(matrix.getByRole('button', { name: `SSH login on ${host}: pass. Show details` })).toBeVisible();
    await expect(matrix.getByRole('button', { name: `sudo on ${host}: pass. Show details` })).toBeVisible();
    await expect(matrix.getByRole('button', { name: `Internal IP on the host on ${host}: pass. Show details` })).toBeVisible();
    // the wrong IP is unreachable from the other hosts: etcd and the apiserver "at lab2" are not there
    await expect(matrix.getByRole('button', { name: `Reach etcd, masters and LB on ${host}: fail. Show details` })).toBeVisible();
    await expect(matrix.getByRole('button', { name: new RegExp(`on ${host}: fail\\. Show details`) })).toHaveCount(1);
  }
  await expect(matrix.getByRole('button', { name: /on lab2: fail\. Show details/ })).toHaveCount(1);
  // what failed is listed, and the page fits 1440 px: the matrix scrolls within itself, host column pinned
  const failed = page.getByRole('region', { name: 'What failed' });
  await expect(failed).toContainText(`lab2 · Internal IP on the host: ${BAD_IP} is not configured`);
  await expect(failed).toContainText(`lab1 · Reach etcd, masters and LB: From lab1, etcd client lab2 ${BAD_IP}:2379`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  await expect(matrix.getByRole('columnheader', { name: 'Host', exact: true })).toHaveCSS('position', 'sticky');
  await expect(matrix.getByRole('cell', { name: /lab2/ }).first()).toHaveCSS('position', 'sticky');

  await mkdir('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/preflight.png', fullPage: true });

  await matrix.getByRole('button', { name: 'Internal IP on the host on lab2: fail. Show details' }).click();
  const details = page.getByRole('dialog', { name: 'Internal IP on the host · lab2' });
  await expect(details).toBeVisible();
  await expect(details).toContainText(`${BAD_IP} is not configured on any interface of the host (found: `);
  await expect(details).toContainText('127.0.0.1 (lo)');
  await expect(details.getByRole('heading', { name: 'How to fix' })).toBeVisible();
  await expect(details).toContainText('Set "ip" to one of the host\'s own addresses');
  await page.screenshot({ path: 'test-results/preflight-details.png', fullPage: true });

  // the drawer carries the actions: check the host again, or edit it in the wizard
  await expect(details.getByRole('button', { name: 'Check lab2 again' })).toBeEnabled();
  await details.getByRole('link', { name: 'Edit lab2' }).click();
  const editor = page.getByRole('dialog', { name: 'Host lab2' });
  await expect(editor).toBeVisible({ timeout: 30_000 });
  await expect(editor.getByLabel('Internal IP')).toHaveValue(BAD_IP);

  // opened from the failed list too
  await page.goBack();
  await page.getByRole('button', { name: 'Open Internal IP on the host on lab2' }).click();
  await expect(page.getByRole('dialog', { name: 'Internal IP on the host · lab2' })).toBeVisible();
});
