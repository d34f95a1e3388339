/**
 * The Ansible the runner will use on the wizard's machine: `ansible-playbook --version` and
 * `ansible-runner --version`, found on the wizard's PATH with the wizard's environment (as
 * server/runner/processes.ts spawns ansible-runner), each once per preflight, with a timeout.
 * Never throws: a missing, hanging or failing command is a fact for checks/bundle.ts to judge.
 */
import { execFile } from 'node:child_process';

export interface ToolVersion {
  /** The command as an operator would type it. */
  command: string;
  /** First line of its output (exit 0 only). */
  firstLine?: string;
  /** ansible-playbook's "executable location = …" line, when it prints one. */
  location?: string;
  problem?: 'not-found' | 'timeout' | 'failed';
  /** The system's words for the problem (exit code, first stderr line). */
  detail?: string;
}

export interface AnsibleFacts {
  playbook: ToolVersion;
  runner: ToolVersion;
  /** The PATH the commands were looked up in. */
  searchPath: string;
  timeoutMs: number;
}

export const ANSIBLE_VERSION_TIMEOUT_MS = 10_000;

function firstNonEmpty(text: string): string | undefined {
  return text.split(/\r?\n/).map((l) => l.trim()).find((l) => l !== '');
}

function versionOf(bin: string, timeoutMs: number): Promise<ToolVersion> {
  const command = `${bin} --version`;
  return new Promise((resolve) => {
    execFile(bin, ['--version'], { timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 256 * 1024, encoding: 'utf8', env: process.env }, (err, stdout, stderr) => {
      if (!err) {
        const location = /executable location = (.+)/.exec(stdout)?.[1]?.trim();
        const firstLine = firstNonEmpty(stdout) ?? firstNonEmpty(stderr);
        resolve(firstLine ? { command, firstLine, location } : { command, problem: 'failed', detail: 'printed nothing' });
        return;
      }
      const e = err as NodeJS.ErrnoException & { killed?: boolean; signal?: string | null; code?: string | number | null };
      if (e.code === 'ENOENT') return resolve({ command, problem: 'not-found', detail: `${bin}: not found on PATH` });
      if (e.killed) return resolve({ command, problem: 'timeout', detail: `no answer within ${timeoutMs / 1000} s` });
      const why = firstNonEmpty(stderr) ?? firstNonEmpty(stdout) ?? e.message;
      const how = typeof e.code === 'number' ? `exit ${e.code}` : e.signal ? `killed by ${e.signal}` : String(e.code ?? 'error');
      resolve({ command, problem: 'failed', detail: `${how}: ${why}` });
    });
  });
}

export interface GatherAnsibleOptions {
  /** The programs to ask (tests point them elsewhere). */
  commands?: { playbook: string; runner: string };
  timeoutMs?: number;
}

export async function gatherAnsibleFacts(opts: GatherAnsibleOptions = {}): Promise<AnsibleFacts> {
  const commands = opts.commands ?? { playbook: 'ansible-playbook', runner: 'ansible-runner' };
  const timeoutMs = opts.timeoutMs ?? ANSIBLE_VERSION_TIMEOUT_MS;
  const [playbook, runner] = await Promise.all([versionOf(commands.playbook, timeoutMs), versionOf(commands.runner, timeoutMs)]);
  return { playbook, runner, searchPath: process.env.PATH ?? '', timeoutMs };
}
