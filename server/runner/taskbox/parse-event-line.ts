/**
 * The taskbox's events file (written by callback/ksw_events.py, one JSON job event per line in
 * ansible-runner's shape) as the wizard reads it over SSH. Pure.
 *
 * Invariants:
 * - parseEventLine never throws: a line is either a JobEvent or a reason it is not one (an empty line,
 *   a line cut short by a killed process, anything not written by ksw_events);
 * - EventLineSplitter returns complete lines only (without their "\n"), in order, each once; the text
 *   after the last newline is kept until its newline arrives, so a partial last line is never returned;
 * - `offset` counts UTF-8 bytes of the file through the newline of the last returned line (plus the
 *   start offset), so `tail -c +<offset + 1>` resumes exactly at the next line. Chunks must come from
 *   a streaming UTF-8 decoder (e.g. `stream.setEncoding('utf8')`) so no character is split in two.
 */
import type { JobEvent } from '../translate-event';

export type ParsedEventLine = { ok: true; event: JobEvent } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseEventLine(line: string): ParsedEventLine {
  if (line.trim() === '') return { ok: false, reason: 'empty line' };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    // no parser message: it would quote the line, which may hold task output
    return { ok: false, reason: `not JSON (${line.length} characters; cut short, or not written by ksw_events)` };
  }
  if (!isRecord(value)) return { ok: false, reason: 'not a JSON object' };
  const { counter, event, stdout, created, event_data: eventData } = value;
  if (typeof counter !== 'number' || !Number.isSafeInteger(counter) || counter < 1) return { ok: false, reason: 'no integer counter ≥ 1' };
  if (typeof event !== 'string' || event === '') return { ok: false, reason: 'no event name' };
  if (stdout !== undefined && typeof stdout !== 'string') return { ok: false, reason: 'stdout is not text' };
  if (created !== undefined && typeof created !== 'string') return { ok: false, reason: 'created is not text' };
  if (eventData !== undefined && !isRecord(eventData)) return { ok: false, reason: 'event_data is not an object' };
  const parsed: JobEvent = { counter, event };
  if (stdout !== undefined) parsed.stdout = stdout;
  if (created !== undefined) parsed.created = created;
  if (eventData !== undefined) parsed.event_data = eventData;
  return { ok: true, event: parsed };
}

export class EventLineSplitter {
  /** Text received after the last newline, in the pieces it arrived in. */
  private partial: string[] = [];
  private consumed: number;

  /** `startOffset`: the byte offset in the file where the first chunk starts (0, or a resume point). */
  constructor(startOffset = 0) {
    if (!Number.isSafeInteger(startOffset) || startOffset < 0) throw new RangeError(`start offset must be a byte count, got ${startOffset}`);
    this.consumed = startOffset;
  }

  /** Byte offset in the file just after the newline of the last complete line returned. */
  get offset(): number {
    return this.consumed;
  }

  /** Whether text after the last newline is waiting for the rest of its line. */
  get hasPartialLine(): boolean {
    return this.partial.length > 0;
  }

  /** The complete lines this chunk finishes, without their newlines. */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      let line = chunk.slice(start, nl);
      if (this.partial.length > 0) {
        this.partial.push(line);
        line = this.partial.join('');
        this.partial = [];
      }
      this.consumed += Buffer.byteLength(line, 'utf8') + 1;
      lines.push(line);
      start = nl + 1;
    }
    if (start < chunk.length) this.partial.push(start === 0 ? chunk : chunk.slice(start));
    return lines;
  }
}
