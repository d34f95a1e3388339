/**
 * The taskbox of an install as the runner reaches it: its SSH target (secrets resolved, host key
 * pinned to the one the operator trusted) and the known_hosts the taskbox's Ansible uses for every
 * other host. One place decides which machine is the taskbox.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { InstallerMachine } from '@/lib/config/installer-machine';
import type { InstallConfig } from '@/lib/config/schema';
import type { ValidInstallConfig } from '@/lib/config/validate';
import { getDb } from '../../db';
import { labDirectory } from '../../lab/read-lab';
import { endpointOf } from '../../preflight/host-keys';
import { sshTargetOf } from '../../preflight/host-shell';
import { taskboxOf } from '../../preflight/taskbox';
import type { HostKeyFingerprint, SshTarget } from '../../ssh';
import type { InstallerProfile } from '../../installer-profiles/profiles';
import { renderKnownHosts, type KnownHost } from '../run-files';

export class TaskboxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaskboxError';
  }
}

function requireTaskbox(config: ValidInstallConfig): InstallerMachine {
  const machine = taskboxOf(config);
  if (!machine)
    throw new TaskboxError(
      'no host is marked as the taskbox: mark the host the installer runs on (master1 in the docs) in the Hosts step, or name another machine in the installer settings',
    );
  return machine;
}

function labKnownHostsText(profile: InstallerProfile): string {
  if (!profile.labKnownHosts) return '';
  const file = path.join(labDirectory(), 'known_hosts');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
}

/** The trusted key of `host`'s endpoint; for a lab profile also a recorded key the lab's own known_hosts vouches for. */
async function trustedKeyOf(installId: string, host: { address: string; port: number }, profile: InstallerProfile): Promise<HostKeyFingerprint | undefined> {
  const row = await getDb().hostKey.findUnique({ where: { installId_address: { installId, address: endpointOf(host) } } });
  if (!row || row.pendingFingerprint) return undefined;
  if (row.trusted) return { algorithm: row.algorithm, fingerprint: row.fingerprint };
  if (
    row.publicKey &&
    labKnownHostsText(profile)
      .split('\n')
      .some((l) => l.includes(row.publicKey))
  )
    return { algorithm: row.algorithm, fingerprint: row.fingerprint };
  return undefined;
}

/**
 * The SSH target of a cluster host as the runner reaches it after a run: secrets resolved, host key
 * pinned to the trusted one; TaskboxError (operator words) when it cannot be logged in to or its key
 * is not trusted. Used for reading the kubeconfig from the first master.
 */
export async function trustedHostTarget(installId: string, host: InstallConfig['hosts'][number], profile: InstallerProfile): Promise<SshTarget> {
  const t = sshTargetOf(host);
  if ('missing' in t) throw new TaskboxError(`the wizard cannot log in to ${host.name}: ${t.missing}. Enter its SSH login in the Hosts step.`);
  const key = await trustedKeyOf(installId, host, profile);
  if (!key) throw new TaskboxError(`the host key of ${host.name} is not trusted: check the hosts and trust its key on the host checks page`);
  return { ...t.target, expectedHostKey: key };
}

export async function taskboxTarget(installId: string, config: ValidInstallConfig, profile: InstallerProfile): Promise<SshTarget> {
  const host = requireTaskbox(config);
  const t = sshTargetOf(host);
  if ('missing' in t) throw new TaskboxError(`the wizard cannot log in to the taskbox ${host.name}: ${t.missing}. Enter its SSH login in the Hosts step.`);
  const key = await trustedKeyOf(installId, host, profile);
  if (!key)
    throw new TaskboxError(
      `the host key of the taskbox ${host.name} is not trusted: check the hosts and trust its key on the host checks page before installing`,
    );
  return { ...t.target, expectedHostKey: key };
}

/** known_hosts for the taskbox's Ansible: the trusted key of every cluster host's endpoint (none: Ansible's strict checking refuses that host). */
export async function knownHostsFor(installId: string, config: ValidInstallConfig, profile: InstallerProfile): Promise<string> {
  const rows = await getDb().hostKey.findMany({ where: { installId, trusted: true } });
  const keys: KnownHost[] = [];
  // the cluster's hosts and the internal load balancer's (its stage logs in to them)
  const lbHosts = config.loadBalancer.kind === 'internal' ? config.loadBalancer.hosts : [];
  for (const host of [...config.hosts, ...lbHosts]) {
    const row = rows.find((r) => r.address === endpointOf(host) && !r.pendingFingerprint);
    if (row) keys.push({ address: host.address, port: host.port, algorithm: row.algorithm, publicKey: row.publicKey });
  }
  return (keys.length > 0 ? renderKnownHosts(keys) : '') + labKnownHostsText(profile);
}
