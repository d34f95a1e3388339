/**
 * Accepting a changed host key asks first, showing the fingerprint it now presents; only "Accept new
 * key" in that dialog trusts it. The changed key is put in the database as preflight leaves it.
 */
import { insertChangedHostKey } from './support/e2e-db';
import { expect, test } from './support/fixtures';

test('accepting a changed host key asks first', async ({ loggedIn: page, newInstall }) => {
  const { id } = await newInstall('hostkey');
  const presented = 'SHA256:newnewnewnewnewnewnewnewnewnewnewnewnewnew';
  insertChangedHostKey(id, 'web1', 'SHA256:oldoldoldoldoldoldoldoldoldoldoldoldoldold', presented);

  await page.goto(`/installs/${id}/preflight`);
  const row = page.getByRole('table', { name: 'Host keys' }).getByRole('row').filter({ hasText: 'web1' });
  await expect(row).toContainText('changed');
  await row.getByRole('button', { name: 'Trust the host key of web1' }).click();
  const ask = page.getByRole('dialog', { name: 'Accept the new host key of web1?' });
  await expect(ask).toContainText(presented);
  await ask.getByRole('button', { name: 'Keep the old key' }).click();
  await expect(ask).toBeHidden();
  await expect(row).toContainText('changed');

  await row.getByRole('button', { name: 'Trust the host key of web1' }).click();
  await page.getByRole('dialog', { name: 'Accept the new host key of web1?' }).getByRole('button', { name: 'Accept new key' }).click();
  await expect(row).toContainText('trusted');
  await expect(row).toContainText(presented);
});
