/**
 * The Hosts step as an operator meets it (no lab): a new host is not red before anything is typed;
 * an error badge opens the error at its field; with two hosts of the same name, the messages and
 * buttons say which host (position and address).
 */
import { expect, test } from './support/fixtures';

test('no red before typing; an error badge opens the error; duplicate names say which host', async ({ loggedIn: page, newInstall }) => {
  await newInstall('hosts-step');
  const hostsTable = page.getByRole('table', { name: 'Hosts' });

  // a new host: its editor shows no error before a field is left or filled, the table no red
  await page.getByRole('button', { name: 'Add host' }).click();
  await expect(page.getByRole('dialog', { name: 'Host 1' })).toBeVisible();
  const drawer = page.getByRole('dialog'); // its title follows the name typed
  await expect(drawer.getByLabel('Name')).toBeVisible();
  await expect(drawer.locator('[aria-invalid="true"]')).toHaveCount(0);
  await expect(drawer.getByRole('alert')).toHaveCount(0);
  await expect(hostsTable.getByRole('row').nth(1)).toContainText('not filled in yet');
  await expect(hostsTable.getByRole('button', { name: /^Show the/ })).toHaveCount(0);

  // typing a wrong name and leaving the field: now it says so
  await drawer.getByLabel('Name').fill('Bad_Name');
  await drawer.getByLabel('SSH address').focus();
  await expect(drawer.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await drawer.getByRole('button', { name: 'Done' }).click();
  await expect(drawer).toBeHidden();

  // the table's error badge opens the host at its first error
  const badge = hostsTable.getByRole('button', { name: /^Show the \d+ errors of Bad_Name$/ });
  await expect(badge).toBeVisible();
  await badge.click();
  const again = page.getByRole('dialog', { name: 'Host Bad_Name' });
  await expect(again.getByLabel('Name')).toBeFocused();
  await again.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Remove Bad_Name' }).click();
  await page.getByRole('dialog', { name: 'Remove Bad_Name?' }).getByRole('button', { name: 'Remove' }).click();

  // two hosts called master1: the messages and the buttons say which one
  await page.getByRole('button', { name: 'Bulk paste…' }).click();
  await page.getByLabel('Hosts, one per line').fill('master1 10.0.0.1\nmaster2 10.0.0.2');
  await page.getByRole('button', { name: 'Add hosts' }).click();
  await page.getByRole('button', { name: 'Edit master2' }).click();
  await expect(page.getByRole('dialog', { name: 'Host master2' })).toBeVisible();
  const second = page.getByRole('dialog');
  await second.getByLabel('Internal IP').fill('10.0.0.1');
  await second.getByLabel('Name').fill('master1');
  await expect(second.getByText('host 2 (master1, 10.0.0.2) has the same internal IP as host 1 (master1, 10.0.0.1) (10.0.0.1)')).toBeVisible();
  await second.getByRole('button', { name: 'Done' }).click();
  await expect(hostsTable.getByRole('button', { name: 'Edit host 1 (master1, 10.0.0.1)' })).toBeVisible();
  await expect(hostsTable.getByRole('button', { name: 'Edit host 2 (master1, 10.0.0.2)' })).toBeVisible();
});
