/** The check catalog: per-host checks in display order (the taskbox's installer checks last), then cluster-wide checks. */
import type { ClusterCheck, HostCheck } from '../types';
import { installerBundleCheck } from './bundle';
import { installerAnsibleCheck } from './installer-ansible';
import { installerDiskCheck, taskboxMarkedCheck, taskboxReachCheck } from './taskbox';
import { cidrCheck, hostnamesUniqueCheck, loadBalancerCheck, resourcesTotalCheck } from './cluster';
import { clusterNetworkCheck, firewallCheck, ipLocalCheck, portsCheck, storageReachCheck } from './network';
import { cpuMemoryCheck, diskCheck, swapCheck } from './resources';
import { dnsCheck, hostnameCheck, leftoversCheck, osCheck, pythonCheck, toolsCheck } from './system';
import { clockCheck, fsyncCheck } from './timing';

/** Checks made by the runner itself, before the gathered facts exist. */
export const CONNECTION_CHECKS = [
  { id: 'ssh', title: 'SSH login' },
  { id: 'sudo', title: 'sudo' },
] as const;

export const HOST_CHECKS: readonly HostCheck[] = [
  osCheck,
  cpuMemoryCheck,
  diskCheck,
  hostnameCheck,
  ipLocalCheck,
  clockCheck,
  swapCheck,
  pythonCheck,
  portsCheck,
  firewallCheck,
  leftoversCheck,
  dnsCheck,
  toolsCheck,
  fsyncCheck,
  clusterNetworkCheck,
  storageReachCheck,
  installerBundleCheck,
  installerAnsibleCheck,
  taskboxReachCheck,
  installerDiskCheck,
];

/**
 * The checks of an installer machine outside the cluster (after ssh and sudo): the taskbox's own
 * (bundle, its Ansible, SSH to every host, disk for the logs), none of a cluster host's.
 */
export const INSTALLER_MACHINE_CHECKS: readonly HostCheck[] = [installerBundleCheck, installerAnsibleCheck, taskboxReachCheck, installerDiskCheck];

/**
 * The checks of an internal load balancer's host (after ssh and sudo): its VRRP address is on an
 * interface. The LB's own checks (listen port free, VRRP between the LB hosts, the VIP unused) are
 * not here yet.
 */
export const LB_HOST_CHECKS: readonly HostCheck[] = [ipLocalCheck];

export const CLUSTER_CHECKS: readonly ClusterCheck[] = [resourcesTotalCheck, hostnamesUniqueCheck, cidrCheck, loadBalancerCheck, taskboxMarkedCheck];

/** id → title for every check, in display order (the UI's matrix columns). */
export const CHECK_TITLES: ReadonlyMap<string, string> = new Map([
  ...CONNECTION_CHECKS.map((c) => [c.id, c.title] as const),
  ...HOST_CHECKS.map((c) => [c.id, c.title] as const),
  ...CLUSTER_CHECKS.map((c) => [c.id, c.title] as const),
]);
