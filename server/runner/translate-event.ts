/**
 * One ansible-runner job event (artifacts/<ident>/job_events/<counter>-<uuid>.json) → what the runner
 * records: output lines, per-host counter increments, the first error of a host, the phase.
 * Pure; the input is the parsed JSON, never the human output.
 *
 * Invariants: only `runner_on_*` events count towards ok/changed/failed/skipped/unreachable (the
 * per-item `runner_item_on_*` events are folded into them by Ansible); `playbook_on_stats` carries the
 * final recap, which replaces the running counts.
 */
import { explainFailure } from './known-failures';
import type { HostError } from '@/lib/api/runs';

export type { HostError };

export interface JobEvent {
  counter: number;
  event: string;
  stdout?: string;
  created?: string;
  event_data?: Record<string, unknown>;
}

export type HostCounter = 'ok' | 'changed' | 'failed' | 'skipped' | 'unreachable';

export interface RecapRow {
  ok: number;
  changed: number;
  failed: number;
  skipped: number;
  unreachable: number;
}

export interface TranslatedEvent {
  counter: number;
  /** Creation time of the event (ms since epoch), for latency figures. */
  createdMs: number;
  host?: string;
  failed: boolean;
  lines: string[];
  count?: { host: string; field: HostCounter };
  error?: { host: string; error: HostError };
  role?: string;
  recap?: Record<string, RecapRow>;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

function str(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  return JSON.stringify(v);
}

function tail(text: string, lines: number): string {
  const all = text.split('\n');
  return all.slice(Math.max(0, all.length - lines)).join('\n');
}

function recapOf(data: Record<string, unknown>): Record<string, RecapRow> {
  const field = (name: string): Record<string, number> => {
    const v = data[name];
    return typeof v === 'object' && v !== null ? (v as Record<string, number>) : {};
  };
  const ok = field('ok');
  const changed = field('changed');
  const failures = field('failures');
  const skipped = field('skipped');
  const dark = field('dark');
  const hosts = new Set([...Object.keys(ok), ...Object.keys(changed), ...Object.keys(failures), ...Object.keys(skipped), ...Object.keys(dark)]);
  const out: Record<string, RecapRow> = {};
  for (const h of hosts) {
    out[h] = { ok: ok[h] ?? 0, changed: changed[h] ?? 0, failed: failures[h] ?? 0, skipped: skipped[h] ?? 0, unreachable: dark[h] ?? 0 };
  }
  return out;
}

export function translateEvent(ev: JobEvent): TranslatedEvent {
  const data = ev.event_data ?? {};
  const host = typeof data.host === 'string' ? data.host : undefined;
  const stdout = (ev.stdout ?? '').replace(ANSI, '').replace(/\r/g, '');
  const lines = stdout.length > 0 ? stdout.split('\n') : [];
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const createdMs = ev.created ? Date.parse(ev.created.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(ev.created) ? ev.created : `${ev.created}Z`) : Date.now();
  const out: TranslatedEvent = { counter: ev.counter, createdMs: Number.isFinite(createdMs) ? createdMs : Date.now(), host, failed: false, lines };
  const ignore = data.ignore_errors === true;

  switch (ev.event) {
    case 'runner_on_ok': {
      const res = (data.res ?? {}) as Record<string, unknown>;
      if (host) out.count = { host, field: res.changed === true ? 'changed' : 'ok' };
      break;
    }
    case 'runner_on_skipped':
      if (host) out.count = { host, field: 'skipped' };
      break;
    case 'runner_on_failed':
    case 'runner_on_unreachable': {
      const unreachable = ev.event === 'runner_on_unreachable';
      if (!host) break;
      if (ignore && !unreachable) {
        out.count = { host, field: 'ok' };
        break;
      }
      out.failed = true;
      out.count = { host, field: unreachable ? 'unreachable' : 'failed' };
      const res = (data.res ?? {}) as Record<string, unknown>;
      const error: HostError = {
        task: str(data.task),
        msg: str(res.msg),
        stderr: tail(str(res.stderr), 20),
        stdout: tail(str(res.stdout), 10),
        file: str(data.task_path),
      };
      const known = explainFailure([error.msg, error.stderr, error.stdout, error.task].join('\n'));
      if (known) error.known = known;
      out.error = { host, error };
      break;
    }
    case 'playbook_on_task_start':
      if (typeof data.role === 'string' && data.role) out.role = data.role;
      break;
    case 'playbook_on_stats':
      out.recap = recapOf(data);
      break;
    default:
      break;
  }
  return out;
}
