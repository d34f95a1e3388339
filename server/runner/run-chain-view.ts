/**
 * The part of the run view that looks beyond the run: the state of the install's chain this run
 * belongs to, and what each retry of this run WOULD do, planned by the same planner the retry uses
 * (so a button's words and its effect cannot disagree).
 *
 * Invariants: no actions while a run of the chain is active; an action that would plan exactly what
 * another already plans is listed once (resume first: it is the one that finishes the install).
 */
import { afterSuccess, chainState } from './chain-state';
import { describeSteps, type Step } from './describe-steps';
import { loadInstallChain, type InstallChain } from './install-chain';
import { PlanError, planRun, type PlannedStage, type PriorRun, type RunRequest } from './plan-run';
import type { ChainView, RetryAction } from '@/lib/api/runs';

export type { ChainView, RetryAction };

type Labels = ReadonlyMap<string, string>;

const labelOf = (labels: Labels, name: string) => labels.get(name) ?? name;

function stepsOf(stages: readonly { stage?: string; name?: string; hosts: string[] }[], labels: Labels): Step[] {
  return stages.map((s) => ({ label: labelOf(labels, s.stage ?? s.name ?? ''), hosts: s.hosts }));
}

function tryPlan(loaded: InstallChain, req: RunRequest): PlannedStage[] | null {
  try {
    return planRun(loaded.profile, loaded.installHosts, req).stages;
  } catch (err) {
    if (err instanceof PlanError) return null;
    throw err;
  }
}

function actionOf(loaded: InstallChain, mode: RetryAction['mode'], stages: PlannedStage[], labels: Labels): RetryAction {
  const after = chainState(loaded.stageDefs, loaded.installHosts, afterSuccess(loaded.chain, stages));
  return {
    mode,
    does: describeSteps(stepsOf(stages, labels), loaded.state.scope),
    stages: stages.map((s) => ({ name: s.name, label: labelOf(labels, s.name), hosts: s.hosts })),
    leaves: after.remaining.map((r) => labelOf(labels, r.stage)),
  };
}

const samePlan = (a: PlannedStage[], b: PlannedStage[]) => JSON.stringify(a.map((s) => [s.name, s.hosts])) === JSON.stringify(b.map((s) => [s.name, s.hosts]));

/** The chain view and retry actions of `run` (null chain when the install's config cannot be read). */
export async function runChainView(installId: string, run: PriorRun): Promise<{ chain: ChainView | null; actions: RetryAction[] }> {
  const loaded = await loadInstallChain(installId, run.id);
  if (!loaded) return { chain: null, actions: [] };
  const labels: Labels = new Map(loaded.profile.stages.map((s) => [s.name, s.label]));
  const { state } = loaded;
  const did = state.runs.find((r) => r.id === run.id)?.did ?? [];
  const chain: ChainView = {
    status: state.status,
    complete: state.complete,
    remainingStages: state.remaining.map((r) => r.stage),
    remaining: state.remaining.map((r) => ({ stage: r.stage, label: labelOf(labels, r.stage), hosts: r.hosts })),
    stillNeeds: describeSteps(stepsOf(state.remaining, labels), state.scope),
    thisRunDid: describeSteps(
      did.filter((d) => d.status === 'succeeded' || d.succeeded.length > 0).map((d) => ({ label: labelOf(labels, d.stage), hosts: d.succeeded })),
      state.scope,
    ),
    progress: state.progress,
    scope: state.scope,
    runIds: state.runs.map((r) => r.id),
  };
  if (state.activeRunId) return { chain, actions: [] };

  const actions: RetryAction[] = [];
  const resume = state.remaining.length > 0 ? tryPlan(loaded, { mode: 'resume', parent: run, remaining: state.remaining }) : null;
  if (resume) actions.push(actionOf(loaded, 'resume', resume, labels));
  const failed = tryPlan(loaded, { mode: 'failed', parent: run });
  if (failed && !(resume && samePlan(resume, failed))) actions.push(actionOf(loaded, 'failed', failed, labels));
  return { chain, actions };
}
