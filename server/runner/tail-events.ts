/**
 * Reads a stage's job events in counter order from artifacts/<ident>/job_events/.
 *
 * Invariants:
 * - events are delivered exactly once and strictly by increasing counter, starting after
 *   `afterCounter` (Stage.lastEventCounter), so a re-attach continues where the DB stopped;
 * - a missing counter (a gap) blocks delivery while the process may still write it; once the
 *   process is gone (`final`), the remaining files are delivered in order and gaps are skipped;
 * - only finished files (`<counter>-<uuid>.json`, renamed into place by ansible-runner) are read,
 *   never `*-partial.json` or `*.tmp`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TRACE, traceBusy, traceSpan, traceStep } from './trace';
import type { JobEvent } from './translate-event';

const FINAL_FILE = /^(\d+)-[0-9a-f-]+\.json$/;

export class EventTail {
  private next: number;
  private readonly known = new Map<number, string>();
  private readonly dir: string;

  constructor(artifactDir: string, afterCounter: number) {
    this.dir = path.join(artifactDir, 'job_events');
    this.next = afterCounter + 1;
  }

  get lastCounter(): number {
    return this.next - 1;
  }

  get eventsDir(): string {
    return this.dir;
  }

  /**
   * A file name reported by fs.watch: a finished event file is remembered without listing the
   * directory. Only a hint — when the next counter is not known, poll() still lists the directory
   * (fs.watch may coalesce or drop events).
   */
  notice(name: string | null | undefined): void {
    if (!name) return;
    const counter = Number.parseInt(name, 10);
    if (!(counter >= this.next) || this.known.has(counter) || !FINAL_FILE.test(name)) return;
    this.known.set(counter, name);
  }

  private scan(): void {
    let names: string[];
    const t0 = TRACE ? performance.now() : 0;
    try {
      names = fs.readdirSync(this.dir);
      if (TRACE) traceBusy('readdir', performance.now() - t0);
    } catch {
      return;
    }
    for (const name of names) {
      // cheap prefix check first: most names are events already delivered
      const counter = Number.parseInt(name, 10);
      if (!(counter >= this.next) || this.known.has(counter) || !FINAL_FILE.test(name)) continue;
      this.known.set(counter, name);
    }
  }

  private read(name: string): JobEvent | undefined {
    try {
      if (TRACE) {
        const file = path.join(this.dir, name);
        const disk = fs.statSync(file).mtimeMs;
        const t0 = performance.now();
        const raw = fs.readFileSync(file, 'utf8');
        const t1 = performance.now();
        const ev = JSON.parse(raw) as JobEvent & { _disk?: number };
        traceBusy('readFile', t1 - t0);
        traceBusy('JSON.parse', performance.now() - t1);
        ev._disk = disk;
        const created = ev.created ? Date.parse(`${ev.created}Z`) : disk;
        const lines = (ev.stdout ?? '').split('\n').length;
        traceStep('created→onDisk', disk - created, lines, created);
        if (lines > 100) traceSpan('bench events on disk', disk, lines);
        traceStep('onDisk→read', Date.now() - disk, lines, created);
        return ev;
      }
      return JSON.parse(fs.readFileSync(path.join(this.dir, name), 'utf8')) as JobEvent;
    } catch {
      return undefined;
    }
  }

  /**
   * New events in counter order, at most `max` events and about `maxChars` of stdout (a large
   * event is never split). With `final`, gaps are skipped. The directory is listed when the next
   * counter's file is not known yet, unless `list` is false (the caller's fs.watch reports names).
   */
  poll(final: boolean, max = 2000, maxChars = Number.POSITIVE_INFINITY, list = true): JobEvent[] {
    if (final || (list && !this.known.has(this.next))) this.scan();
    const out: JobEvent[] = [];
    let chars = 0;
    while (out.length < max && chars < maxChars) {
      let name = this.known.get(this.next);
      if (name === undefined) {
        if (!final || this.known.size === 0) break;
        this.next = Math.min(...this.known.keys());
        name = this.known.get(this.next);
        if (name === undefined) break;
      }
      const ev = this.read(name);
      if (!ev) {
        if (!final) break;
      } else {
        out.push({ ...ev, counter: this.next });
        chars += ev.stdout?.length ?? 0;
      }
      this.known.delete(this.next);
      this.next += 1;
    }
    return out;
  }
}
