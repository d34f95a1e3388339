/**
 * Public entry of the job runner. Call from server/index.ts after `app.prepare()` and after the
 * socket.io server is attached:
 *   attachRunSockets(io);     // the "run" live stream (lines) and run:state
 *   await startRunner();      // = reconcileRuns(): re-attach or finish what a previous process left
 */
import { attachRunSockets } from './attach-run-sockets';
import { cancelRunById } from './cancel-run';
import { createRun, retryRun } from './create-run';
import { reconcileRuns } from './reconcile-runs';
import { getRunner } from './runner';

export async function startRunner(): Promise<void> {
  getRunner();
  const r = await reconcileRuns();
  if (r.resumed.length > 0) console.log(`[runner] reconciling ${r.resumed.length} run(s): ${r.resumed.join(', ')}`);
}

export { attachRunSockets, cancelRunById, createRun, getRunner, reconcileRuns, retryRun };
export { getRunView, listRuns } from './run-view';
