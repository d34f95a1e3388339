import type { KnownFailure } from '@/lib/api/runs';

export type { KnownFailure };
interface Rule extends KnownFailure {
  match: RegExp;
}

const RULES: Rule[] = [
  {
    id: 'sudo-password',
    match: /Incorrect sudo password|Missing sudo password|incorrect password attempt|sudo: a password is required/i,
    cause: 'The sudo (become) password of this host is wrong or missing.',
    fix: "Set the host's sudo password in the Hosts step (or use root), then retry the failed stage.",
  },
  {
    id: 'not-in-sudoers',
    match: /is not in the sudoers file/i,
    cause: 'The SSH user is not allowed to use sudo on this host.',
    fix: 'Add the user to the sudo/wheel group (or log in as root) and retry.',
  },
  {
    id: 'ssh-auth',
    match: /Permission denied \((publickey|password)|Authentication failed|Invalid\/incorrect password/i,
    cause: 'SSH login was refused: wrong password or key, or root login is disabled.',
    fix: 'Check the SSH user and credential in the Hosts step (for a non-root user also set the sudo password), then retry.',
  },
  {
    id: 'host-key',
    match: /Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|add this host's fingerprint/i,
    cause: 'The host presented an SSH host key the wizard has not trusted (or it changed).',
    fix: 'Open the Hosts step, compare and accept the new fingerprint only if the machine was really reinstalled, then retry.',
  },
  {
    id: 'ip-not-local',
    match: /Stop if ip var does not match local ips/i,
    cause: "The host's internal IP (`ip=`) is not configured on any of its interfaces (often a public/EIP address was entered).",
    fix: "Set the host's internal IP to an address shown by `ip addr` on that host, then retry.",
  },
  {
    id: 'even-etcd',
    match: /Stop if even number of etcd hosts|etcd.*(odd|even) number/i,
    cause: 'The number of etcd members is even; etcd needs an odd count for quorum.',
    fix: 'Give the etcd role to 1, 3 or 5 hosts in the Roles step, then re-run from the Kubernetes stage.',
  },
  {
    id: 'port-in-use',
    match: /address already in use|port is already (in use|allocated)|bind: address already in use/i,
    cause: 'A port the cluster needs is already used by another process on this host.',
    fix: 'Find it with `ss -ltnp` on the host, stop the leftover service (old kubelet/etcd/docker), then retry.',
  },
  {
    id: 'firewall',
    match: /no route to host/i,
    cause: 'Traffic between nodes is blocked, usually by firewalld/ufw still running.',
    fix: 'Stop and disable firewalld/ufw (or open the ports of §3) on every host, then retry.',
  },
  {
    id: 'etcd-unhealthy',
    match: /etcd cluster is unavailable or misconfigured|cluster-health|dial tcp [\d.]+:2379/i,
    cause: 'etcd did not form a healthy cluster: ports 2379/2380 blocked, wrong `ip=`, clock skew or leftovers of an old install.',
    fix: 'Check 2379/2380 between etcd hosts, clock sync (chrony) and remove old /var/lib/etcd, then re-run the Kubernetes stage.',
  },
  {
    id: 'time-skew',
    match: /clock skew|certificate (has expired or )?is not yet valid|x509: certificate has expired or is not yet valid/i,
    cause: "The hosts' clocks differ too much (certificates look not-yet-valid or expired).",
    fix: 'Enable NTP/chrony on every host so the clocks agree within a second, then retry.',
  },
  {
    id: 'image-pull',
    match:
      /(pull|download).*(image|container).*(fail|timeout)|Error response from daemon: (Get|pull)|ImagePullBackOff|ErrImagePull|Download containers if pull is required/i,
    cause: 'Container images could not be pulled (slow or blocked registry access).',
    fix: 'Check registry reachability from the host, set registry mirrors in Options, or use the offline bundle; then retry.',
  },
  {
    id: 'apiserver-unreachable',
    match: /wait-control-plane|connection refused.*6443|:6443.*connection refused/i,
    cause: 'The apiserver is not reachable (load balancer misconfigured, port 6443 blocked, or images missing).',
    fix: 'Check the load balancer forwards TCP to every master on the apiserver port and that the port is open, then retry.',
  },
  {
    id: 'python',
    match: /Python 2 bindings for rpm are needed|\/usr\/bin\/python: not found|No module named/i,
    cause: "The host's default Python is missing or Python 3 where the 2.0.x installer needs Python 2.7.",
    fix: 'Install python2 and make it the default `python` on the host, then retry.',
  },
  {
    id: 'unreachable',
    match: /UNREACHABLE|Failed to connect to the host via ssh|Connection timed out|Connection refused/i,
    cause: 'The host could not be reached over SSH.',
    fix: "Check the address, that sshd runs and that port 22 is open from the wizard's machine, then retry.",
  },
];

/** The known failure matching `text`, or undefined. */
export function explainFailure(text: string): KnownFailure | undefined {
  const rule = RULES.find((r) => r.match.test(text));
  return rule ? { id: rule.id, cause: rule.cause, fix: rule.fix } : undefined;
}
