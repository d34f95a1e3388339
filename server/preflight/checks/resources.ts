/**
 * Per-host sizing (reference §4.2): Kubespray's hard floor (masters ≥ 1500 MB RAM, nodes ≥ 1024 MB),
 * the docs' system disk ≥ 40 GB, and swap (the installer turns it off).
 */
import type { HostCheck } from '../types';
import { hostRoles } from '../types';
import { gib, mib, minimumStatus, pass, section, warn } from './util';

export const MASTER_MIN_MEM_MB = 1500;
export const NODE_MIN_MEM_MB = 1024;
export const MIN_DISK_GB = 40;
/** Below this much free space image pulls fail outright. */
export const MIN_FREE_DISK_GB = 10;

export const cpuMemoryCheck: HostCheck = {
  id: 'cpu-memory',
  title: 'CPU and memory',
  run({ facts, host, minimums }) {
    const evidence = `nproc: ${section(facts, 'nproc')}\n${section(facts, 'meminfo')}`;
    if (!facts.mem || facts.cpus === undefined)
      return warn('Could not read the CPU count or /proc/meminfo.', 'Check that nproc and /proc/meminfo are readable.', evidence);
    const memMb = facts.mem.memTotalKb / 1024;
    const isMaster = hostRoles(host).includes('master');
    // Kubespray compares ansible_memtotal_mb, which is MemTotal.
    const floor = isMaster ? MASTER_MIN_MEM_MB : NODE_MIN_MEM_MB;
    const what = `${facts.cpus} CPU, ${mib(facts.mem.memTotalKb)} RAM`;
    if (memMb < floor) {
      return {
        status: minimumStatus(minimums),
        message: `${what}: below Kubespray's minimum of ${floor} MB for a ${isMaster ? 'master' : 'node'} (the install stops at its memory assert).${minimums === 'warn' ? ' Not enforced for this installer profile.' : ''}`,
        hint: `Give the host at least ${floor} MB of RAM (the docs' multi-node minimum is 16 GB in total).`,
        evidence,
      };
    }
    if (facts.cpus < 2) {
      return warn(`${what}: a single CPU is too little for Kubernetes components.`, 'Give each host at least 2 CPUs (the cluster needs 8 in total).', evidence);
    }
    return pass(`${what} (minimum for a ${isMaster ? 'master' : 'node'}: ${floor} MB).`, evidence);
  },
};

export const diskCheck: HostCheck = {
  id: 'disk',
  title: 'Disk',
  run({ facts, minimums }) {
    const evidence = section(facts, 'df');
    const root = facts.disks.find((d) => d.mount === '/') ?? facts.disks[0];
    if (!root) return warn('Could not read the size of the system disk (df -P /).', 'Check that df works on the host.', evidence);
    const sizeGb = root.sizeKb / 1024 / 1024;
    const freeGb = root.availKb / 1024 / 1024;
    const what = `System disk ${gib(root.sizeKb)} with ${gib(root.availKb)} free`;
    if (freeGb < MIN_FREE_DISK_GB) {
      return {
        status: minimumStatus(minimums),
        message: `${what}: Docker images alone need about ${MIN_FREE_DISK_GB} GB.`,
        hint: `Free space on / (or /var/lib) or grow the disk to at least ${MIN_DISK_GB} GB.`,
        evidence,
      };
    }
    if (sizeGb < MIN_DISK_GB) {
      return warn(
        `${what}: the docs ask for a system disk of at least ${MIN_DISK_GB} GB per host.`,
        `Grow the system disk to ${MIN_DISK_GB} GB or more (100 GB for the offline bundle).`,
        evidence,
      );
    }
    return pass(`${what} (minimum ${MIN_DISK_GB} GB).`, evidence);
  },
};

export const swapCheck: HostCheck = {
  id: 'swap',
  title: 'Swap',
  run({ facts }) {
    const evidence = section(facts, 'swaps');
    if (facts.swaps.length === 0) return pass('Swap is off.', evidence);
    const total = facts.swaps.reduce((n, s) => n + s.sizeKb, 0);
    return warn(
      `Swap is on (${facts.swaps.map((s) => s.name).join(', ')}, ${mib(total)}): kubelet refuses to run with swap, so the installer turns it off and comments it out of /etc/fstab.`,
      'Nothing to do if that is acceptable; otherwise turn it off yourself: swapoff -a and remove the swap line from /etc/fstab.',
      evidence,
    );
  },
};
