/** Small outputs: python --version, date +%s.%N, resolv.conf, dd timing, TCP probes. Pure. */
import type { ClockSample } from './facts';

export interface PythonVersion {
  major: number;
  minor: number;
  text: string;
}

/** `Python 2.7.5` (python2 prints it on stderr; the script merges both). */
export function parsePythonVersion(text: string): PythonVersion | undefined {
  const m = /Python\s+(\d+)\.(\d+)(?:\.\d+)?\S*/.exec(text);
  return m ? { major: Number(m[1]), minor: Number(m[2]), text: m[0] } : undefined;
}

/** `date +%s.%N` → epoch milliseconds. `%N` unsupported (busybox) prints a literal N: seconds only. */
export function parseEpochMs(text: string): number | undefined {
  const m = /^(\d+)(?:\.(\d+|%?N))?$/.exec(text.trim());
  if (!m) return undefined;
  const fraction = m[2] && !m[2].endsWith('N') ? Number(`0.${m[2]}`) : 0;
  return Number(m[1]) * 1000 + fraction * 1000;
}

/**
 * The host clock's offset from a reading bracketed by the wizard's clock (sent at t0, received at t1):
 * the host read its clock somewhere in [t0, t1], so the offset is known to ± half the round trip.
 */
export function clockSampleOf(remoteText: string, sentAtMs: number, receivedAtMs: number): ClockSample | undefined {
  const remote = parseEpochMs(remoteText);
  if (remote === undefined) return undefined;
  return { offsetMs: remote - (sentAtMs + receivedAtMs) / 2, uncertaintyMs: (receivedAtMs - sentAtMs) / 2, remoteText: remoteText.trim() };
}

/** Name servers of /etc/resolv.conf (comment lines ignored). */
export function parseNameservers(text: string): string[] {
  return text
    .split('\n')
    .map((l) => /^\s*nameserver\s+(\S+)/.exec(l)?.[1])
    .filter((v): v is string => v !== undefined);
}

/** GNU dd's summary: `409600 bytes (410 kB, 400 KiB) copied, 0.123 s, 3.3 MB/s` → seconds. */
export function parseDdSeconds(text: string): number | undefined {
  const m = /copied,\s*([\d.]+(?:e-?\d+)?)\s*s/.exec(text);
  return m ? Number(m[1]) : undefined;
}

export type ProbeKind = 'open' | 'refused' | 'unreachable' | 'timeout' | 'dns' | 'error';
export interface ProbeLine {
  target: string;
  kind: ProbeKind;
  detail: string;
}

/** Classifies one probe's exit code and last stderr line (bash /dev/tcp under `timeout 3`). */
export function classifyProbe(rc: number, detail: string): ProbeKind {
  if (rc === 0) return 'open';
  if (rc === 124) return 'timeout';
  if (/refused/i.test(detail)) return 'refused';
  if (/no route|unreachable/i.test(detail)) return 'unreachable';
  if (/timed out/i.test(detail)) return 'timeout';
  if (/name or service|not known|resolv/i.test(detail)) return 'dns';
  return 'error';
}

/**
 * `probe <host:port> 0 open` lines, and bash's error line for a connect that failed
 * (`ksw-probe: line 1: /dev/tcp/<host>/<port>: Connection refused`; bash's other line,
 * `ksw-probe: connect: …`, names no target and is skipped). A requested target without a line was
 * still connecting when `timeout` killed the batch: it timed out (a firewall dropping packets, or no route).
 */
export function parseProbes(text: string, requested: readonly string[] = []): ProbeLine[] {
  const out: ProbeLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const open = /^probe\s+(\S+)\s+(\d+)\s?(.*)$/.exec(line);
    if (open) {
      out.push({ target: open[1], kind: classifyProbe(Number(open[2]), open[3]), detail: open[3].trim() });
      continue;
    }
    const failed = /\/dev\/tcp\/(.+)\/(\d+): (.*)$/.exec(line);
    if (failed) out.push({ target: `${failed[1]}:${failed[2]}`, kind: classifyProbe(1, failed[3]), detail: failed[3].trim() });
  }
  const unavailable = /probe-unavailable/.test(text);
  for (const target of requested) {
    if (out.some((p) => p.target === target)) continue;
    out.push(
      unavailable
        ? { target, kind: 'error', detail: 'not tested: bash or timeout is missing on the host' }
        : { target, kind: 'timeout', detail: 'no answer within 3 s' },
    );
  }
  return out;
}

/**
 * The gather's `fsync` section: `dir=<tmp dir>`, dd's output, `rc=<dd exit code>` (alone when the
 * temporary directory could not be made). `output` is the text without the rc line (the evidence).
 */
export function parseFsyncSection(text: string): { exitCode: number; seconds?: number; output: string } {
  const lines = text.split('\n');
  let exitCode = 1;
  const rest: string[] = [];
  for (const line of lines) {
    const m = /^rc=(\d+)$/.exec(line.trim());
    if (m) exitCode = Number(m[1]);
    else rest.push(line);
  }
  const output = rest.join('\n').trim();
  return { exitCode, seconds: parseDdSeconds(output), output };
}
