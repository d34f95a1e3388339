/**
 * The files of the internal-lb stage (the builtin internal-lb playbook on the LB hosts). Pure.
 *
 *   inv/lb-hosts.yml     the LB hosts: SSH address, port, user, and the playbook's per-host inputs
 *                        (ksw_lb_ip, ksw_lb_interface, ksw_lb_priority); no secret; they are in no
 *                        group of the cluster's hosts.ini
 *   extra-vars.json      the run's extra vars plus the VIP, prefix, listen port, router id, the
 *                        masters as backends and their apiserver port (the profile's)
 *   secret/hosts.yml     per LB host: ansible_ssh_pass, ansible_become_pass, key file
 *   secret/vars.json     ksw_lb_vrrp_password: read with -e @file, never on a command line
 *   secret/keys/<host>   unlocked private keys of key-auth LB hosts
 * The first LB host has the highest priority: keepalived starts it as MASTER.
 */
import { virtualRouterIdOf } from '@/lib/config/internal-lb';
import type { InternalLoadBalancer } from '@/lib/config/schema';
import { secretValue } from '@/lib/config/secret';
import type { ValidInstallConfig } from '@/lib/config/validate';
import type { StagePaths } from './layout';
import type { RemoteFile } from './remote-files';
import { hostSecretVars } from './stage-files';

const TOP_PRIORITY = 150;
const PRIORITY_STEP = 10;

export const lbPriorityOf = (index: number): number => Math.max(1, TOP_PRIORITY - PRIORITY_STEP * index);

export function internalLbOf(config: ValidInstallConfig): InternalLoadBalancer {
  if (config.loadBalancer.kind !== 'internal') throw new Error('this install has no internal load balancer: the internal-lb stage does not apply');
  return config.loadBalancer;
}

export function lbInventory(
  lb: InternalLoadBalancer,
  hostVars: Record<string, string> = {},
): { all: { hosts: Record<string, Record<string, string | number>> } } {
  const hosts: Record<string, Record<string, string | number>> = {};
  lb.hosts.forEach((host, index) => {
    hosts[host.name] = {
      ...hostVars,
      ansible_host: host.address,
      ansible_port: host.port,
      ...(host.user === 'root' ? {} : { ansible_user: host.user }),
      ksw_lb_ip: host.ip,
      ksw_lb_interface: host.vrrpInterface,
      ksw_lb_priority: lbPriorityOf(index),
    };
  });
  return { all: { hosts } };
}

export function lbStageVars(config: ValidInstallConfig, apiserverPort = 6443): Record<string, unknown> {
  const lb = internalLbOf(config);
  return {
    ksw_lb_apiserver_port: apiserverPort,
    ksw_lb_vip: lb.vip,
    ksw_lb_prefix: lb.prefixLength,
    ksw_lb_port: lb.port,
    ksw_lb_router_id: virtualRouterIdOf(lb),
    ksw_lb_backends: config.hosts.filter((h) => h.roles.master).map((h) => ({ name: h.name, ip: h.ip })),
  };
}

export interface InternalLbFilesInput {
  config: ValidInstallConfig;
  paths: StagePaths;
  runScript: string;
  extraVars: Record<string, unknown>;
  knownHosts: string;
  /** Unlocked private key text per LB host name. */
  keys: ReadonlyMap<string, string>;
  /** The builtin playbook's files (builtin-playbooks.ts). */
  builtinFiles: RemoteFile[];
  /** The profile's apiserver port on the masters (the backends; default 6443) and LB host vars. */
  profile?: { apiserverPort: number; lbHostVars: Record<string, string> };
}

export function internalLbStageFiles(input: InternalLbFilesInput): RemoteFile[] {
  const { config, paths } = input;
  const lb = internalLbOf(config);
  const secretHosts: Record<string, Record<string, string>> = {};
  for (const host of lb.hosts) secretHosts[host.name] = hostSecretVars(host, paths, input.keys.has(host.name));
  const vrrp = secretValue(lb.vrrpPassword);
  if (vrrp === undefined) throw new Error('the VRRP password of the internal load balancer is not set: enter it on the Load balancer step');
  const files: RemoteFile[] = [
    { path: paths.runScript, content: input.runScript, mode: 0o600 },
    { path: paths.extraVars, content: JSON.stringify({ ...input.extraVars, ...lbStageVars(config, input.profile?.apiserverPort) }), mode: 0o600 },
    { path: paths.knownHosts, content: input.knownHosts, mode: 0o600 },
    { path: paths.lbInventory, content: JSON.stringify(lbInventory(lb, input.profile?.lbHostVars)), mode: 0o600 },
    { path: paths.secretInventory, content: JSON.stringify({ all: { hosts: secretHosts } }), mode: 0o600 },
    { path: paths.secretVars, content: JSON.stringify({ ksw_lb_vrrp_password: vrrp }), mode: 0o600 },
  ];
  for (const [name, text] of input.keys) files.push({ path: paths.keyFile(name), content: text.endsWith('\n') ? text : `${text}\n`, mode: 0o600 });
  return [...files, ...input.builtinFiles];
}
