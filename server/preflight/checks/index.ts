/** The check catalog: per-host checks in display order (the taskbox's installer checks last), then cluster-wide checks. */
import type { ClusterCheck, HostCheck } from '../types';
import { installerBundleCheck } from './bundle';
import { installerAnsibleCheck } from './installer-ansible';
import { installerDiskCheck, taskboxMarkedCheck, taskboxReachCheck } from './taskbox';
import { cidrCheck, hostnamesUniqueCheck, loadBalancerCheck, resourcesTotalCheck } from './cluster';
import { lbVipFreeCheck, lbVipSubnetCheck, lbVrrpCheck } from './lb-cluster';
import { lbInterfaceCheck, lbPackagesCheck, lbPortCheck } from './lb-host';
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
 * The checks of an internal load balancer's host (after ssh and sudo): its IP on an interface, the
 * VRRP interface holding the VIP's subnet, the listen port free, HAProxy and keepalived installable.
 * VRRP between the LB hosts and the VIP are judged cluster-wide (lb-cluster.ts).
 */
export const LB_HOST_CHECKS: readonly HostCheck[] = [ipLocalCheck, lbInterfaceCheck, lbPortCheck, lbPackagesCheck];

export const CLUSTER_CHECKS: readonly ClusterCheck[] = [
  resourcesTotalCheck,
  hostnamesUniqueCheck,
  cidrCheck,
  loadBalancerCheck,
  lbVipSubnetCheck,
  lbVipFreeCheck,
  lbVrrpCheck,
  taskboxMarkedCheck,
];

/** id → title for every check, in display order (the UI's matrix columns). */
export const CHECK_TITLES: ReadonlyMap<string, string> = new Map([
  ...CONNECTION_CHECKS.map((c) => [c.id, c.title] as const),
  ...HOST_CHECKS.map((c) => [c.id, c.title] as const),
  ...LB_HOST_CHECKS.filter((c) => !HOST_CHECKS.includes(c)).map((c) => [c.id, c.title] as const),
  ...CLUSTER_CHECKS.map((c) => [c.id, c.title] as const),
]);
