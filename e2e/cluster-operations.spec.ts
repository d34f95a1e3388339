/**
 * The day-2 journey in the browser, on 5 real lab hosts (profile `lab`, the first the taskbox): an
 * install of the first 4 is set up through the API (host checks trusting the lab keys, the install
 * run), the 5th host joins the config; then, as an operator: the cluster page shows the nodes, their
 * roles and states and the certificates' expiry read from the masters; "Add lab5" says what the add
 * does to the existing nodes, runs, and lab5 is ready (while it runs the wizard is read only and links
 * to the run); the host editor refuses a renamed node at its field as it is typed; "Remove" needs
 * the host's name typed (a wrong name is refused); "Uninstall" needs the install's name typed and
 * leaves every host cleaned. axe-core checks the cluster page and its dialogs on the way.
 * Kept short: the setup goes through the API, the browser does only the operator's part. Each step
 * is a test.step, so a failure report names the step it failed in.
 */
import { labConfig } from '../server/runner/test-support/lab-config';
import { expectAccessible } from './support/accessibility';
import type { ApiCaller } from './support/api-caller';
import { expect, test } from './support/fixtures';

test.use({ labHosts: 5 });

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

test('cluster page: nodes and certificates, add a worker, remove it, uninstall', async ({ loggedIn: page, api, lab, labInstall }) => {
  test.setTimeout(600_000);
  const { hosts } = lab;
  const [first, , , fourth, fifth] = hosts;
  if (!first || !fourth || !fifth) throw new Error('5 lab hosts are needed');
  const nodes = page.getByRole('table', { name: 'Nodes' });
  const row = (host: string) => nodes.getByRole('row').filter({ has: page.getByRole('cell', { name: new RegExp(`^${host}\\b`) }) });

  const { id, name } = await test.step(`Set up through the API: install the first 4 hosts, add ${fifth.name} to the config, check the hosts`, async () => {
    const install = await labInstall({ prefix: 'e2e-cluster', hosts: hosts.slice(0, 4) });
    await checkHosts(api, install.id);
    const started = await api.post<{ runId: string }>(`/api/installs/${install.id}/runs`, { acknowledgeWarnings: true });
    const installed = await api.settle<{ status: string }>(`/api/runs/${started.runId}`, (r) => !['queued', 'running'].includes(r.status), 300_000);
    expect(installed.status).toBe('succeeded');
    await api.put(`/api/installs/${install.id}`, { config: labConfig(lab.state, hosts), draft: true });
    await checkHosts(api, install.id);
    return install;
  });

  await test.step("The cluster page: nodes, roles, states and the certificates' expiry", async () => {
    // the 5th host is not in the cluster yet
    await page.goto(`/installs/${id}/cluster`);
    await expect(page.getByRole('heading', { name: `Cluster: ${name}` })).toBeVisible({ timeout: 30_000 });
    await expect(row(first.name)).toContainText('master, etcd');
    await expect(row(first.name)).toContainText('ready');
    await expect(row(fourth.name)).toContainText('worker');
    await expect(row(fifth.name)).toContainText('not in the cluster');
    await page.getByRole('button', { name: "Read the certificates' expiry" }).click();
    await expect(page.getByText(new RegExp(`^${first.name}: expires \\d{4}-\\d\\d-\\d\\d$`))).toBeVisible({ timeout: 60_000 });
    await expectAccessible(page, 'the cluster page with its certificates');
  });

  const addRun = await test.step(`Add ${fifth.name}: the confirmation says what happens to the existing nodes`, async () => {
    await page.getByRole('button', { name: `Add ${fifth.name}…` }).click();
    const add = page.getByRole('dialog', { name: `Add ${fifth.name} as workers` });
    await expect(add).toContainText('restarts Docker there, so the pods on the existing workers restart too');
    await expectAccessible(page, 'the add-workers confirmation');
    const addButton = add.getByRole('button', { name: 'Add the workers' });
    await expect(addButton).toBeDisabled();
    await add.getByRole('checkbox', { name: 'I have read what this does to the existing nodes' }).check();
    await addButton.click();
    await expect(page).toHaveURL(new RegExp(`/installs/${id}/runs/[^/]+$`), { timeout: 30_000 });
    return new URL(page.url()).pathname.split('/').pop() ?? '';
  });

  await test.step(`While the add runs the wizard is read only and names the run; then ${fifth.name} is ready`, async () => {
    await page.goto(`/installs/${id}`);
    const running = page.getByTestId('operation-running');
    await expect(running).toContainText('is adding workers to this cluster');
    await running.getByRole('link', { name: /^Open Run \d+ →$/ }).click();
    await expect(page).toHaveURL(new RegExp(`${addRun}$`));
    await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 240_000 });
    await clusterSettled(api, id, (c) => c.nodes.some((n) => n.name === fifth.name && n.joined));
    await page.goto(`/installs/${id}/cluster`);
    await expect(row(fifth.name)).toContainText('ready', { timeout: 30_000 });
    await expect(row(fifth.name)).not.toContainText('not in the cluster');
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

  await test.step(`Remove ${fifth.name}: its name typed, a wrong one refused by the page and the API`, async () => {
    await page.goto(`/installs/${id}/cluster`);
    await row(fifth.name).getByRole('button', { name: 'Remove…' }).click();
    const remove = page.getByRole('dialog', { name: `Remove ${fifth.name}` });
    const confirmRemove = remove.getByRole('textbox', { name: `Type ${fifth.name} to confirm` });
    await confirmRemove.fill(fourth.name);
    await expect(remove.getByRole('button', { name: 'Remove', exact: true })).toBeDisabled();
    await api.post(`/api/installs/${id}/operations`, { kind: 'remove-node', hosts: [fifth.name], confirm: fourth.name }, 422);
    await confirmRemove.fill(fifth.name);
    await remove.getByRole('button', { name: 'Remove', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/installs/${id}/runs/[^/]+$`), { timeout: 30_000 });
    await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 180_000 });
    await clusterSettled(api, id, (c) => !c.nodes.some((n) => n.name === fifth.name));
    await page.goto(`/installs/${id}/cluster`);
    await expect(row(fourth.name)).toBeVisible({ timeout: 30_000 });
    await expect(row(fifth.name)).toHaveCount(0);
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
    await expect(results.getByRole('row')).toHaveCount(5); // the header and 4 hosts
    await expect(results.getByText('cleaned', { exact: true })).toHaveCount(4);
    await expectAccessible(page, 'the cluster page after the uninstall');
  });
});
