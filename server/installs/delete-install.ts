/**
 * Deletes an install and (by cascade) its nodes, host keys, preflights and runs. NotFoundError if
 * unknown; 409 while a run is installing.
 */
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';
import { assertNotInstalling } from './assert-not-installing';

export async function deleteInstall(id: string): Promise<void> {
  const db = getDb();
  const row = await db.install.findUnique({ where: { id }, select: { id: true, status: true } });
  if (!row) throw new NotFoundError(`install ${id} not found`);
  assertNotInstalling(row);
  await db.install.deleteMany({ where: { id, status: row.status } });
}
