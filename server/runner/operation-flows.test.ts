/**
 * The day-2 flows as data against the scripts and playbooks of the reconstructed 2.x bundle
 * (../shared/upstream): add-nodes.sh's playbooks, order and -e pairs, uninstall.sh's reset.yml and
 * environment, the prompts of remove-node.yml / reset.yml the confirmations answer. Skipped, saying
 * so, where that folder is absent; the rendering checks below run everywhere.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATION_FLOWS, stageVarsOf, stagesOfRun } from './operation-flows';
import { PROFILES } from '../installer-profiles/profiles';
import { stagePaths } from './taskbox/layout';
import { ansibleEnvironment, playbookCommand, renderPlaybookScript, type StageScriptInput } from './taskbox/stage-script';

const TARBALL = path.resolve(import.meta.dirname, '../../../shared/upstream/kubesphere-2.1-dev-bundle.tar.gz');
const have = fs.existsSync(TARBALL);
if (!have) console.warn(`operation-flows.test: bundle comparison SKIPPED — ${TARBALL} is absent`);

function bundleFiles(files: string[]): Map<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-day2-'));
  try {
    execFileSync('tar', ['-xzf', TARBALL, '-C', dir, '--wildcards', ...files.map((f) => `*/${f}`)]);
    const [top] = fs.readdirSync(dir);
    return new Map(files.map((f) => [f, fs.readFileSync(path.join(dir, top ?? '', f), 'utf8')]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `ansible-playbook -i $BASE_FOLDER/../<inv> $BASE_FOLDER/../<playbook> -b [rest]` calls of a script. */
function playbookCalls(script: string): { inventory: string; playbook: string; rest: string }[] {
  return [...script.matchAll(/ansible-playbook\s+-i\s+\$BASE_FOLDER\/\.\.\/(\S+)\s+\$BASE_FOLDER\/\.\.\/(\S+)\s+-b([^\n]*)/g)].map((m) => ({
    inventory: m[1] ?? '',
    playbook: m[2] ?? '',
    rest: (m[3] ?? '').trim(),
  }));
}

const playbookStages = (kind: keyof typeof OPERATION_FLOWS) => OPERATION_FLOWS[kind].stages.filter((s) => s.kind === 'playbook');

describe.skipIf(!have)('the day-2 flows against the bundle (reconstructed 2.x bundle)', () => {
  const files = have ? bundleFiles(['scripts/add-nodes.sh', 'scripts/uninstall.sh', 'k8s/remove-node.yml', 'k8s/reset.yml']) : new Map<string, string>();

  it("add-nodes: add-nodes.sh's playbooks, in order, with its -e pairs, log name and forks", () => {
    const script = files.get('scripts/add-nodes.sh') ?? '';
    const calls = playbookCalls(script);
    expect(calls.map((c) => c.playbook)).toEqual(playbookStages('add-nodes').map((s) => s.playbook));
    expect(calls.every((c) => c.inventory === PROFILES.lab.taskbox.inventory)).toBe(true);
    expect(calls.map((c) => c.rest.split(/\s+/).filter(Boolean))).toEqual(
      playbookStages('add-nodes').map((s) => (s.vars ?? []).flatMap(([k, v]) => ['-e', `${k}=${v}`])),
    );
    expect(script).toContain(`ANSIBLE_LOG_PATH=$LOG_FOLDER/${OPERATION_FLOWS['add-nodes'].logName}[$current].log`);
    expect(script).toContain(`DEFAULT_FORKS=${OPERATION_FLOWS['add-nodes'].forks}`);
  });

  it("uninstall: uninstall.sh's reset.yml on my_cluster, log name and forks; the prompt the confirmation answers", () => {
    const script = files.get('scripts/uninstall.sh') ?? '';
    const multi = playbookCalls(script).filter((c) => c.inventory === PROFILES.lab.taskbox.inventory);
    expect(multi.map((c) => c.playbook)).toEqual(playbookStages('uninstall').map((s) => s.playbook));
    expect(script).toContain(`ANSIBLE_LOG_PATH=$LOG_FOLDER/${OPERATION_FLOWS.uninstall.logName}[$current].log`);
    expect(script).toContain(`DEFAULT_FORKS=${OPERATION_FLOWS.uninstall.forks}`);
    const [varName] = playbookStages('uninstall')[0]?.vars?.[0] ?? [];
    expect(files.get('k8s/reset.yml')).toMatch(new RegExp(`name: "${varName}"`));
  });

  it("remove-node: remove-node.yml's node variable and the prompt the confirmation answers", () => {
    const yml = files.get('k8s/remove-node.yml') ?? '';
    expect(yml).toContain("{{ node | default('kube-node') }}");
    const prompt = playbookStages('remove-node')[0]?.vars?.find(([k]) => k.endsWith('_confirmation'))?.[0];
    expect(yml).toMatch(new RegExp(`name: "${prompt}"`));
  });
});

describe('rendering an operation stage', () => {
  const input: StageScriptInput = { profile: PROFILES.lab, bundle: '/opt/ks-lab-installer', paths: stagePaths('cstage0002'), limit: null };

  it('fills {targets} and puts the script -e pairs after every extra-vars file (a later -e wins)', () => {
    const vars = stageVarsOf('remove-node', 'remove-node', ['lab5', 'lab6']);
    expect(vars).toEqual([
      ['node', 'lab5,lab6'],
      ['delete_nodes_confirmation', 'yes'],
    ]);
    const argv = playbookCommand({ ...input, vars }, '../k8s/remove-node.yml');
    expect(argv.slice(-4)).toEqual(['-e', 'node=lab5,lab6', '-e', 'delete_nodes_confirmation=yes']);
    expect(argv.lastIndexOf(`@${input.paths.secretVars}`)).toBeLessThan(argv.indexOf('node=lab5,lab6'));
  });

  it("takes the script's log name and forks; install stages keep install.sh's", () => {
    const env = new Map(ansibleEnvironment({ ...input, scriptEnv: OPERATION_FLOWS.uninstall }));
    expect(env.get('DEFAULT_FORKS')).toBe('100');
    expect(renderPlaybookScript({ ...input, scriptEnv: OPERATION_FLOWS.uninstall }, '../k8s/reset.yml')).toContain('"/Uninstall[$(date');
    expect(renderPlaybookScript(input, '../k8s/cluster.yml')).toContain('"/Install[$(date');
    expect(stageVarsOf('install', 'kubernetes', ['x'])).toEqual([]);
    expect(stagesOfRun(PROFILES.lab.stages, 'install')).toBe(PROFILES.lab.stages);
    expect(stagesOfRun(PROFILES.lab.stages, 'uninstall').map((s) => s.name)).toEqual(['write-config', 'reset']);
  });
});
