/**
 * The install gate as the API and run creation ask it: load the facts once, decide once
 * (decide-install-gate.ts). A config with rule errors is refused before any of this (422).
 */
import { getDb } from '../db';
import { HttpError, NotFoundError, ValidationError } from '../http/errors';
import { checkInstallConfig } from '../installs/check-install-config';
import { parseStoredConfig } from '../installs/parse-stored-config';
import { decideInstallGate, type GatePurpose } from './decide-install-gate';
import type { InstallGateView } from '@/lib/api/runs';
import { loadGateFacts } from './load-gate-facts';

const FULL_INSTALL: GatePurpose = { kind: 'install' };

/** The gate's answer now (no side effects): GET /api/installs/:id/install-gate. */
export async function checkInstallGate(installId: string, acknowledged: boolean, purpose: GatePurpose = FULL_INSTALL): Promise<InstallGateView> {
  return decideInstallGate(await loadGateFacts(installId, acknowledged, purpose));
}

/** Throws 422 (config rule errors) or 409 `{error, gate}` unless a full install may start now. */
export async function assertInstallGate(installId: string, acknowledged: boolean): Promise<InstallGateView> {
  const row = await getDb().install.findUnique({ where: { id: installId } });
  if (!row) throw new NotFoundError(`install ${installId} not found`);
  const { errors, warnings } = checkInstallConfig(parseStoredConfig(row));
  if (errors.length > 0) throw new ValidationError(errors, warnings);
  const gate = await checkInstallGate(installId, acknowledged);
  if (!gate.ok) throw new HttpError(409, gate.message, {}, { gate });
  return gate;
}
