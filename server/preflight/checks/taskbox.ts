/**
 * The taskbox's own checks beside the bundle and its Ansible: it reaches every host's SSH port
 * (the install's Ansible connects from there), it has room for the installer's logs, and, cluster
 * wide, that some host is the taskbox at all. Pure.
 */
import type { Host, InstallConfig } from '@/lib/config/schema';
import type { ProbeLine } from '../parse/misc';
import type { TaskboxBundleFacts } from '../parse/taskbox';
import { taskboxSshTargets } from '../probe-targets';
import { isTaskbox, taskboxLoginProblem, taskboxOf, taskboxWords } from '../taskbox';
import type { CheckResult, ClusterCheck, HostCheck } from '../types';
import { fail, gib, pass, warn } from './util';

/** Below this free space on the logs' file system: a warning (a full install writes a few hundred MB of logs). */
export const LOG_DISK_MIN_KB = 1024 * 1024;

const WHY: Record<ProbeLine['kind'], string> = {
  open: 'answers',
  refused: 'connection refused (no sshd listens on that port)',
  unreachable: '"no route to host" (a firewall rejects it, or there is no route)',
  timeout: 'no answer within 3 s (a firewall or security group drops it)',
  dns: 'the name does not resolve on the taskbox',
  error: 'could not be tested',
};

export function judgeTaskboxReach(taskbox: Host, config: InstallConfig, probes: readonly ProbeLine[], rawProbes = ''): CheckResult | undefined {
  const targets = taskboxSshTargets(taskbox, config);
  if (targets.length === 0) return undefined;
  const bad: string[] = [];
  const lines = targets.map((t) => {
    const p = probes.find((x) => x.target === t.target) ?? { target: t.target, kind: 'error' as const, detail: 'not tested' };
    const why = p.kind === 'error' && p.detail ? `${WHY.error}: ${p.detail}` : WHY[p.kind];
    if (p.kind !== 'open') bad.push(`${t.host} (${t.target}: ${why})`);
    return `${t.label}: ${why}`;
  });
  const { the, bare } = taskboxWords(taskbox.name);
  const The = `${the[0]?.toUpperCase() ?? ''}${the.slice(1)}`;
  const evidence = `TCP connects from ${bare}:\n${lines.join('\n')}${rawProbes ? `\n\nraw:\n${rawProbes}` : ''}`;
  if (bad.length > 0) {
    return fail(
      `${The} cannot open the SSH port of ${bad.join('; ')}: the install's Ansible connects to every host from there.`,
      `Make sshd listen on that address and port, and let ${the} through: the host's firewall or security group must allow TCP to the SSH port from ${bare}, and a route must exist between them. Then check again.`,
      evidence,
    );
  }
  return pass(`${The} reaches the SSH port of ${targets.length} host${targets.length === 1 ? '' : 's'}.`, evidence);
}

export function judgeLogDisk(name: string, bundle: TaskboxBundleFacts): CheckResult | undefined {
  const { the, bare } = taskboxWords(name);
  const d = bundle.disk;
  if (!d) return undefined;
  const evidence = `${d.dir}: ${d.availKb} KiB free on ${d.mount}`;
  if (d.availKb < LOG_DISK_MIN_KB) {
    return warn(
      `Only ${gib(d.availKb)} free on ${d.mount} of ${the}, where the installer writes its logs (${d.dir}); a full install's logs take a few hundred MB.`,
      `Free space on ${d.mount} of ${bare} (at least 1 GB), or unpack the bundle on a larger file system.`,
      evidence,
    );
  }
  return pass(`${gib(d.availKb)} free on ${d.mount} of ${the} for the installer's logs (${d.dir}).`, evidence);
}

export const taskboxReachCheck: HostCheck = {
  id: 'taskbox-ssh',
  title: 'SSH from the taskbox',
  run({ host, config, facts }) {
    if (!isTaskbox(host, config) || taskboxLoginProblem(host)) return undefined;
    return judgeTaskboxReach(host, config, facts.probes, facts.raw.get('probes'));
  },
};

export const installerDiskCheck: HostCheck = {
  id: 'installer-disk',
  title: 'Disk for installer logs',
  run({ host, config, taskbox }) {
    if (!isTaskbox(host, config) || !taskbox?.ok || !taskbox.facts.bundle) return undefined;
    return judgeLogDisk(host.name, taskbox.facts.bundle);
  },
};

export function judgeTaskboxMarked(config: InstallConfig): CheckResult | undefined {
  if (taskboxOf(config)) return undefined;
  return fail(
    'No host is the taskbox: the installer bundle is unpacked on the taskbox and its Ansible runs the install from there, so there is nothing to check it on.',
    'Mark the host that holds the unpacked bundle (master1 in the docs) as the taskbox in the Hosts step, then check again.',
  );
}

export const taskboxMarkedCheck: ClusterCheck = {
  id: 'taskbox',
  title: 'Taskbox',
  run: ({ config }) => judgeTaskboxMarked(config),
};
