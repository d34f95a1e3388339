/**
 * Test helpers for runs on a lab taskbox: an install whose taskbox is the first leased host (lab1
 * in a fresh lab), its host keys trusted as an operator would; waiting for runs; the stage's
 * processes and files as seen on the taskbox; dropping every SSH session the taskbox serves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InstallConfig } from '@/lib/config/schema';
import { hostNamespacePids } from '@/lab/host-processes';
import { hostPaths } from '@/lab/paths';
import type { LabHostState, LabState } from '@/lab/state';
import { getDb } from '../../db';
import { createInstall } from '../../installs/create-install';
import { getRunner } from '../runner';
import { getRunView, type RunView } from '../run-view';
import { labConfig } from './lab-config';
import { trustLabHostKeys } from './trust-lab-keys';

export async function createTaskboxInstall(state: LabState, hosts: LabHostState[], name: string, edit?: (c: InstallConfig) => void): Promise<string> {
  const config = labConfig(state, hosts);
  edit?.(config);
  const view = await createInstall({ name, config });
  await trustLabHostKeys(view.id, state, hosts);
  return view.id;
}

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, ms: number, what: string): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function finished(runId: string, ms = 240_000): Promise<RunView> {
  await waitFor(
    async () => {
      const r = await getDb().run.findUnique({ where: { id: runId } });
      return r && ['succeeded', 'failed', 'cancelled', 'interrupted'].includes(r.status);
    },
    ms,
    `run ${runId} to finish`,
  );
  await getRunner().settled(runId);
  const view = await getRunView(runId);
  if (!view) throw new Error('run vanished');
  return view;
}

/** The run's log as text (for a failing assertion's message). */
export async function logOf(runId: string, last = 60): Promise<string> {
  const lines = await getDb().logLine.findMany({ where: { runId }, orderBy: { seq: 'desc' }, take: last });
  return lines
    .reverse()
    .map((l) => `${l.stage} ${l.host ?? '-'} ${l.text}`)
    .join('\n');
}

/**
 * Stubs named ansible-playbook, ansible and ansible-runner first on the wizard's PATH: each records
 * its call and fails. Returns the calls made and a restore function.
 */
export function stubLocalAnsible(): { calls: () => string[]; restore: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-stubs-'));
  const log = path.join(dir, 'calls.log');
  for (const name of ['ansible-playbook', 'ansible', 'ansible-runner']) {
    fs.writeFileSync(path.join(dir, name), `#!/bin/sh\necho "${name} $*" >> '${log}'\nexit 97\n`, { mode: 0o755 });
  }
  const saved = process.env.PATH;
  process.env.PATH = `${dir}:${saved ?? ''}`;
  return {
    calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
    restore: () => {
      process.env.PATH = saved;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readProc(pid: number, file: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return '';
  }
}

/** Processes inside a lab host's namespace, with their command lines. */
export async function hostProcesses(host: LabHostState): Promise<{ pid: number; cmd: string }[]> {
  const pids = await hostNamespacePids([hostPaths(host.index).hostsFile]);
  return pids.map((pid) => ({ pid, cmd: readProc(pid, 'cmdline').split('\0').join(' ').trim() })).filter((p) => p.cmd !== '');
}

/** Kills every SSH session the host serves (not its listening sshd): the wizard's link drops. */
export async function dropSshSessions(host: LabHostState): Promise<number> {
  const listener = Number(fs.readFileSync(hostPaths(host.index).pidFile, 'utf8').trim());
  const sessions = (await hostProcesses(host)).filter((p) => p.pid !== listener && /^sshd: /.test(p.cmd));
  for (const p of sessions) {
    try {
      process.kill(p.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  return sessions.length;
}
