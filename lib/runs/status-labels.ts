/**
 * The words the UI shows for run, stage and host states (their colours: lib/status-colors.ts). The API keeps the runner's
 * statuses; the runner marks a stage it never started `cancelled` (an earlier stage failed, or the
 * run was stopped), which here reads "not run", so a failure is never mistaken for an operator's cancel.
 */
export const NOT_RUN = 'not run';

/** A stage (or one host of it) as the run page has it: with its start time. */
export function stageStatusLabel(status: string, stageStartedAt: string | null): string {
  return status === 'cancelled' && stageStartedAt === null ? NOT_RUN : status;
}

/**
 * Stage labels for a run summary, which carries no start times. The runner stops at the first stage
 * that fails or is stopped: a `cancelled` stage after that one never ran; the first `cancelled` stage
 * is the operator's cancel only in a run that was cancelled.
 */
export function summaryStageLabels(runStatus: string, stageStatuses: readonly string[]): string[] {
  let stopped = false;
  return stageStatuses.map((status) => {
    if (status !== 'cancelled') {
      if (status === 'failed' || status === 'interrupted') stopped = true;
      return status;
    }
    const label = !stopped && runStatus === 'cancelled' ? 'cancelled' : NOT_RUN;
    stopped = true;
    return label;
  });
}
