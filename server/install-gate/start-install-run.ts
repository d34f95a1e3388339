/**
 * POST /api/installs/:id/runs: the one public way to a new full install run, behind the install
 * gate, which runs inside run creation's mutex so nothing slips in between. Retries (`retryRun`)
 * are not gated: they continue a chain whose first run passed it. `createRun` stays ungated for
 * tests and tools.
 */
import { createRun } from '../runner/create-run';
import type { StartInstallInput } from '@/lib/api/run-input';
import { assertInstallGate } from './check-install-gate';

export async function startInstallRun(installId: string, input: StartInstallInput): Promise<string> {
  const { acknowledgeWarnings, ...runInput } = input;
  return createRun(installId, runInput, { gate: () => assertInstallGate(installId, acknowledgeWarnings === true).then(() => undefined) });
}
