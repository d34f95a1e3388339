/**
 * "Installer bundle": the bundle on the taskbox, judged against its profile's `layout` and
 * `version` (data in server/installer-profiles/profiles.ts). Pure: the taskbox's facts (taskbox-script.ts) →
 * one result; the install gate judges its own look at install time with the same function.
 *
 * The version is the one the bundle SHIPPED with: write-config keeps the original of each config
 * file it overwrites under SHIPPED_DIR, and that copy rules over the file the wizard rewrote.
 * A missing, incomplete, unreadable or other-version bundle fails; a version that cannot be read warns.
 */
import { getProfile, type InstallerProfile } from '../../installer-profiles/profiles';
import type { TaskboxLook } from '../gather-taskbox';
import type { BundleEntry, TaskboxBundleFacts } from '../parse/taskbox';
import { isTaskbox, taskboxBundlePath, taskboxLoginHint, taskboxWords, taskboxLoginProblem, type TaskboxBundlePath } from '../taskbox';
import type { CheckResult, HostCheck } from '../types';
import { fail, pass, warn } from './util';

const SETTINGS = 'the installer settings (wizard step "Network & options", card Installer)';

const list = (entries: readonly BundleEntry[]) => entries.map((e) => (e.kind === 'dir' ? `${e.path}/` : e.path)).join(', ');
const sameVersion = (a: string, b: string) => a.replace(/^v/i, '') === b.replace(/^v/i, '');

function evidenceOf(taskbox: string, user: string, b: TaskboxBundleFacts): string {
  const mark: Record<BundleEntry['state'], string> = { ok: 'ok', missing: 'missing', 'wrong-kind': 'wrong kind', unreadable: 'not readable' };
  const v = b.version;
  const version = v
    ? [`${v.readFrom}:${v.line ?? '?'} ${v.key}: ${v.value ?? '(none)'}${v.shipped ? ` (the shipped ${v.file}, kept before the wizard wrote its own)` : ''}`]
    : [];
  return [
    `bundle: ${b.path} on ${taskbox}`,
    `looked as: ${user}`,
    `${b.path}/: ${mark[b.root]}`,
    ...b.entries.map((e) => `${e.kind === 'dir' ? `${e.path}/` : e.path}: ${mark[e.state]}`),
    ...version,
  ].join('\n');
}

/** "/opt/ks (bundlePath)" or "/opt/ks-lab-installer (the lab profile's default)". */
function whereOf(path: string, location: TaskboxBundlePath, profile: InstallerProfile): string {
  return 'from' in location && location.from === 'default' ? `${path} (the ${profile.id} profile's default)` : `${path} (bundlePath)`;
}

/** The bundle as found on the taskbox; `look` is undefined when the bundle path itself is unusable. */
export function judgeBundle(profile: InstallerProfile, name: string, location: TaskboxBundlePath, look: TaskboxLook | undefined): CheckResult {
  const { layout, version } = profile;
  const { the: theTaskbox, bare: taskbox } = taskboxWords(name);
  if ('problem' in location) {
    return location.problem === 'none'
      ? fail(
          `The install has no installer bundle path on ${theTaskbox}: the ${profile.id} profile has no default.`,
          `Unpack the ${layout.name} bundle on ${taskbox} and set its absolute path there in ${SETTINGS}.`,
        )
      : fail(
          `The installer bundle path "${location.configured}" is not absolute: the bundle is looked up and run on ${theTaskbox}, where a relative path has no fixed meaning.`,
          `Set the absolute path of the unpacked bundle on ${taskbox} (e.g. /opt/kubesphere-all-advanced-2.0.2) in ${SETTINGS}.`,
        );
  }
  const { path } = location;
  if (!look?.ok || !look.facts.bundle) {
    const why = !look ? 'nothing was reported' : look.ok ? 'the look stopped before it reached the bundle' : look.error;
    return fail(
      `Could not look at the installer bundle on ${theTaskbox} at ${path}: ${why}.`,
      'Check that the SSH and sudo checks of the taskbox pass, then check again.',
      why,
    );
  }
  const { user } = look.facts;
  const b = look.facts.bundle;
  const where = whereOf(path, location, profile);
  const evidence = evidenceOf(taskbox, user, b);
  switch (b.root) {
    case 'missing':
      return fail(
        `No installer bundle on ${theTaskbox} at ${where}.`,
        `Unpack the ${layout.name} bundle on ${taskbox} at ${path}, or set the path where it is unpacked on ${taskbox} in ${SETTINGS}.`,
        evidence,
      );
    case 'wrong-kind':
      return fail(
        `${path} on ${theTaskbox} is a file, not an unpacked bundle folder.`,
        `Unpack it on ${taskbox} (tar -xzf) and set the path to the folder it creates, in ${SETTINGS}.`,
        evidence,
      );
    case 'unreadable':
      return fail(
        `${user} cannot read the installer bundle on ${theTaskbox} at ${where}.`,
        `On ${taskbox}: chmod -R a+rX ${path} (and let ${user} search the folders above it).`,
        evidence,
      );
    case 'ok':
      break;
  }

  const problems: string[] = [];
  const hints: string[] = [];
  const v = b.version;
  const found = v?.value;
  if (version && v && found !== undefined && !sameVersion(found, version.expected)) {
    const source = v.shipped ? `${v.readFrom} ${v.key}, the ${v.file} it shipped with` : `${v.file} ${v.key}`;
    problems.push(`The bundle on ${theTaskbox} at ${path} is KubeSphere ${found} (${source}) but the install is set up for ${version.expected}.`);
    hints.push(`Unpack the ${version.expected} bundle on ${taskbox}, or choose the installer profile that matches ${found}.`);
  }
  const missing = b.entries.filter((e) => e.state === 'missing' || e.state === 'wrong-kind');
  if (missing.length > 0) {
    problems.push(`${path} on ${theTaskbox} is not a ${layout.name} bundle: missing ${list(missing)}.`);
    if (hints.length === 0)
      hints.push(
        `Unpack the ${layout.name} bundle on ${taskbox} again, or point the path at the folder it unpacked to (it holds ${layout.dirs.map((d) => `${d}/`).join(' ')}), in ${SETTINGS}.`,
      );
  }
  const unreadable = b.entries.filter((e) => e.state === 'unreadable');
  if (v?.unreadable) unreadable.push({ path: v.readFrom, kind: 'file', state: 'unreadable' });
  if (unreadable.length > 0) {
    problems.push(`${user} cannot read ${list(unreadable)} in ${path} on ${theTaskbox}.`);
    hints.push(`On ${taskbox}: chmod -R a+rX ${path}.`);
  }
  if (problems.length > 0) return fail(problems.join(' '), hints.join(' '), evidence);

  if (version && v && found === undefined) {
    return warn(
      `Could not tell the version of the bundle on ${theTaskbox} at ${where}: ${v.readFrom} has no ${v.key} (the ${version.expected} bundle ships "${v.key}: ${version.expected}").`,
      `Check that this is the ${version.expected} bundle: its ${v.file} as shipped states "${v.key}: ${version.expected}".`,
      evidence,
    );
  }
  const stated = version && v && found !== undefined ? `; ${v.file} says ${v.key}: ${found}${v.shipped ? ' (as shipped)' : ''}` : '';
  return pass(
    `${layout.name} bundle on ${theTaskbox} at ${where}: ${layout.dirs.length} folders and ${layout.files.length} playbooks present${stated}.`,
    evidence,
  );
}

/** On the taskbox's row; a taskbox without a login fails here (nothing could be looked at). */
export const installerBundleCheck: HostCheck = {
  id: 'installer-bundle',
  title: 'Installer bundle',
  run({ host, config, taskbox }) {
    if (!isTaskbox(host, config)) return undefined;
    const noLogin = taskboxLoginProblem(host);
    if (noLogin) return fail(noLogin, taskboxLoginHint(host.name));
    const profile = getProfile(config.installer.profile);
    return judgeBundle(profile, host.name, taskboxBundlePath(config, profile), taskbox);
  },
};
