/**
 * Spawning and watching the detached `ansible-runner` process of a stage.
 *
 * Invariants:
 * - the process is started with setsid (`detached: true`): its pid is its process-group id, and it
 *   survives the web server's death; its stdout/stderr go to a file, never to a pipe we must drain;
 * - a pid is only trusted as "our stage" when /proc/<pid>/cmdline names ansible-runner AND the run's
 *   private dir AND the stage ident (pids are reused after a reboot or a long downtime);
 * - a zombie counts as dead;
 * - processes are signalled by pid/pgid we recorded or found by walking /proc from them — never by name.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface SpawnedStage {
  pid: number;
  /** Resolves with the exit code when this process started the stage (not after a re-attach). */
  exited: Promise<number | null>;
}

export function spawnStage(opts: { runDir: string; playbook: string; ident: string; limit: string[] | null }): SpawnedStage {
  const args = ['run', opts.runDir, '-p', opts.playbook, '--ident', opts.ident];
  if (opts.limit) args.push('--limit', opts.limit.join(','));
  const outFile = path.join(opts.runDir, 'logs', `${opts.ident}.out`);
  const fd = fs.openSync(outFile, 'a', 0o600);
  try {
    const child = spawn('ansible-runner', args, {
      cwd: opts.runDir,
      detached: true,
      stdio: ['ignore', fd, fd],
      env: { ...process.env, PYTHONUNBUFFERED: '1', ANSIBLE_NOCOLOR: '1' },
    });
    const exited = new Promise<number | null>((resolve) => {
      child.once('exit', (code) => resolve(code));
      child.once('error', () => resolve(127));
    });
    child.unref();
    if (child.pid === undefined) throw new Error('ansible-runner could not be started (is python3-ansible-runner installed?)');
    return { pid: child.pid, exited };
  } finally {
    fs.closeSync(fd);
  }
}

function readProc(pid: number, file: string): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/** State letter and ppid/pgid of a process, from /proc/<pid>/stat. */
function statOf(pid: number): { state: string; ppid: number; pgid: number } | undefined {
  const raw = readProc(pid, 'stat');
  if (!raw) return undefined;
  const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  return { state: rest[0] ?? '?', ppid: Number(rest[1]), pgid: Number(rest[2]) };
}

export function isAlive(pid: number): boolean {
  const st = statOf(pid);
  return st !== undefined && st.state !== 'Z' && st.state !== 'X';
}

/** True when `pid` is alive and is the ansible-runner of this stage. */
export function isStageProcess(pid: number, runDir: string, ident: string): boolean {
  if (!isAlive(pid)) return false;
  const cmd = (readProc(pid, 'cmdline') ?? '').split('\0');
  return cmd.some((a) => a.endsWith('ansible-runner')) && cmd.includes(runDir) && cmd.includes(ident);
}

function allPids(): number[] {
  return fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n)).map(Number);
}

/** Every live process descending from `root` (inclusive), found by walking ppid links. */
export function descendantsOf(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const st = statOf(pid);
    if (!st) continue;
    const list = children.get(st.ppid) ?? [];
    list.push(pid);
    children.set(st.ppid, list);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    if (isAlive(pid)) out.push(pid);
    for (const c of children.get(pid) ?? []) stack.push(c);
  }
  return out;
}

/** Live processes whose command line mentions `needle` (an absolute path unique to one run). */
export function processesMentioning(needle: string): number[] {
  return allPids().filter((pid) => pid !== process.pid && isAlive(pid) && (readProc(pid, 'cmdline') ?? '').split('\0').some((a) => a.includes(needle)));
}

export function pgidOf(pid: number): number | undefined {
  return statOf(pid)?.pgid;
}

/** Signals the process group `pgid` (ignores "no such process"). */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

export function signalPid(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** SIGKILLs the stage's process group and every descendant group (ansible-playbook runs in its own pty session). */
export function killStageTree(pid: number): void {
  const groups = new Set<number>([pid]);
  for (const p of descendantsOf(pid)) {
    const g = pgidOf(p);
    if (g !== undefined && g > 1) groups.add(g);
  }
  for (const g of groups) signalGroup(g, 'SIGKILL');
}

/** Stops leftover ssh ControlPersist masters of a run (their command lines name the run's cp dir). */
export function stopControlMasters(runDir: string): void {
  for (const pid of processesMentioning(path.join(runDir, 'cp'))) signalPid(pid, 'SIGTERM');
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
