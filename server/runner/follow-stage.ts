/**
 * Follows a running (or just finished) stage: reads its job events in counter order, redacts, and
 * hands them to the single LogWriter; returns the stage's outcome once the process is gone and every
 * event is persisted.
 *
 * Invariants: starts after Stage.lastEventCounter (exactly-once across re-attach); wakes on fs.watch
 * and polls every 100 ms as a fallback; the process is "gone" when the pid is no longer the stage's
 * ansible-runner (see processes.ts), never by elapsed time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LogWriter, PendingLine, StageBatch } from './log-writer';
import { isStageProcess, sleep } from './processes';
import { phaseOf, type StageDef } from './profiles';
import type { Redactor } from './redact';
import { EventTail } from './tail-events';
import { TRACE, traceBusy } from './trace';
import { translateEvent, type HostCounter, type HostError } from './translate-event';

/** Lines per writer batch: keeps each SQLite transaction (which blocks the event loop) short. */
const BATCH_LINES = 1000;
/**
 * Stdout read per step (~3,000 lines of 80 chars): reading, parsing and redacting block the event
 * loop, so large bursts are taken in slices and the writer flushes (and emits) between them.
 */
const READ_CHARS = 256 * 1024;

export type RunnerStatusFile = 'successful' | 'failed' | 'canceled' | 'timeout' | 'missing';

export interface FollowOptions {
  runId: string;
  stageId: string;
  stageName: string;
  stageDef: StageDef | undefined;
  runDir: string;
  pid: number;
  afterCounter: number;
  redact: Redactor;
  writer: LogWriter;
  /** Set when this process spawned the stage: resolves on exit (faster than polling /proc). */
  exited?: Promise<number | null>;
}

export interface FollowResult {
  status: RunnerStatusFile;
  rc: number | null;
  lastCounter: number;
}

function readArtifact(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

export function readOutcome(artifactDir: string): { status: RunnerStatusFile; rc: number | null } {
  const raw = readArtifact(path.join(artifactDir, 'status'));
  const status: RunnerStatusFile = raw === 'successful' || raw === 'failed' || raw === 'canceled' || raw === 'timeout' ? raw : 'missing';
  const rcRaw = readArtifact(path.join(artifactDir, 'rc'));
  const rc = rcRaw !== undefined && /^-?\d+$/.test(rcRaw) ? Number(rcRaw) : null;
  return { status, rc };
}

export async function followStage(opts: FollowOptions): Promise<FollowResult> {
  const artifactDir = path.join(opts.runDir, 'artifacts', opts.stageId);
  const tail = new EventTail(artifactDir, opts.afterCounter);
  let exited = false;
  void opts.exited?.then(() => {
    exited = true;
  });
  let wake: (() => void) | undefined;
  let watcher: fs.FSWatcher | undefined;
  let phase: string | undefined;
  let timedOut = true;
  try {
    for (;;) {
      const alive = !exited && isStageProcess(opts.pid, opts.runDir, opts.stageId);
      // With a watcher, its file names say what is new: list the directory only on the fallback tick.
      const events = tail.poll(!alive, 50, READ_CHARS, !watcher || timedOut);
      if (events.length > 0) {
        const newBatch = (): StageBatch => ({ runId: opts.runId, stageId: opts.stageId, stage: opts.stageName, lines: [], counts: new Map(), errors: new Map() });
        let batch = newBatch();
        const tt = TRACE ? performance.now() : 0;
        for (const ev of events) {
          if (batch.lines.length >= BATCH_LINES) {
            if (TRACE) batch.tEnq = Date.now();
            opts.writer.enqueue(batch);
            batch = newBatch();
          }
          const t = translateEvent(ev);
          const newPhase = phaseOf(opts.stageDef, t.role);
          if (newPhase && newPhase !== phase) {
            phase = newPhase;
            batch.lines.push({ host: null, kind: 'phase', failed: false, text: `phase: ${newPhase}`, t: t.createdMs });
          }
          for (const text of t.lines) {
            const line: PendingLine = { host: t.host ?? null, kind: 'line', failed: t.failed, text: opts.redact(text), t: t.createdMs };
            batch.lines.push(line);
          }
          if (t.count) {
            const c = batch.counts.get(t.count.host) ?? {};
            c[t.count.field as HostCounter] = (c[t.count.field] ?? 0) + 1;
            batch.counts.set(t.count.host, c);
          }
          if (t.error && !batch.errors.has(t.error.host)) {
            const e = t.error.error;
            const redacted: HostError = { ...e, file: e.file.replace(`${path.join(opts.runDir, 'project')}/`, ''), task: opts.redact(e.task), msg: opts.redact(e.msg), stderr: opts.redact(e.stderr), stdout: opts.redact(e.stdout) };
            batch.errors.set(t.error.host, redacted);
          }
          if (t.recap) {
            batch.recap = t.recap;
            batch.counts.clear();
          }
          batch.lastCounter = t.counter;
        }
        if (TRACE) {
          traceBusy('translate+redact', performance.now() - tt);
          batch.tEnq = Date.now();
        }
        opts.writer.enqueue(batch);
        // Yield so the writer can flush between bursts; wait for it when it falls far behind.
        if (opts.writer.backlog > 20_000) await opts.writer.drain();
        else await new Promise<void>((r) => setImmediate(r));
        timedOut = false;
        continue;
      }
      if (!alive) break;
      if (!watcher && fs.existsSync(tail.eventsDir)) {
        try {
          watcher = fs.watch(tail.eventsDir, (_event, name) => {
            tail.notice(typeof name === 'string' ? name : undefined);
            wake?.();
          });
        } catch {
          watcher = undefined;
        }
      }
      timedOut = await Promise.race([sleep(100).then(() => true), new Promise<boolean>((r) => (wake = () => r(false)))]);
      wake = undefined;
    }
  } finally {
    watcher?.close();
  }
  await opts.writer.drain();
  return { ...readOutcome(artifactDir), lastCounter: tail.lastCounter };
}
