/**
 * The 2.0.2 profile's stage commands and environment, as they are sent to the taskbox, against
 * install.sh's multi-node flow in the reconstructed 2.x bundle (../shared/upstream). Skipped, saying
 * so, where that folder is absent.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROFILES, bundlePlaybooks } from '../../installer-profiles/profiles';
import { stagePaths } from './layout';
import { ansibleEnvironment, playbookCommand, renderPlaybookScript, renderPrepareScript, type StageScriptInput } from './stage-script';

const TARBALL = path.resolve(import.meta.dirname, '../../../../shared/upstream/kubesphere-2.1-dev-bundle.tar.gz');
const have = fs.existsSync(TARBALL);
if (!have)
  console.warn(`install-sh-flow.test: SKIPPED — ${TARBALL} is absent (the reconstructed 2.x bundle lives in ../shared/upstream on this project's machines)`);

function installSh(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-installsh-'));
  try {
    execFileSync('tar', ['-xzf', TARBALL, '-C', dir, '--wildcards', '*/scripts/install.sh']);
    const [top] = fs.readdirSync(dir);
    return fs.readFileSync(path.join(dir, top ?? '', 'scripts/install.sh'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The body of `function NAME(){ ... }` up to the next top-level `}`. */
function functionBody(script: string, name: string): string {
  const start = script.indexOf(`function ${name}(){`);
  const end = script.indexOf('\n}\n', start);
  return script.slice(start, end);
}

const profile = PROFILES['kubesphere-2.0.2'];
const input: StageScriptInput = { profile, bundle: '/root/kubesphere-all-advanced-2.0.2', paths: stagePaths('cstage0001'), limit: null };

describe.skipIf(!have)("install.sh's multi-node flow (reconstructed 2.x bundle)", () => {
  const script = have ? installSh() : '';
  const multi = functionBody(script, 'multi-node');

  it('runs the same playbooks in the same order, from scripts/, with the same inventory and -b', () => {
    const calls = [...multi.matchAll(/ansible-playbook\s+-i\s+\$BASE_FOLDER\/\.\.\/(\S+)\s+\$BASE_FOLDER\/\.\.\/(\S+)\s+-b/g)].map((m) => ({
      inventory: m[1],
      playbook: m[2],
    }));
    expect(calls.length).toBe(3);
    expect(calls.map((c) => c.inventory)).toEqual([profile.taskbox.inventory, profile.taskbox.inventory, profile.taskbox.inventory]);
    // install.sh's three playbooks are the profile's bundle playbooks, in order (verify is the wizard's own)
    expect(calls.map((c) => c.playbook)).toEqual(bundlePlaybooks(profile.stages));
    expect(profile.taskbox.playbookCwd).toBe('scripts'); // BASE_FOLDER is scripts/
    for (const c of calls) {
      const argv = playbookCommand(input, `../${c.playbook}`);
      // install.sh's words, in its order, are in ours; ours adds only the documented extras
      expect(argv.slice(0, 3)).toEqual(['ansible-playbook', '-i', `../${c.inventory}`]);
      expect(argv).toContain(`../${c.playbook}`);
      expect(argv.indexOf('-b')).toBeGreaterThan(argv.indexOf(`../${c.playbook}`));
      const extras = argv.filter((a) => !['ansible-playbook', '-i', `../${c.inventory}`, `../${c.playbook}`, '-b'].includes(a));
      expect(extras).toEqual([input.paths.secretInventory, '-e', `@${input.paths.extraVars}`, '-e', `@${input.paths.secretVars}`]);
    }
  });

  it('writes the conf files and the copies install.sh makes', () => {
    const copies = [...multi.matchAll(/^\s*cp \$BASE_FOLDER\/\.\.\/(\S+) \$BASE_FOLDER\/\.\.\/(\S+)$/gm)].map((m) => [m[1], m[2]]);
    expect(copies.length).toBe(2);
    const byPath = new Map(profile.configFiles.map((f) => [f.path, f.content]));
    for (const [from, to] of copies) {
      expect(byPath.has(from ?? '')).toBe(true);
      expect(byPath.get(to ?? '')).toBe(byPath.get(from ?? ''));
    }
  });

  it("exports install.sh's environment; host key checking is the one deliberate difference", () => {
    const exports = Object.fromEntries([...script.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    const env = Object.fromEntries(ansibleEnvironment(input));
    for (const [k, v] of Object.entries(exports)) {
      if (k === 'ANSIBLE_LOG_PATH' || k === 'ANSIBLE_HOST_KEY_CHECKING') continue;
      if (k === 'ANSIBLE_CALLBACK_WHITELIST') expect(env[k]?.split(',')).toContain(v);
      else expect([k, env[k]]).toEqual([k, v]);
    }
    expect(exports.ANSIBLE_HOST_KEY_CHECKING).toBe('False');
    expect(env.ANSIBLE_HOST_KEY_CHECKING).toBe('True');
    // the log file: LOG_FOLDER=$BASE_FOLDER/../logs, Install[$current].log, current=`date "+%Y-%m-%d~%H:%M:%S"`
    expect(script).toContain('LOG_FOLDER=$BASE_FOLDER/../logs');
    expect(exports.ANSIBLE_LOG_PATH).toBe('$LOG_FOLDER/Install[$current].log');
    expect(script).toContain('current=`date "+%Y-%m-%d~%H:%M:%S"`');
    const run = renderPlaybookScript(input, '../k8s/cluster.yml');
    expect(run).toContain(`ksw_log=/root/kubesphere-all-advanced-2.0.2/${profile.taskbox.logDir}"/Install[$(date '+%Y-%m-%d~%H:%M:%S')].log"`);
    expect(run).toContain('ANSIBLE_LOG_PATH="$ksw_log"');
    expect(run).toContain('cd /root/kubesphere-all-advanced-2.0.2/scripts ||');
  });

  it("prepares the taskbox with the bundle's own bootstrap, as init_env runs it", () => {
    expect(functionBody(script, 'init_env')).toContain('$BASE_FOLDER/os/os_check.sh');
    expect(profile.taskbox.bootstrap?.cwd).toBe('scripts');
    expect(profile.taskbox.bootstrap?.argv.at(-1)).toBe('os/os_check.sh');
    const prep = renderPrepareScript(input);
    expect(prep).toContain('cd /root/kubesphere-all-advanced-2.0.2/scripts && env -i PATH=');
    expect(prep).toContain('/bin/bash os/os_check.sh');
  });
});

describe('stage scripts', () => {
  it('build every child environment from scratch and name no secret', () => {
    for (const text of [renderPlaybookScript(input, '../k8s/cluster.yml'), renderPrepareScript(input)]) {
      for (const line of text.split('\n').filter((l) => /ansible(-playbook)? /.test(l) && !l.startsWith('#'))) expect(line).toMatch(/env -i /);
    }
    const env = Object.fromEntries(ansibleEnvironment(input));
    expect(Object.keys(env).filter((k) => /KSW_SECRET|KSW_ADMIN|PASSWORD/i.test(k))).toEqual([]);
    expect(env.ANSIBLE_SSH_ARGS).toContain(`UserKnownHostsFile=${input.paths.knownHosts}`);
    expect(env.ANSIBLE_SSH_ARGS).toContain('StrictHostKeyChecking=yes');
    expect(env.ANSIBLE_CALLBACKS_ENABLED).toBe(env.ANSIBLE_CALLBACK_WHITELIST);
  });

  it('pass --limit for retries', () => {
    expect(playbookCommand({ ...input, limit: ['node1', 'node3'] }, '../k8s/cluster.yml').slice(-2)).toEqual(['--limit', 'node1,node3']);
  });
});
