// POST /api/runs/:id/retry { mode: "failed" | "resume" | "stage", stage? } -> 202 { runId }
//   failed: the first unfinished stage again, --limit to its failed/unreachable hosts;
//   resume: that, then every later stage on all hosts; stage: the named stage on all hosts.
// 409 when the run is still active, nothing failed, or another run is active.
import { parseInput } from '@/server/http/parse-input';
import { reply, withApi } from '@/server/http/with-api';
import { retryRun, retryRunInput } from '@/server/runner/create-run';

export const dynamic = 'force-dynamic';

export const POST = withApi(
  'POST /api/runs/:id/retry',
  async ({ params, body }) => reply({ runId: await retryRun(params.id, parseInput(retryRunInput, body)) }, 202),
  { auth: true },
);
