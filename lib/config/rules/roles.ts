/** Role rules: the required roles, etcd membership and the master count. */
import type { ConfigIssue } from '../issues';
import { error, hostLabel, hostLabels, hostPath, hostsWithRole, warning, type Rule } from './helpers';

export const requiredRoleRules: Rule = (config) => {
  const issues: ConfigIssue[] = [];
  if (hostsWithRole(config, 'master').length === 0) {
    issues.push(
      error('roles.master-missing', 'roles.master', 'No host is a master: mark at least one host as master (Kubespray stops when [kube-master] is empty).'),
    );
  }
  if (hostsWithRole(config, 'etcd').length === 0) {
    issues.push(error('roles.etcd-missing', 'roles.etcd', 'No host runs etcd: mark 1, 3 or 5 hosts, normally the masters, as etcd members.'));
  }
  if (hostsWithRole(config, 'worker').length === 0) {
    issues.push(
      error('roles.worker-missing', 'roles.worker', 'No host is a worker: mark at least one host as worker (Kubespray stops when [kube-node] is empty).'),
    );
  }
  return issues;
};

export const etcdRules: Rule = (config) => {
  const etcd = hostsWithRole(config, 'etcd');
  const masters = hostsWithRole(config, 'master');
  const issues: ConfigIssue[] = [];
  if (etcd.length > 0 && etcd.length % 2 === 0) {
    issues.push(
      error(
        'roles.etcd-even',
        'roles.etcd',
        `etcd needs an odd number of members: you have ${etcd.length} (${hostLabels(etcd)}). Add or remove one so there are ${etcd.length - 1} or ${etcd.length + 1}; Kubespray refuses an even count.`,
      ),
    );
  }
  if (etcd.length === 1 && masters.length > 1) {
    issues.push(
      warning(
        'roles.single-etcd',
        'roles.etcd',
        `Only one etcd member (${hostLabels(etcd)}) for ${masters.length} masters: when it fails, every master stops. Run etcd on 3 masters for HA.`,
      ),
    );
  }
  for (const entry of etcd) {
    if (entry.host.roles.worker && !entry.host.roles.master) {
      issues.push(
        warning(
          'roles.etcd-on-worker',
          hostPath(entry.index, 'roles.etcd'),
          `${hostLabel(entry)} runs etcd on a worker: etcd is memory hungry and competes with workloads there. The docs put etcd on the masters.`,
        ),
      );
    }
  }
  return issues;
};

export const masterCountRules: Rule = (config) => {
  const masters = hostsWithRole(config, 'master');
  if (masters.length !== 2) return [];
  return [
    warning(
      'roles.two-masters',
      'roles.master',
      `Two masters (${hostLabels(masters)}) give no more fault tolerance for etcd than one: with 2 members, losing either one loses the quorum. Use 3 masters for HA, or 1 if you do not need HA.`,
    ),
  ];
};
