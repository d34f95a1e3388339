/**
 * The install journey in the browser, on real lab hosts (profile `lab`): start an install with an
 * injected failure (`lab_fail_at=kubesphere:<2nd host>`), watch the stages progress live, read the
 * pinned error card (task, stderr, likely cause), press "Retry failed" (only that host), then
 * "Resume" from the failed run, and reach success. Needs the server to call the runner hooks
 * (attachRunSockets + startRunner, see server/runner/index.ts).
 */
import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { labUp } from '../lab/lab';
import { lease, liveLeases, release } from '../lab/leases';
import { labDir } from '../lab/paths';
import type { LabHostState, LabState } from '../lab/state';
import { labConfig } from '../server/runner/test-support/lab-config';

const PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password';
const token = randomBytes(8).toString('hex');
let state: LabState;
let hosts: LabHostState[] = [];

test.beforeAll(async () => {
  const up = await labUp({ hosts: 6, owner: 'cli' });
  const busy = await liveLeases(labDir());
  hosts = up.state.hosts.filter((h) => !busy.has(h.name) && h.faults.length === 0).slice(0, 6);
  if (hosts.length < 6) throw new Error('not enough free lab hosts');
  await lease(labDir(), hosts.map((h) => h.name), token);
  state = up.state;
});

test.afterAll(async () => {
  await release(labDir(), token);
});

async function login(page: Page) {
  await page.goto('/login');
  await page.getByLabel('Admin password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/installs$/);
}

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(url, { data, headers: { origin } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

test('install on lab hosts: injected failure, retry failed, resume, success', async ({ page }) => {
  test.setTimeout(300_000);
  await login(page);
  const bad = hosts[1]?.name ?? 'lab2';
  const install = await post<{ id: string }>(page, '/api/installs', { name: `e2e-run-${token}`, config: labConfig(state, hosts) });
  const { runId } = await post<{ runId: string }>(page, `/api/installs/${install.id}/runs`, { extraVars: { lab_fail_at: `kubesphere:${bad}` } });

  await page.goto(`/installs/${install.id}/runs/${runId}`);
  await expect(page.getByTestId('stage-init')).toBeVisible();
  await expect(page.getByTestId('stage-init')).toHaveAttribute('data-status', /running|succeeded/, { timeout: 60_000 });
  await expect(page.getByTestId('run-status')).toHaveText('failed', { timeout: 120_000 });
  const card = page.getByTestId(`error-card-${bad}`);
  await expect(card).toContainText('address already in use');
  await expect(card).toContainText('Likely cause');
  await expect(page.getByTestId('stage-kubesphere')).toHaveAttribute('data-status', 'failed');
  await expect(page.getByTestId('log-count')).not.toHaveText(/^0 \//);

  await page.getByRole('button', { name: 'Retry failed' }).click();
  await expect(page).not.toHaveURL(new RegExp(`${runId}$`));
  await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 60_000 });
  await expect(page.getByTestId(`cell-kubesphere-${bad}`)).toHaveAttribute('data-status', 'succeeded');

  await page.goto(`/installs/${install.id}/runs/${runId}`);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page).not.toHaveURL(new RegExp(`${runId}$`));
  await expect(page.getByTestId('run-status')).toHaveText('succeeded', { timeout: 90_000 });
  await expect(page.getByTestId('stage-verify')).toHaveAttribute('data-status', 'succeeded');
});
