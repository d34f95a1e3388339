/**
 * The day-2 journey in the browser (e2e/cluster-journey.spec.ts runs it on the cluster the install
 * journey installed): one more leased host joins the config (through the API, with the host checks);
 * then, as an operator: the cluster page shows the nodes, their roles and states and the
 * certificates' expiry read from the masters; "Add <host>" says what the add does to the existing
 * nodes, runs, and the host is ready (while it runs the wizard is read only and links to the run);
 * the host editor refuses a renamed node at its field as it is typed; "Remove" needs the host's name
 * typed (a wrong name is refused); "Uninstall" needs the install's name typed and leaves every host
 * cleaned. axe-core checks the cluster page and its dialogs on the way. Each step is a test.step, so a
 * failure report names the step it failed in.
 */
import type { Page } from '@playwright/test';
import type { LabHostState } from '../../lab/state';
import { labConfig } from '../../server/runner/test-support/lab-config';
import { expectAccessible } from './accessibility';
import type { ApiCaller } from './api-caller';
import { expect, test, type CreatedInstall, type LeasedLab } from './fixtures';

interface ClusterBody {
  status: string;
  nodes: { name: string; joined: boolean }[];
}

/** The run's outcome settles the nodes just after the run ends: wait for it before reading the page. */
const clusterSettled = (api: ApiCaller, id: string, done: (c: ClusterBody) => boolean) => api.settle<ClusterBody>(`/api/installs/${id}/cluster`, done, 30_000);

async function checkHosts(api: ApiCaller, installId: string): Promise<void> {
  const { runId } = await api.post<{ runId: string }>(`/api/installs/${installId}/preflight`, { trustNewKeys: true });
  const run = await api.settle<{ status: string }>(`/api/preflight/${runId}`, (r) => r.status !== 'running', 120_000);
  expect(run.status).not.toBe('failed');
}

/**
 * `cluster`: the installed nodes (the first 3 masters + etcd, the rest workers; at least 4);
 * `added`: a leased host outside it, added and removed again.
 */
export async function day2Journey(
  page: Page,
  api: ApiCaller,
  lab: LeasedLab,
  installed: CreatedInstall,
  cluster: LabHostState[],
  added: LabHostState,
): Promise<void> {
  const { id, name } = installed;
  const [first, , , fourth] = cluster;
  if (!first || !fourth) throw new Error('a cluster of 4 hosts or more is needed');
  const nodes = page.getByRole('table', { name: 'Nodes' });
  const row = (host: string) => nodes.getByRole('row').filter({ has: page.getByRole('cell', { name: new RegExp(`^${host}\\b`) }) });

  await test.step(`Add ${added.name} to the config and check the hosts (through the API)`, async () => {
    await api.put(`/api/installs/${id}`, { config: labConfig(lab.state, [...cluster, added]), draft: true });
    await checkHosts(api, id);
  });

  await test.step("The cluster page: nodes, roles, states and the certificates' expiry", async () => {
    // the added host is not in the cluster yet
    await page.goto(`/installs/${id}/cluster`);
    await expect(page.getByRole('heading', { name: `Cluster: ${name}` })).toBeVisible({ timeout: 30_000 });
    await expect(row(first.name)).toContainText('master, etcd');
    await expect(row(first.name)).toContainText('ready');
    await expect(row(fourth.name)).toContainText('worker');
    await expect(row(added.name)).toContainText('not in the cluster');
    await page.getByRole('button', { name: "Read the certificates' expiry" }).click();
    await expect(page.getByText(new RegExp(`^${first.name}: expires \\d{4}-\\d\\d-\\d\\d$`))).toBeVisible({ timeout: 60_000 });
    await expectAccessible(page, 'the cluster page with its certificates');
  });

  const addRun = await test.step(`Add ${added.name}: the confirmation says what happens to the existing nodes`, async () => {
    await page.getByRole('button', { name: `Add ${added.name}…` }).click();
    const add = page.getByRole('dialog', { name: `Add ${added.name} as workers` });
    await expect(add).toContainText('restarts Docker there, so the pods on the existing workers restart too');
    await expectAccessible(page, 'the add-workers confirmation');
    const addButton = add.getByRole('button', { name: 'Add the workers' });
    await expect(addButton).toBeDisabled();
    await add.getByRole('checkbox', { name: 'I have read what this does to the existing nodes' }).check();
    await addButton.click();
    await expect(page).toHaveURL(new RegExp(`/installs/${id}/runs/[^/]+$`), { timeout: 30_000 });
    return new URL(page.url()).pathname.split('/').pop() ?? '';
  });

  await test.step(`While the add runs the wizard is read only and names the run; then ${added.name} is ready`, async () => {
    await page.goto(`/installs/${id}`);
    const running = page.getByTestId('operation-running');
    await expect(running).toContainText('is adding workers to this cluster');
    await running.getByRole('link', { name: /^Open Run \d+ →$/ }).click();
    await expect(page).toHaveURL(new RegExp(`${addRun}$`));
    await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 240_000 });
    await clusterSettled(api, id, (c) => c.nodes.some((n) => n.name === added.name && n.joined));
    await page.goto(`/installs/${id}/cluster`);
    await expect(row(added.name)).toContainText('ready', { timeout: 30_000 });
    await expect(row(added.name)).not.toContainText('not in the cluster');
  });

  await test.step(`The host editor refuses renaming ${fourth.name}, a node of the cluster, as it is typed`, async () => {
    await page.goto(`/installs/${id}`);
    await page.getByTestId('installed-notice').getByRole('button', { name: 'Edit the settings for a new install run…' }).click();
    await page.getByRole('dialog', { name: "Edit an installed cluster's settings?" }).getByRole('button', { name: 'Edit the settings' }).click();
    await page.getByRole('button', { name: /^Hosts(,|$)/ }).click();
    await page.getByRole('button', { name: `Edit ${fourth.name}` }).click();
    const nameField = page.getByRole('dialog').getByRole('textbox', { name: 'Name' });
    await nameField.fill(`${fourth.name}x`);
    await expect(page.getByRole('dialog').getByText(`This is ${fourth.name}, a node of the installed cluster: a node's name can never change`)).toBeVisible();
    await nameField.fill(fourth.name);
    await expect(page.getByRole('dialog').getByText("a node's name can never change")).toHaveCount(0);
    await page.getByRole('dialog').getByRole('button', { name: 'Done' }).click();
  });

  await test.step(`Remove ${added.name}: its name typed, a wrong one refused by the page and the API`, async () => {
    await page.goto(`/installs/${id}/cluster`);
    await row(added.name).getByRole('button', { name: 'Remove…' }).click();
    const remove = page.getByRole('dialog', { name: `Remove ${added.name}` });
    const confirmRemove = remove.getByRole('textbox', { name: `Type ${added.name} to confirm` });
    await confirmRemove.fill(fourth.name);
    await expect(remove.getByRole('button', { name: 'Remove', exact: true })).toBeDisabled();
    await api.post(`/api/installs/${id}/operations`, { kind: 'remove-node', hosts: [added.name], confirm: fourth.name }, 422);
    await confirmRemove.fill(added.name);
    await remove.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/installs/${id}/runs/[^/]+$`), { timeout: 30_000 });
    await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 180_000 });
    await clusterSettled(api, id, (c) => !c.nodes.some((n) => n.name === added.name));
    await page.goto(`/installs/${id}/cluster`);
    await expect(row(fourth.name)).toBeVisible({ timeout: 30_000 });
    await expect(row(added.name)).toHaveCount(0);
  });

  await test.step("Uninstall: what reset.yml deletes, the install's name typed; afterwards every host cleaned", async () => {
    await page.getByRole('button', { name: 'Uninstall…' }).click();
    const uninstall = page.getByRole('dialog', { name: `Uninstall ${name}` });
    await expect(uninstall).toContainText('deletes /var/lib/kubelet');
    await expectAccessible(page, 'the uninstall confirmation');
    await uninstall.getByRole('textbox', { name: `Type ${name} to confirm` }).fill(name);
    await uninstall.getByRole('button', { name: 'Uninstall', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/installs/${id}/runs/[^/]+$`), { timeout: 30_000 });
    await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 180_000 });
    await clusterSettled(api, id, (c) => c.status === 'uninstalled');
    await page.goto(`/installs/${id}/cluster`);
    await expect(page.getByText('This install was uninstalled.')).toBeVisible({ timeout: 30_000 });
    const results = page.getByRole('table', { name: 'Uninstall results' });
    await expect(results.getByRole('row')).toHaveCount(cluster.length + 1); // the header and every node
    await expect(results.getByText('cleaned', { exact: true })).toHaveCount(cluster.length);
    await expectAccessible(page, 'the cluster page after the uninstall');
  });
}
