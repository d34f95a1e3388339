/** Deletes an install and (by cascade) its nodes, host keys, preflights and runs; NotFoundError if unknown. */
import { getDb } from '../db';
import { NotFoundError } from '../http/errors';

export async function deleteInstall(id: string): Promise<void> {
  const { count } = await getDb().install.deleteMany({ where: { id } });
  if (count === 0) throw new NotFoundError(`install ${id} not found`);
}
