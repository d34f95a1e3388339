/**
 * An install whose run is in progress is frozen: its config cannot change and it cannot be deleted
 * under the running installer (409). Everything else may be edited; the runner owns the status.
 */
import { HttpError } from '../http/errors';

export const BUSY_STATUSES = ['installing'] as const;

export function assertNotInstalling(install: { id: string; status: string }): void {
  if ((BUSY_STATUSES as readonly string[]).includes(install.status)) {
    throw new HttpError(409, `install ${install.id} is being installed: wait for the run to finish or cancel it first`);
  }
}
