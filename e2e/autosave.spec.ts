/**
 * The wizard's draft autosave tells the truth and is never lost by leaving: an edit followed at once by
 * "← Installs" reaches the server before the installs list shows, the badge never says "Saved" while
 * the server has not answered for the latest edit, a failed save offers a retry, and closing the tab
 * with an edit not yet saved asks first.
 */
import type { Page } from '@playwright/test';
import type { ApiCaller } from './support/api-caller';
import { expect, test as base } from './support/fixtures';

interface StoredInstall {
  config: { hosts: { name: string; address: string }[] };
}

const test = base.extend<{ oneHostInstall: string }>({
  /** A new install with one host, web1 at 10.9.0.1, saved; its id. */
  oneHostInstall: async ({ loggedIn: page, newInstall }, use) => {
    const { id } = await newInstall('autosave');
    await page.getByRole('button', { name: 'Bulk paste…' }).click();
    await page.getByLabel('Hosts, one per line').fill('web1 10.9.0.1');
    await page.getByRole('button', { name: 'Add hosts' }).click();
    await expect(page.getByRole('status').getByText('Saved', { exact: true })).toBeVisible();
    await use(id);
  },
});

async function editAddress(page: Page, address: string) {
  await page.getByRole('button', { name: 'Edit web1' }).click();
  const drawer = page.getByRole('dialog', { name: 'Host web1' });
  await drawer.getByLabel('SSH address').fill(address);
  await drawer.getByRole('button', { name: 'Done' }).click();
}

async function storedAddress(api: ApiCaller, id: string): Promise<string | undefined> {
  const body = await api.get<StoredInstall>(`/api/installs/${encodeURIComponent(id)}`);
  return body.config.hosts.find((h) => h.name === 'web1')?.address;
}

const saveBadge = (page: Page, text: string) => page.getByRole('status').getByText(text, { exact: true });

test('an edit followed at once by "← Installs" is stored before the list shows', async ({ loggedIn: page, oneHostInstall: id, api }) => {
  await editAddress(page, '10.9.0.77');
  await page.getByRole('link', { name: '← Installs' }).click();
  await expect(page).toHaveURL(/\/installs$/);
  expect(await storedAddress(api, id)).toBe('10.9.0.77');
});

test('the badge never says Saved while the save of the latest edit is pending, and a failed save can be retried', async ({
  loggedIn: page,
  oneHostInstall: id,
  api,
}) => {
  const url = `**/api/installs/${encodeURIComponent(id)}`;

  // hold the next PUT until released
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    if (route.request().method() === 'PUT') await held;
    await route.continue();
  });
  const put = page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith(`/api/installs/${encodeURIComponent(id)}`));
  await editAddress(page, '10.9.0.78');
  // read once, not retried: the debounce is still waiting, nothing is stored yet
  expect(await saveBadge(page, 'Saved').count()).toBe(0);
  await put;
  await expect(saveBadge(page, 'Saving…')).toBeVisible();
  await page.waitForTimeout(1500);
  await expect(saveBadge(page, 'Saved')).toHaveCount(0);
  release();
  await expect(saveBadge(page, 'Saved')).toBeVisible();
  expect(await storedAddress(api, id)).toBe('10.9.0.78');
  await page.unroute(url);

  // the server refuses the next save once: an error with a retry, never "Saved"
  let refused = false;
  await page.route(url, async (route) => {
    if (route.request().method() === 'PUT' && !refused) {
      refused = true;
      await route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'the server is busy' }) });
      return;
    }
    await route.continue();
  });
  await editAddress(page, '10.9.0.79');
  await expect(saveBadge(page, 'Save failed')).toBeVisible();
  await expect(saveBadge(page, 'Saved')).toHaveCount(0);
  await page.getByRole('status').getByRole('button', { name: 'Retry' }).click();
  await expect(saveBadge(page, 'Saved')).toBeVisible();
  expect(await storedAddress(api, id)).toBe('10.9.0.79');
});

test('closing the tab with an edit not yet saved asks first', async ({ loggedIn: page, oneHostInstall: id }) => {
  await page.route(`**/api/installs/${encodeURIComponent(id)}`, async (route) => {
    if (route.request().method() === 'PUT') return; // never answered: the edit stays unsaved
    await route.continue();
  });
  await editAddress(page, '10.9.0.80');
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
});
