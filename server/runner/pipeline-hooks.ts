/**
 * Observation points of the live log pipeline, for the benchmark's trace (bench/logs.ts --trace,
 * server/runner/trace.ts). None is set in the app: the hot path pays one property read per batch.
 */
import type { FlushPlan } from './flush-plan';
import type { StageBatch } from './log-writer';

export interface PipelineHooks {
  /** Batches handed to the writer by a stage follower, at `now` (ms). */
  enqueued?(batches: readonly StageBatch[], now: number): void;
  /** A flush of `batches` started preparing at `preparedAt` and committed at `committedAt`. */
  committed?(batches: readonly StageBatch[], preparedAt: number, committedAt: number): void;
  /** That flush's lines were emitted to the live streams by `emittedAt`. */
  emitted?(plan: FlushPlan, committedAt: number, emittedAt: number): void;
}

export const pipelineHooks: PipelineHooks = {};
