/**
 * Lab hosts as install-config hosts: one pure function shared by the "Use the local lab" route
 * (apply-lab-hosts.ts) and the test/benchmark helpers that build a `lab`-profile install.
 *
 * Every host gets address = ip = the lab address, the lab port, and the given login; the first
 * host (lab1) is the taskbox, which the wizard logs in to with that same login to run the installer
 * there (`installer.machine` = taskbox). The roles follow one of the named conventions below (the
 * callers have always differed here, and each keeps its own).
 */
import type { Host, InstallConfig, InstallerSettings } from '@/lib/config/schema';
import { defaultConfig, defaultHost } from '@/lib/config/defaults';

/** What a lab host contributes: LabHostState (lab/state.ts) and LabHostView (read-lab.ts) both fit. */
export interface LabHostAddress {
  name: string;
  address: string;
  port: number;
}

/** How every lab host is logged in to. */
export interface LabHostLogin {
  user: string;
  auth: Host['auth'];
  becomePassword: Host['becomePassword'];
}

/**
 * - `hosts-ini`: as the lab's own hosts.ini: the first 3 hosts (1 when fewer than 3) are master +
 *   etcd, the rest workers; with no worker left, the masters also work.
 * - `first-three-masters`: the first 3 hosts are master + etcd, the rest workers; with fewer than 3
 *   hosts every host also works.
 * - `last-host-works`: the first 3 hosts (all when fewer) are master + etcd, the rest workers; the
 *   last host always works.
 */
export type LabRoleConvention = 'hosts-ini' | 'first-three-masters' | 'last-host-works';

/** The lab user, with its password as both the SSH password and the sudo password. */
export function labPasswordLogin(user: string, password: string): LabHostLogin {
  return {
    user,
    auth: { kind: 'password', password: { set: true, value: password } },
    becomePassword: { set: true, value: password },
  };
}

export function labHostRoles(convention: LabRoleConvention, index: number, count: number): Host['roles'] {
  switch (convention) {
    case 'hosts-ini': {
      const masters = count >= 3 ? 3 : 1;
      const master = index < masters;
      return { master, etcd: master, worker: master ? count <= masters : true };
    }
    case 'first-three-masters': {
      const master = index < 3;
      return { master, etcd: master, worker: index >= 3 || count < 3 };
    }
    case 'last-host-works': {
      const master = index < Math.min(3, count);
      return { master, etcd: master, worker: !master || index === count - 1 };
    }
  }
}

export function labConfigHosts(hosts: readonly LabHostAddress[], login: LabHostLogin, roles: LabRoleConvention): Host[] {
  return hosts.map((h, i) =>
    defaultHost({
      name: h.name,
      address: h.address,
      ip: h.address,
      port: h.port,
      user: login.user,
      // Each host its own copy: nothing downstream may see one host's secrets change with another's.
      auth: structuredClone(login.auth),
      becomePassword: structuredClone(login.becomePassword),
      taskbox: i === 0,
      roles: labHostRoles(roles, i, hosts.length),
    }),
  );
}

/** The installer settings of a lab install: the `lab` stand-in bundle (its default path), run on the taskbox lab1. */
export function labInstallerSettings(): InstallerSettings {
  return { profile: 'lab', bundlePath: '', machine: { kind: 'taskbox' } };
}

/** A fresh `lab`-profile install config on the lab hosts (the rest as defaultConfig('lab')). */
export function newLabConfig(hosts: readonly LabHostAddress[], login: LabHostLogin, roles: LabRoleConvention): InstallConfig {
  const config = defaultConfig('lab');
  config.installer = labInstallerSettings();
  config.hosts = labConfigHosts(hosts, login, roles);
  return config;
}
