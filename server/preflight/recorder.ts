/**
 * Persist first, then fan out: every result of a run gets the next seq, is written as a
 * PreflightResult row, and only then emitted to the run's live stream (one batch per write). Writes are serialised per
 * run, so seqs are dense and rows appear in seq order.
 */
import { getDb } from '../db';
import { endPreflightRun, type PreflightEnd } from '../status/preflight-run-status';
import { emitLive, emitToStream } from '../realtime/live-streams';
import type { CheckOutcome } from './types';
import { PREFLIGHT_STATUS_EVENT, toCheckView, type PreflightStatusEvent } from './view';

export class RunRecorder {
  private seq = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(readonly runId: string) {}

  record(outcomes: readonly CheckOutcome[]): Promise<void> {
    const next = this.chain.then(() => this.write(outcomes));
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async write(outcomes: readonly CheckOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    const rows = outcomes.map((o) => ({
      runId: this.runId,
      seq: ++this.seq,
      host: o.host,
      checkId: o.id,
      status: o.status,
      message: o.message,
      hint: o.hint ?? null,
      evidence: o.evidence ? o.evidence.slice(0, 20_000) : null,
      durationMs: o.durationMs,
    }));
    await getDb().preflightResult.createMany({ data: rows });
    emitLive(
      'preflight',
      this.runId,
      rows.map((row) => ({ runId: this.runId, seq: row.seq, host: row.host, check: toCheckView(row) })),
    );
  }

  /**
   * Ends the run and tells its stream, unless a newer check run already closed it as stale: then
   * nothing is announced (the page follows the newer run).
   */
  async finish(status: PreflightEnd): Promise<void> {
    await this.chain;
    if (!(await endPreflightRun(this.runId, status))) return;
    const event: PreflightStatusEvent = { runId: this.runId, status };
    emitToStream('preflight', this.runId, PREFLIGHT_STATUS_EVENT, event);
  }
}
