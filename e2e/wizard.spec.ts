/**
 * The seed's HA example (docs: "Installing HA Master and Etcd Cluster") built through the wizard:
 * 3 masters that also run etcd (master1 is the taskbox, with its own SSH login), 3 workers, an
 * external LB and NFS as the default storage. Checks the even-etcd error appears and clears, then downloads both files and
 * compares them byte for byte with the fixtures rendered from lib/config/fixtures.ts seedConfig().
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { seedConfig } from '../lib/config/fixtures';
import { expect, test } from './support/fixtures';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

async function editHost(page: Page, name: string, edit: () => Promise<void>) {
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  const drawer = page.getByRole('dialog', { name: `Host ${name}` });
  await expect(drawer).toBeVisible();
  await edit();
  await drawer.getByRole('button', { name: 'Done' }).click();
  await expect(drawer).toBeHidden();
}

/** Stepper buttons are named "<label>[, <k> errors]". */
async function goToStep(page: Page, label: string) {
  await page.getByRole('button', { name: new RegExp(`^${label}(,|$)`) }).click();
}

async function download(page: Page, file: 'hosts.ini' | 'vars.yml'): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download ${file}` }).click()]);
  const saved = await dl.path();
  return readFile(saved, 'utf8');
}

test('builds the seed HA example and downloads the expected files', async ({ loggedIn: page, newInstall }) => {
  await newInstall('seed-ha');
  const hostsTable = page.getByRole('table', { name: 'Hosts' });

  await test.step('Hosts: paste the six machines, then set the taskbox and the credentials', async () => {
    await page.getByRole('button', { name: 'Bulk paste…' }).click();
    await page
      .getByLabel('Hosts, one per line')
      .fill(['master1 192.168.0.1', 'master2 192.168.0.2', 'master3 192.168.0.3', 'node1 192.168.0.4', 'node2 192.168.0.5', 'node3 192.168.0.6'].join('\n'));
    await page.getByRole('button', { name: 'Add hosts' }).click();
    await expect(hostsTable.getByRole('row')).toHaveCount(7);

    await editHost(page, 'master2', async () => {
      await page.getByLabel('SSH password').fill('Str0ng-Pass');
    });
    // the taskbox needs a login too: the wizard logs in to it to run the installer there
    await editHost(page, 'master1', async () => {
      await page.getByRole('switch', { name: /^Taskbox/ }).check();
      await page.getByLabel('Same as the first host (master2)').check();
    });
    for (const host of ['master3', 'node1', 'node2', 'node3']) {
      await editHost(page, host, async () => {
        await page.getByLabel('Same as the first host (master2)').check();
      });
    }
    await expect(hostsTable.getByText('password set')).toHaveCount(6);
  });

  await test.step('Roles: the even-etcd rule shows while two members are ticked and clears at three', async () => {
    await goToStep(page, 'Roles');
    const roles = page.getByRole('table', { name: 'Roles of each host' });
    for (const host of ['master1', 'master2']) {
      await roles.getByRole('checkbox', { name: `${host} master` }).check();
      await roles.getByRole('checkbox', { name: `${host} etcd` }).check();
    }
    await expect(page.getByText(/etcd needs an odd number of members: you have 2/)).toBeVisible();
    await roles.getByRole('checkbox', { name: 'master3 master' }).check();
    await roles.getByRole('checkbox', { name: 'master3 etcd' }).check();
    await expect(page.getByText(/etcd needs an odd number/)).toHaveCount(0);
    for (const host of ['node1', 'node2', 'node3']) await roles.getByRole('checkbox', { name: `${host} worker` }).check();
    await expect(page.getByText('Masters 3')).toBeVisible();
  });

  await test.step("Load balancer: the external LB of the docs' example", async () => {
    await goToStep(page, 'Load balancer');
    await expect(page.getByText('192.168.0.1:6443')).toBeVisible();
    await page.getByText('External load balancer', { exact: true }).click();
    await page.getByLabel('Address').fill('192.168.0.10');
    await expect(page.getByLabel('Port')).toHaveValue('6443');
    await expect(page.getByLabel('Domain')).toHaveValue('lb.kubesphere.local');
  });

  await test.step('Storage: NFS as the one default, local volume off', async () => {
    await goToStep(page, 'Storage');
    await page.getByLabel('Enable NFS').check();
    await page.getByLabel('NFS server').fill('192.168.0.200');
    await page.getByLabel('NFS path').fill('/mnt/kubesphere');
    await page.getByLabel('Enable Local volume').uncheck();
    await page.getByRole('radio', { name: 'NFS', exact: true }).check();
  });

  await test.step('Review: no errors, and the downloaded files equal the fixtures byte for byte', async () => {
    await goToStep(page, 'Review');
    await expect(page.getByText('No errors: these are the files the installer gets.')).toBeVisible();
    await expect(page.getByRole('status').getByText('Saved')).toBeVisible();
    expect(await download(page, 'hosts.ini')).toBe(await readFile(path.join(FIXTURES, 'seed-hosts.ini'), 'utf8'));
    expect(await download(page, 'vars.yml')).toBe(await readFile(path.join(FIXTURES, 'seed-vars.yml'), 'utf8'));
  });

  await test.step('Reload: the wizard resumes at the saved step with nothing lost', async () => {
    await page.reload();
    await expect(page.getByText('No errors: these are the files the installer gets.')).toBeVisible();
  });
});

test('a host that is also a host of another install is noted at its field and in Review, and clears when moved', async ({
  loggedIn: page,
  newInstall,
  api,
}) => {
  // another install (ready, never run) on its own /24, created through the API
  const net = `10.77.${Math.floor(Math.random() * 250) + 1}`;
  const other = seedConfig();
  for (const host of other.hosts) host.address = host.ip = host.ip.replace('192.168.0.', `${net}.`);
  const otherName = `e2e-other-${Date.now()}`;
  await api.post('/api/installs', { name: otherName, config: other }, 201);

  await newInstall('cross');
  await page.getByRole('button', { name: 'Bulk paste…' }).click();
  await page.getByLabel('Hosts, one per line').fill(`web1 ${net}.4`);
  await page.getByRole('button', { name: 'Add hosts' }).click();
  const hostsTable = page.getByRole('table', { name: 'Hosts' });
  await expect(hostsTable.getByText(`also in ${otherName}`)).toBeVisible();

  // a plan that never ran: a note, not a warning (the other install is a draft: its secrets were only {set} markers)
  const note = new RegExp(`${net.replaceAll('.', '\\.')}\\.4 is also node1 in install "${otherName}" \\(draft, not installed yet\\)`);
  await goToStep(page, 'Review');
  await expect(page.getByRole('list', { name: 'Notes' }).getByText(note)).toBeVisible();
  await page.getByRole('list', { name: 'Notes' }).getByRole('button', { name: 'Go to Hosts' }).click();
  const drawer = page.getByRole('dialog', { name: 'Host web1' });
  await expect(drawer.getByText(note)).toBeVisible();
  await expect(drawer.getByLabel('SSH address')).toBeFocused(); // the jump lands on the field
  await drawer.getByLabel('SSH address').fill(`${net}.204`);
  await drawer.getByLabel('Internal IP').fill(`${net}.204`);
  await expect(drawer.getByText(/is also node1 in install/)).toHaveCount(0);
  await drawer.getByRole('button', { name: 'Done' }).click();
  await expect(hostsTable.getByText(`also in ${otherName}`)).toHaveCount(0);
});

test('the load balancer step builds an internal keepalived + HAProxy load balancer, with its rules at the fields and a secret VRRP password', async ({
  loggedIn: page,
  newInstall,
  api,
}) => {
  const { id } = await newInstall('internal-lb');
  await page.getByRole('button', { name: 'Bulk paste…' }).click();
  await page.getByLabel('Hosts, one per line').fill(['master1 192.168.0.1', 'master2 192.168.0.2', 'master3 192.168.0.3', 'node1 192.168.0.4'].join('\n'));
  await page.getByRole('button', { name: 'Add hosts' }).click();
  await goToStep(page, 'Roles');
  const roles = page.getByRole('table', { name: 'Roles of each host' });
  for (const host of ['master1', 'master2', 'master3']) {
    await roles.getByRole('checkbox', { name: `${host} master` }).check();
    await roles.getByRole('checkbox', { name: `${host} etcd` }).check();
  }
  await roles.getByRole('checkbox', { name: 'node1 worker' }).check();

  await goToStep(page, 'Load balancer');
  await page.getByText('Internal: keepalived + HAProxy on hosts you choose', { exact: true }).click();
  await expect(page.getByRole('group', { name: /^LB host / })).toHaveCount(2);

  // the VIP: inside the masters' subnet, and the router id derived from it
  await page.getByLabel('Virtual IP').fill('192.168.1.10');
  await expect(page.getByText(/subnet 192\.168\.1\.0\/24 does not hold the masters master1/)).toBeVisible();
  await page.getByLabel('Virtual IP').fill('192.168.0.10');
  await expect(page.getByText(/does not hold the masters/)).toHaveCount(0);
  await expect(page.getByLabel('Virtual router id')).toHaveAttribute('placeholder', '10');

  // lb1 is master1 itself: allowed only off the apiserver's port
  const lb1 = page.getByRole('group', { name: 'LB host lb1' });
  await lb1.getByLabel('SSH address', { exact: true }).fill('192.168.0.1');
  await lb1.getByLabel("IP in the masters' subnet").fill('192.168.0.1');
  await lb1.getByLabel('SSH password of lb1').fill('lb-ssh-pass');
  const lb2 = page.getByRole('group', { name: 'LB host lb2' });
  await lb2.getByLabel('SSH address', { exact: true }).fill('192.168.0.22');
  await lb2.getByLabel("IP in the masters' subnet").fill('192.168.0.22');
  await lb2.getByLabel('SSH password of lb2').fill('lb-ssh-pass');
  await page.getByLabel('VRRP password').fill('Kx7-vrrp');

  await goToStep(page, 'Review');
  await expect(page.getByText(/kube-apiserver binds 0\.0\.0\.0:6443 on every master/)).toBeVisible();
  await goToStep(page, 'Load balancer');
  await page.getByLabel('Listen port').fill('8443');
  await goToStep(page, 'Review');
  await expect(page.getByText(/kube-apiserver binds 0\.0\.0\.0:6443/)).toHaveCount(0);
  const summary = page.getByLabel('Load balancer summary');
  await expect(summary).toContainText('keepalived + HAProxy on lb1 (192.168.0.1), lb2 (192.168.0.22), virtual IP 192.168.0.10/24 on port 8443');
  await expect(summary).toContainText('virtual router id 10, VRRP password set');

  // stored encrypted: the API never returns the VRRP password or the LB hosts' passwords
  await expect(page.getByRole('status').getByText('Saved')).toBeVisible();
  const body = await api.getText(`/api/installs/${id}`);
  expect(body).toContain('"vrrpPassword":{"set":true}');
  expect(body).not.toContain('Kx7-vrrp');
  expect(body).not.toContain('lb-ssh-pass');

  await page.reload();
  await expect(page.getByLabel('Load balancer summary')).toContainText('VRRP password set');
});
