/**
 * "Installer's Ansible": is the Ansible the bundle pins already installed on the taskbox (found
 * first on the profile's taskbox PATH, `--version` answering with the pinned version)? Pure: the
 * taskbox's facts + the profile's `ansible` and `taskbox` data → one result.
 *
 * - pinned Ansible there: pass, the bootstrap will be skipped;
 * - otherwise the Prepare stage runs the bundle's bootstrap: warn, naming what it needs; but fail
 *   when it cannot work: the profile has no bootstrap, its script is not in the bundle, or none of
 *   the Pythons it needs exists and the profile says it cannot install one (`pythonIfMissing: null`).
 */
import { getProfile, type AnsiblePin, type InstallerProfile } from '../../installer-profiles/profiles';
import type { AnsibleFact, TaskboxFacts } from '../parse/taskbox';
import { bootstrapScriptOf } from '../taskbox-spec';
import { isTaskbox, taskboxWords } from '../taskbox';
import type { CheckResult, HostCheck } from '../types';
import { fail, pass, warn } from './util';

export function pinnedMatches(pin: AnsiblePin, version: string): boolean {
  const v = version.replace(/^v/i, '');
  return pin.pinnedMatch === 'exact' ? v === pin.pinned : v === pin.pinned || v.startsWith(`${pin.pinned}.`);
}

const pinText = (pin: AnsiblePin) => (pin.pinnedMatch === 'exact' ? `ansible ${pin.pinned}` : `ansible ${pin.pinned}.x`);

/** What is there, in operator words; `usable` when `--version` answered with a version. */
function describeAnsible(a: AnsibleFact, searchPath: string): { text: string; usable: boolean } {
  if (!a.path) return { text: `no ${a.command} on the taskbox PATH (${searchPath})`, usable: false };
  if (a.exitCode !== 0) {
    const last =
      a.output
        .split('\n')
        .filter((l) => l.trim() !== '')
        .slice(-1)[0]
        ?.trim() ?? '';
    const how = a.exitCode === 124 ? 'did not answer within 20 s' : `fails (exit ${a.exitCode ?? '?'}${last ? `: ${last}` : ''})`;
    return { text: `${a.path} --version ${how}`, usable: false };
  }
  if (!a.version) return { text: `${a.path} --version printed no version that could be read`, usable: false };
  return { text: `${a.path} is ansible ${a.version}${a.python ? ` on Python ${a.python}` : ''}`, usable: true };
}

function evidenceOf(f: TaskboxFacts, searchPath: string, bootstrapScript?: string): string {
  const a = f.ansible;
  const lines = [`PATH=${searchPath}`, `looked as: ${f.user}`];
  if (a)
    lines.push(
      `$ ${a.path ?? a.command} --version${a.exitCode !== undefined ? ` (exit ${a.exitCode})` : ''}`,
      a.path ? a.output || '(no output)' : `${a.command}: not found`,
    );
  for (const p of f.python) lines.push(`${p.command}: ${p.path ? `${p.path} ${p.version ?? ''}`.trim() : 'missing'}`);
  const script = f.bundle?.bootstrapScript;
  if (bootstrapScript && script) lines.push(`${bootstrapScript}: ${script}`);
  return lines.join('\n');
}

export function judgeInstallerAnsible(profile: InstallerProfile, name: string, f: TaskboxFacts): CheckResult | undefined {
  const { the: theTaskbox, bare: taskbox } = taskboxWords(name);
  const pin = profile.ansible;
  const a = f.ansible;
  if (!pin || !a) return undefined;
  const { bootstrap, bootstrapPython, path } = profile.taskbox;
  const searchPath = path.join(':');
  const script = bootstrapScriptOf(profile);
  const evidence = evidenceOf(f, searchPath, script);
  const found = describeAnsible(a, searchPath);
  const wanted = pinText(pin);
  const bundle = profile.layout.name;

  if (found.usable && a.version && pinnedMatches(pin, a.version)) {
    const next = bootstrap ? "the Prepare stage will skip the bundle's bootstrap" : 'nothing needs installing';
    return pass(`On ${theTaskbox}, ${found.text}: the ${wanted} the ${bundle} bundle is run with; ${next}.`, evidence);
  }
  const there = found.usable ? `${found.text}, not the ${wanted} the ${bundle} bundle is run with` : found.text;
  if (!bootstrap) {
    return fail(
      `On ${theTaskbox}, ${there}, and the ${profile.id} profile has no bootstrap that installs it.`,
      `${pin.note} Install ${wanted} on ${taskbox} so that ${a.command} is found first on ${searchPath}, then check again.`,
      evidence,
    );
  }
  const run = `the bundle's bootstrap (${bootstrap.argv.join(' ')} in ${bootstrap.cwd}/)`;
  const scriptState = f.bundle?.bootstrapScript;
  if (script && scriptState !== undefined && scriptState !== 'ok') {
    return fail(
      `On ${theTaskbox}, ${there}, and ${run}, which would install it, is ${scriptState === 'unreadable' ? 'not readable' : 'missing'} in the bundle (${script}).`,
      `Unpack the ${bundle} bundle on ${taskbox} again (it ships ${script}), or install ${wanted} there beforehand.`,
      evidence,
    );
  }
  const pythons = f.python.filter((p) => p.path);
  const python = pythons.map((p) => `${p.path ?? p.command}${p.version ? ` (${p.version})` : ''}`).join(', ');
  if (bootstrapPython.length > 0 && pythons.length === 0) {
    const none = `none of ${bootstrapPython.join(', ')} exists there`;
    if (bootstrap.pythonIfMissing === null) {
      return fail(
        `On ${theTaskbox}, ${there}; the Prepare stage would run ${run} to install it, but it needs a Python and ${none}.`,
        `Install the Python it needs on ${taskbox} (the bootstrap needs ${bootstrap.needs}), or install ${wanted} there beforehand; then check again.`,
        evidence,
      );
    }
    return warn(
      `On ${theTaskbox}, ${there}: the Prepare stage will run ${run} to install ${wanted}. ${none[0]?.toUpperCase()}${none.slice(1)} yet: ${bootstrap.pythonIfMissing}.`,
      `The bootstrap needs ${bootstrap.needs}. ${pin.note} To skip it, install ${wanted} on ${taskbox} beforehand.`,
      evidence,
    );
  }
  return warn(
    `On ${theTaskbox}, ${there}: the Prepare stage will run ${run} to install ${wanted}${python ? `, with ${python}` : ''}.`,
    `The bootstrap needs ${bootstrap.needs}. ${pin.note} To skip it, install ${wanted} on ${taskbox} beforehand.`,
    evidence,
  );
}

export const installerAnsibleCheck: HostCheck = {
  id: 'installer-ansible',
  title: "Installer's Ansible",
  run({ host, config, taskbox }) {
    if (!isTaskbox(host, config) || !taskbox?.ok) return undefined;
    return judgeInstallerAnsible(getProfile(config.installer.profile), host.name, taskbox.facts);
  },
};
