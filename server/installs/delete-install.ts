/**
 * Deletes an install and (by cascade) its nodes, host keys, preflights and runs. NotFoundError if
 * unknown; 409 while a run is installing or a day-2 operation runs on it.
 */
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { assertNotInstalling } from './assert-not-installing';
import { assertNoActiveOperation } from './assert-no-active-operation';

export async function deleteInstall(id: string): Promise<void> {
  const db = getDb();
  const row = await db.install.findUnique({ where: { id }, select: { id: true, status: true } });
  if (!row) throw new NotFoundError(`install ${id} not found`);
  assertNotInstalling(row);
  await assertNoActiveOperation(db, id, 'the install cannot be deleted');
  await db.install.deleteMany({ where: { id, status: row.status } });
}
