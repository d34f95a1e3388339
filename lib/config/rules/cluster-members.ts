/**
 * Rules that hold while the cluster exists (the install, or a later add, joined these hosts):
 * Kubernetes, etcd and the certificates know a node by its name and address, so an existing node
 * keeps its line (the docs: "host names of existing nodes must never change"); only workers can be
 * added (add-nodes.sh: new lines go to [all] and [kube-node] only); an all-in-one cluster with Local
 * Volume cannot grow (its storage lives on the one node). A node leaves through the Remove
 * operation, never by deleting its line.
 *
 * Pure. `members` are the cluster's nodes as they joined; every issue is an error at the field that
 * breaks the rule.
 */
import type { ConfigIssue } from '../issues';
import type { InstallConfig, Role } from '../schema';
import { error, hostPath, indexedHosts } from './helpers';

export interface ClusterMember {
  name: string;
  /** SSH address as the node joined. */
  address: string;
  ip: string;
  roles: Role[];
}

const ROLE_ORDER: Role[] = ['master', 'etcd', 'worker'];
const rolesOf = (roles: Record<Role, boolean>): Role[] => ROLE_ORDER.filter((r) => roles[r]);

export function clusterMemberIssues(config: InstallConfig, members: readonly ClusterMember[]): ConfigIssue[] {
  if (members.length === 0) return [];
  const issues: ConfigIssue[] = [];
  const hosts = indexedHosts(config);
  const byName = new Map(members.map((m) => [m.name, m]));
  for (const member of members) {
    const entry = hosts.find(({ host }) => host.name === member.name);
    if (entry) {
      const { host, index } = entry;
      const address = host.taskbox && host.address === '' ? host.ip : host.address;
      if (address !== member.address) {
        issues.push(
          error(
            'cluster.address-changed',
            hostPath(index, 'address'),
            `${member.name} is a node of the installed cluster at ${member.address}: its address cannot change while the cluster exists. Put it back to ${member.address}; to move the node, remove it (Remove operation) and add the new machine as a new worker.`,
          ),
        );
      }
      if (host.ip !== member.ip) {
        issues.push(
          error(
            'cluster.ip-changed',
            hostPath(index, 'ip'),
            `${member.name} joined the cluster with the internal IP ${member.ip}: etcd and the certificates use it, so it cannot change. Put it back to ${member.ip}.`,
          ),
        );
      }
      if (rolesOf(host.roles).join(',') !== member.roles.join(',')) {
        issues.push(
          error(
            'cluster.roles-changed',
            hostPath(index, 'roles'),
            `${member.name} joined the cluster as ${member.roles.join(', ')}: the roles of an existing node cannot change. The 2.x bundle only adds workers and removes workers.`,
          ),
        );
      }
      continue;
    }
    const renamed = hosts.find(({ host }) => !byName.has(host.name) && (host.address === member.address || host.ip === member.ip));
    if (renamed) {
      issues.push(
        error(
          'cluster.renamed',
          hostPath(renamed.index, 'name'),
          `This is ${member.name}, a node of the installed cluster: a node's name can never change (Kubernetes and etcd know it by its name). Name it ${member.name} again.`,
        ),
      );
    } else {
      issues.push(
        error(
          'cluster.member-missing',
          'hosts',
          `${member.name} is a node of the installed cluster: put its line back, and remove it with the Remove operation (it drains and resets the node first).`,
        ),
      );
    }
  }
  const isAllInOne = members.length === 1 && config.storage.localVolume.enabled;
  for (const { host, index } of hosts) {
    if (host.name === '' || byName.has(host.name)) continue;
    if (host.roles.master || host.roles.etcd) {
      issues.push(
        error(
          'cluster.add-not-worker',
          hostPath(index, 'roles'),
          `${host.name} is new: only workers can be added to an installed cluster (add-nodes.sh adds lines to [all] and [kube-node] only). Make it a worker only.`,
        ),
      );
    }
    if (isAllInOne) {
      issues.push(
        error(
          'cluster.all-in-one-grow',
          hostPath(index, 'name'),
          `${host.name} cannot be added: an all-in-one cluster with Local Volume cannot grow (its volumes live on its one node). Install a multi-node cluster instead.`,
        ),
      );
    }
  }
  return issues;
}
