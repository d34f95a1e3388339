/**
 * The host checks page with a failure, on 3 real lab hosts, as every screen and every person must
 * be able to use it: axe-core finds no serious or critical violation on the page or in a failed
 * check's detail drawer, and at 390 px and 1024 px neither scrolls the page sideways (the matrix
 * scrolls inside its own box) and the drawer fits. The failure: lab2's internal IP set to an
 * address that is not on the host (the install is created through the API on the LEASED hosts).
 */
import { expect, test, type Page } from '@playwright/test';
import { labConfig } from '../server/runner/test-support/lab-config';
import { expectAccessible } from './support/accessibility';
import { leaseLabHosts } from './support/lab';
import { LAYOUT_WIDTHS, expectDialogFits, expectNoSidewaysScroll } from './support/layout';
import { logIn } from './support/login';

const BAD_IP = '10.99.0.2';
const lab = leaseLabHosts(3);

async function post<T>(page: Page, url: string, data: unknown): Promise<T> {
  const res = await page.request.post(url, { data, headers: { origin: new URL(page.url()).origin } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as T;
}

test('host checks with a failure and its drawer: accessible, and fitting at 390 and 1024 px', async ({ page }) => {
  test.setTimeout(150_000);
  const { lease, hosts, token } = lab;
  if (!lease) throw new Error('no lab hosts');
  await logIn(page);
  const config = labConfig(lease.state, hosts);
  const second = config.hosts[1];
  if (!second) throw new Error('the lab config has fewer than 2 hosts');
  second.ip = BAD_IP;
  const install = await post<{ id: string }>(page, '/api/installs', { name: `e2e-screens-${token}`, config });

  await page.goto(`/installs/${install.id}/preflight`);
  // trusting the lab's keys on first use: the operator's explicit choice for these test hosts
  await page.getByRole('checkbox', { name: /Trust new keys/ }).check();
  await page.getByRole('button', { name: 'Check hosts' }).click();
  const summary = page.getByTestId('preflight-summary');
  // lab2's IP is on no interface there, and the other two cannot reach etcd and the apiserver at it
  await expect(summary).toHaveText(/^3 hosts fail/, { timeout: 90_000 });
  await expectAccessible(page, 'host checks with a failure');

  const failed = page.getByRole('table', { name: 'Host checks' }).getByRole('button', { name: new RegExp(`on ${second.name}: fail\\. Show details`) }).first();
  await failed.click();
  const details = page.getByRole('dialog', { name: new RegExp(`· ${second.name}$`) });
  await expect(details).toBeVisible();
  await expectAccessible(page, 'a failed check\'s drawer');
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toBeHidden();

  for (const width of LAYOUT_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoSidewaysScroll(page, 'host checks with a failure');
    await failed.scrollIntoViewIfNeeded();
    await failed.click();
    await expectDialogFits(page, 'a failed check\'s drawer');
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
  }
});
