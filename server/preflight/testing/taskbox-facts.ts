/** TaskboxFacts fixtures for unit tests of the installer checks: a complete bundle, Ansible as asked. */
import type { InstallerProfile } from '../../installer-profiles/profiles';
import type { TaskboxLook } from '../gather-taskbox';
import type { AnsibleFact, BundleEntry, TaskboxBundleFacts, TaskboxFacts } from '../parse/taskbox';
import { bundleEntriesOf } from '../taskbox-spec';

/** Every entry the profile asks for, all present, with the given states overriding. */
export function entries(profile: InstallerProfile, states: Record<string, BundleEntry['state']> = {}): BundleEntry[] {
  return bundleEntriesOf(profile).map((e) => ({ ...e, state: states[e.path] ?? 'ok' }));
}

export function bundleFacts(profile: InstallerProfile, over: Partial<TaskboxBundleFacts> = {}): TaskboxBundleFacts {
  return {
    path: '/opt/ks',
    root: 'ok',
    entries: entries(profile),
    disk: { dir: '/opt/ks/logs', availKb: 20 * 1024 * 1024, mount: '/opt' },
    ...over,
  };
}

/** `ansible-playbook --version` as found at `path` printing `firstLine` (python 2.7.18). */
export function ansibleFact(firstLine: string | undefined, path = '/usr/local/bin/ansible-playbook', exitCode = 0): AnsibleFact {
  if (firstLine === undefined) return { command: 'ansible-playbook', output: '' };
  const version = /(\d+\.\d+\.\d+)/.exec(firstLine)?.[1];
  return {
    command: 'ansible-playbook',
    path,
    exitCode,
    firstLine,
    ...(version ? { version } : {}),
    python: '2.7.18',
    output: `${firstLine}\n  python version = 2.7.18 (default) [GCC 12.2.0]`,
  };
}

export function taskboxFacts(over: Partial<TaskboxFacts> = {}): TaskboxFacts {
  return { user: 'root', python: [], complete: true, raw: new Map(), ...over };
}

export const looked = (facts: TaskboxFacts): TaskboxLook => ({ ok: true, facts });
