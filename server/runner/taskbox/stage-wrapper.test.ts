/**
 * The stage wrapper under the two POSIX shells it meets on taskboxes (dash: Debian/Ubuntu; bash as
 * sh: CentOS 7), run for real on this machine: detached start, pid and rc files, secrets removed
 * whatever the outcome, signals to the process group, the state command.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WRAPPER_SCRIPT } from './stage-wrapper';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-wrapper-'));
const wrapper = path.join(work, 'ksw-stage.sh');
fs.writeFileSync(wrapper, WRAPPER_SCRIPT, { mode: 0o700 });
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const SHELLS = [
  ['dash', '/bin/dash'],
  ['bash as sh', '/bin/bash'],
].filter(([, p]) => fs.existsSync(p ?? ''));

function stageDir(script: string): string {
  const dir = fs.mkdtempSync(path.join(work, 's-'));
  fs.writeFileSync(path.join(dir, 'run.sh'), script);
  fs.mkdirSync(path.join(dir, 'secret'), { mode: 0o700 });
  fs.writeFileSync(path.join(dir, 'secret', 'hosts.yml'), 'secret-value', { mode: 0o600 });
  return dir;
}

function wrap(shell: string, ...args: string[]): string {
  return execFileSync(shell, [...(shell.endsWith('bash') ? ['--posix'] : []), wrapper, ...args], { encoding: 'utf8', timeout: 20_000 }).trim();
}

async function until(fn: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

const alive = (pid: number) => spawnSync('kill', ['-0', String(pid)]).status === 0 && !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

describe.each(SHELLS)('ksw-stage.sh under %s', (_name, shell) => {
  it('starts run.sh detached in its own session, records pid then rc, removes the secrets', async () => {
    const dir = stageDir('echo started; sleep 0.5; exit 7\n');
    const pid = Number(wrap(shell ?? '', 'start', dir));
    expect(pid).toBeGreaterThan(1);
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    expect(Number(stat[2])).toBe(pid); // process group = its own pid
    expect(Number(stat[3])).toBe(pid); // session leader
    expect(wrap(shell ?? '', 'state', dir)).toBe(`running ${pid}`);
    await until(() => fs.existsSync(path.join(dir, 'rc')));
    expect(fs.readFileSync(path.join(dir, 'rc'), 'utf8').trim()).toBe('7');
    expect(fs.existsSync(path.join(dir, 'secret'))).toBe(false);
    expect(fs.readFileSync(path.join(dir, 'out.log'), 'utf8')).toContain('started');
    expect(wrap(shell ?? '', 'state', dir)).toBe('rc 7');
  });

  it('refuses to start a stage twice', () => {
    const dir = stageDir('sleep 5\n');
    wrap(shell ?? '', 'start', dir);
    const r = spawnSync(shell ?? '', [wrapper, 'start', dir], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('already started');
    wrap(shell ?? '', 'signal', dir, 'KILL');
  });

  it('INT reaches the stage through its group; the wrapper still writes rc and cleans up', async () => {
    // foreground, as ansible-playbook is (a non-interactive shell's `&` jobs ignore INT)
    const dir = stageDir('sleep 30\n');
    const pid = Number(wrap(shell ?? '', 'start', dir));
    await new Promise((r) => setTimeout(r, 300));
    wrap(shell ?? '', 'signal', dir, 'INT');
    await until(() => fs.existsSync(path.join(dir, 'rc')));
    expect(Number(fs.readFileSync(path.join(dir, 'rc'), 'utf8'))).not.toBe(0);
    expect(fs.existsSync(path.join(dir, 'secret'))).toBe(false);
    await until(() => !alive(pid));
  });

  it('KILL ends every process of the stage; state then says gone (no rc) and cleanup removes the secrets', async () => {
    const dir = stageDir(`trap '' INT; sh -c 'trap "" INT; exec sleep 31' ${path.join(dir0(), 'cp')}/x & wait\n`);
    const pid = Number(wrap(shell ?? '', 'start', dir));
    await new Promise((r) => setTimeout(r, 300));
    wrap(shell ?? '', 'signal', dir, 'KILL');
    await until(() => !alive(pid));
    expect(wrap(shell ?? '', 'state', dir)).toBe('gone');
    expect(fs.existsSync(path.join(dir, 'secret'))).toBe(true);
    wrap(shell ?? '', 'cleanup', dir);
    expect(fs.existsSync(path.join(dir, 'secret'))).toBe(false);
  });

  it('state says gone for a recycled pid that is not this stage', () => {
    const dir = stageDir('true\n');
    fs.writeFileSync(path.join(dir, 'pid'), `${process.pid}\n`);
    expect(wrap(shell ?? '', 'state', dir)).toBe('gone');
  });
});

function dir0(): string {
  return work;
}
