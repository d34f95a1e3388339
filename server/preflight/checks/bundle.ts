/**
 * Checks of the wizard's own machine, recorded as cluster-wide checks: the installer bundle the
 * runner will use (bundle-facts.ts) and the Ansible it will run it with (ansible-facts.ts). The
 * judges are pure: facts + the install's profile (data in server/runner/profiles.ts) → one result.
 *
 * A missing or wrong bundle, or a missing ansible-playbook / ansible-runner, fails (the install
 * cannot work); an Ansible other than the one the profile's bundle was written for warns (it may
 * work; the operator acknowledges it).
 */
import path from 'node:path';
import { getProfile, type InstallerProfile } from '../../runner/profiles';
import type { AnsibleFacts, ToolVersion } from '../ansible-facts';
import type { BundleEntry, BundleFacts } from '../bundle-facts';
import type { CheckResult, ClusterCheck } from '../types';
import { fail, pass, warn } from './util';

const SETTINGS = 'the installer settings (wizard step "Network & options", card Installer)';

/** "/opt/ks (bundlePath)", or how the path came about when it was not typed as an absolute path. */
function whereFrom(f: BundleFacts, profile: InstallerProfile): string {
  if (f.configured === '') return `${f.path} (the ${profile.id} profile's default)`;
  if (!path.isAbsolute(f.configured)) return `${f.path} (bundlePath "${f.configured}", relative to the wizard's working directory ${f.cwd})`;
  return `${f.path} (bundlePath)`;
}

const list = (entries: readonly BundleEntry[]) => entries.map((e) => (e.kind === 'dir' ? `${e.path}/` : e.path)).join(', ');

function entriesEvidence(f: BundleFacts): string {
  const mark: Record<BundleEntry['state'], string> = { ok: 'ok', missing: 'missing', 'wrong-kind': 'wrong kind', unreadable: 'not readable' };
  return [`bundle: ${f.path ?? '(none)'}`, `wizard user: ${f.user}`, ...f.entries.map((e) => `${e.kind === 'dir' ? `${e.path}/` : e.path}: ${mark[e.state]}`)].join('\n');
}

const sameVersion = (a: string, b: string) => a.replace(/^v/i, '') === b.replace(/^v/i, '');

export function judgeBundle(profile: InstallerProfile, f: BundleFacts): CheckResult {
  const { layout, version } = profile;
  const evidence = entriesEvidence(f);
  if (f.path === undefined) {
    return fail(
      `The install has no installer bundle path (bundlePath): ${f.noPath ?? 'none is set'}.`,
      `Unpack the ${layout.name} bundle on the wizard's machine and set its path in ${SETTINGS}.`,
      evidence,
    );
  }
  const where = whereFrom(f, profile);
  switch (f.root) {
    case 'missing':
      return fail(`No installer bundle at ${where}.`, `${layout.howToGet} or set the path in ${SETTINGS}.`, `${evidence}\n${f.rootError ?? ''}`.trim());
    case 'wrong-kind':
      return fail(`${where} is a file, not an unpacked bundle folder.`, `Unpack it (tar -xzf) and set the path to the folder it creates, in ${SETTINGS}.`, evidence);
    case 'unreadable':
      return fail(
        `The wizard's user ${f.user} cannot read the installer bundle at ${where}.`,
        `Let that user read it (e.g. chmod -R a+rX ${f.path}, and the folders above it), or run the wizard as a user that can.`,
        `${evidence}\n${f.rootError ?? ''}`.trim(),
      );
    default:
      break;
  }

  const problems: string[] = [];
  const hints: string[] = [];
  const found = f.version?.value;
  if (version && found !== undefined && !sameVersion(found, version.expected)) {
    problems.push(
      `The bundle at ${f.path} is KubeSphere ${found} (${version.file} ${version.key}) but the install is set up for ${version.expected}.`,
    );
    hints.push(`Use the ${version.expected} bundle, or the installer profile that matches ${found}.`);
  }
  const missing = f.entries.filter((e) => e.state === 'missing' || e.state === 'wrong-kind');
  if (missing.length > 0) {
    problems.push(`${f.path} is not a ${layout.name} bundle: missing ${list(missing)}.`);
    if (hints.length === 0) hints.push(`Point the path at the folder the ${layout.name} bundle unpacked to (it holds ${layout.dirs.map((d) => `${d}/`).join(' ')}), in ${SETTINGS}.`);
  }
  const unreadable = f.entries.filter((e) => e.state === 'unreadable');
  if (unreadable.length > 0) {
    problems.push(`The wizard's user ${f.user} cannot read ${list(unreadable)} in ${f.path}.`);
    hints.push(`Let that user read the bundle: chmod -R a+rX ${f.path}.`);
  }
  if (f.notWritable.length > 0) {
    problems.push(`The wizard's user ${f.user} cannot write ${f.notWritable.join(', ')} in ${f.path}: the install writes its configuration into this bundle in place.`);
    hints.push(`Give that user write access to those files and their folders (e.g. chown -R ${f.user.split(' ')[0] ?? ''} ${f.path}/conf ${f.path}/k8s/inventory).`);
  }
  if (problems.length > 0) return fail(problems.join(' '), hints.join(' '), evidence);

  const versionEvidence = f.version ? `\n${f.version.file}:${f.version.line ?? '?'} ${f.version.key}: ${f.version.value ?? '(no value)'}` : '';
  if (version && found === undefined) {
    return warn(
      `Could not tell the version of the bundle at ${where}: ${version.file} has no ${version.key} (the ${version.expected} bundle ships "${version.key}: ${version.expected}").`,
      `Make sure it is the ${version.expected} bundle as shipped; an edited or other bundle may not match what the wizard writes.`,
      evidence + versionEvidence,
    );
  }
  const stated = version && found !== undefined ? `; ${version.file} says ${version.key}: ${found}` : '';
  return pass(`${layout.name} bundle at ${where}: ${layout.dirs.length} folders and ${layout.files.length} playbooks present${stated}.`, evidence + versionEvidence);
}

/** Ansible's version from the first line of `ansible-playbook --version` ("ansible-playbook [core 2.14.18]", "ansible-playbook 2.7.6"). */
export function parseAnsibleVersion(firstLine: string): { version: string; major: number; minor: number; core: boolean } | undefined {
  const core = /\[core (\d+)\.(\d+)(\.\d+)?[^\]]*\]/.exec(firstLine);
  const m = core ?? /(?:^|\s)v?(\d+)\.(\d+)(\.\d+)?/.exec(firstLine);
  if (!m) return undefined;
  return { version: `${m[1]}.${m[2]}${m[3] ?? ''}`, major: Number(m[1]), minor: Number(m[2]), core: core !== null };
}

function toolEvidence(t: ToolVersion): string {
  const out = t.firstLine ?? `(${t.problem ?? 'no output'}${t.detail ? `: ${t.detail}` : ''})`;
  return [`$ ${t.command}`, out, ...(t.location ? [`executable location = ${t.location}`] : [])].join('\n');
}

function toolProblem(t: ToolVersion, timeoutMs: number): string | undefined {
  switch (t.problem) {
    case undefined:
      return undefined;
    case 'not-found':
      return `${t.command.split(' ')[0] ?? t.command} not found`;
    case 'timeout':
      return `${t.command} did not answer within ${timeoutMs / 1000} s`;
    case 'failed':
      return `${t.command} failed (${t.detail ?? 'no detail'})`;
  }
}

export function judgeAnsible(profile: InstallerProfile, f: AnsibleFacts): CheckResult {
  const evidence = [toolEvidence(f.playbook), toolEvidence(f.runner), `PATH=${f.searchPath}`].join('\n');
  const broken = [f.playbook, f.runner].map((t) => toolProblem(t, f.timeoutMs)).filter((p): p is string => p !== undefined);
  if (broken.length > 0) {
    const notFound = f.playbook.problem === 'not-found' || f.runner.problem === 'not-found';
    return fail(
      `${broken.join('; ')}: ${notFound ? "install Debian's ansible-core and python3-ansible-runner (scripts/setup.sh)" : 'the runner cannot start the install stages with it'}.`,
      notFound
        ? "apt-get install ansible-core python3-ansible-runner (or run scripts/setup.sh) on the wizard's machine, then check again. The runner looks for them on the wizard's PATH (see the evidence)."
        : "Run the command by hand on the wizard's machine as the wizard's user to see why, fix it, then check again.",
      evidence,
    );
  }
  const line = f.playbook.firstLine ?? '';
  const local = parseAnsibleVersion(line);
  const runner = `ansible-runner ${f.runner.firstLine ?? ''}`.trim();
  const pin = profile.ansible;
  if (!pin) return pass(`${line} and ${runner} on the wizard's machine; the ${profile.id} profile pins no Ansible version.`, evidence);
  const wanted = parseAnsibleVersion(pin.pinned);
  const bundle = profile.layout.name;
  if (!local || !wanted) {
    return warn(
      `Could not read Ansible's version from "${line}"; the ${bundle} bundle was written for ansible ${pin.pinned}.`,
      `${pin.note} Check which ansible-playbook the wizard finds on its PATH.`,
      evidence,
    );
  }
  if (local.major !== wanted.major || local.minor !== wanted.minor) {
    return warn(
      `The runner will use ${local.core ? 'ansible-core' : 'ansible'} ${local.version} ("${line}"), but the ${bundle} bundle was written for ansible ${pin.pinned}.`,
      `${pin.note} To install anyway, acknowledge this warning and read failures of the playbook stages with it in mind; or put an ansible ${wanted.major}.${wanted.minor}.x first on the wizard's PATH (pip install ansible==${pin.pinned} in a virtualenv with a Python it supports) and check again.`,
      evidence,
    );
  }
  return pass(`${line} matches the ansible ${wanted.major}.${wanted.minor}.x the ${bundle} bundle was written for; ${runner}.`, evidence);
}

export const installerBundleCheck: ClusterCheck = {
  id: 'installer-bundle',
  title: 'Installer bundle',
  run({ config, local }) {
    return judgeBundle(getProfile(config.installer.profile), local.bundle);
  },
};

export const localAnsibleCheck: ClusterCheck = {
  id: 'ansible-local',
  title: "Ansible on the wizard's machine",
  run({ config, local }) {
    return judgeAnsible(getProfile(config.installer.profile), local.ansible);
  },
};
