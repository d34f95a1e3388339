/**
 * The host checks page with a failure, on 3 real lab hosts, as every screen and every person must
 * be able to use it: axe-core finds no serious or critical violation on the page or in a failed
 * check's detail drawer, and at 390 px and 1024 px neither scrolls the page sideways (the matrix
 * scrolls inside its own box) and the drawer fits. The failure: lab2's internal IP set to an
 * address that is not on the host (the install is created through the API on the LEASED hosts).
 */
import { expectAccessible } from './support/accessibility';
import { expect, test } from './support/fixtures';
import { LAYOUT_WIDTHS, expectDialogFits, expectNoSidewaysScroll } from './support/layout';

const BAD_IP = '10.99.0.2';
test.use({ labHosts: 3 });

test('host checks with a failure and its drawer: accessible, and fitting at 390 and 1024 px', async ({ loggedIn: page, labInstall, lab }) => {
  test.setTimeout(150_000);
  const second = lab.hosts[1];
  if (!second) throw new Error('fewer than 2 lab hosts');
  const install = await labInstall({
    prefix: 'e2e-screens',
    edit: (config) => {
      const host = config.hosts.find((h) => h.name === second.name);
      if (!host) throw new Error(`the lab config has no ${second.name}`);
      host.ip = BAD_IP;
    },
  });

  await page.goto(`/installs/${install.id}/preflight`);
  // trusting the lab's keys on first use: the operator's explicit choice for these test hosts
  await page.getByRole('checkbox', { name: /Trust new keys/ }).check();
  await page.getByRole('button', { name: 'Check hosts' }).click();
  const summary = page.getByTestId('preflight-summary');
  // lab2's IP is on no interface there, and the other two cannot reach etcd and the apiserver at it
  await expect(summary).toHaveText(/^3 hosts fail/, { timeout: 90_000 });
  await expectAccessible(page, 'host checks with a failure');

  const failed = page
    .getByRole('table', { name: 'Host checks' })
    .getByRole('button', { name: new RegExp(`on ${second.name}: fail\\. Show details`) })
    .first();
  await failed.click();
  const details = page.getByRole('dialog', { name: new RegExp(`· ${second.name}$`) });
  await expect(details).toBeVisible();
  await expectAccessible(page, "a failed check's drawer");
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toBeHidden();

  for (const width of LAYOUT_WIDTHS) {
    await page.setViewportSize({ width, height: 800 });
    await expectNoSidewaysScroll(page, 'host checks with a failure');
    await failed.scrollIntoViewIfNeeded();
    await failed.click();
    await expectDialogFits(page, "a failed check's drawer");
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
  }
});
