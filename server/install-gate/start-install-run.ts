/**
 * POST /api/installs/:id/runs: the one public way to a new full install run, behind the install
 * gate, which runs inside run creation's mutex so nothing slips in between. Retries (`retryRun`)
 * are not gated: they continue a chain whose first run passed it. `createRun` stays ungated for
 * tests and tools.
 */
import { z } from 'zod';
import { createRun, createRunInput } from '../runner/create-run';
import { assertInstallGate } from './check-install-gate';

/** The body of POST /api/installs/:id/runs: a run's input plus the warnings acknowledgement. */
export const startInstallInput = createRunInput.extend({ acknowledgeWarnings: z.boolean().optional() });
export type StartInstallInput = z.infer<typeof startInstallInput>;

export async function startInstallRun(installId: string, input: StartInstallInput): Promise<string> {
  const { acknowledgeWarnings, ...runInput } = input;
  return createRun(installId, runInput, { gate: () => assertInstallGate(installId, acknowledgeWarnings === true).then(() => undefined) });
}
