/** Load balancer rules: whether one is needed, and its address, port and domain. */
import { APISERVER_PORT } from '../defaults';
import type { ConfigIssue } from '../issues';
import { isDnsName, isIPv4, isValidPort } from '../net';
import { error, hostLabel, hostsWithRole, warning, type Rule } from './helpers';
import { internalLoadBalancerIssues } from './internal-load-balancer';

export const loadBalancerRules: Rule = (config) => {
  const lb = config.loadBalancer;
  const masterCount = hostsWithRole(config, 'master').length;
  if (lb.kind === 'none') {
    if (masterCount < 2) return [];
    return [
      warning(
        'lb.missing',
        'loadBalancer',
        `You have ${masterCount} masters but no load balancer: workers reach the masters through a per-node nginx proxy, but kubectl and other clients get no single stable endpoint. The docs' HA setup puts an LB (TCP 6443, round-robin to every master) in front.`,
      ),
    ];
  }
  if (lb.kind === 'internal') {
    const single =
      masterCount === 1
        ? [
            warning(
              'lb.single-master',
              'loadBalancer',
              'A load balancer in front of a single master adds nothing: add masters (3 for HA) or choose no load balancer.',
            ),
          ]
        : [];
    return [...internalLoadBalancerIssues(config, lb), ...single];
  }
  const issues: ConfigIssue[] = [];
  if (lb.address === '') {
    issues.push(error('lb.address-required', 'loadBalancer.address', 'Enter the IPv4 address (or VIP) of the load balancer in front of the masters.'));
  } else if (!isIPv4(lb.address)) {
    issues.push(
      error(
        'lb.address-invalid',
        'loadBalancer.address',
        `Load balancer address "${lb.address}" must be an IPv4 address: it becomes an /etc/hosts entry on every node; a DNS name breaks HA installs (ISS #1470).`,
      ),
    );
  }
  // a master's own address on the apiserver's port is that master itself, not a load balancer
  const master =
    isValidPort(lb.port) && lb.port === APISERVER_PORT
      ? hostsWithRole(config, 'master').find(({ host }) => host.ip === lb.address || host.address === lb.address)
      : undefined;
  if (master && lb.address !== '') {
    const name = hostLabel(master);
    issues.push(
      warning(
        'lb.address-is-master',
        'loadBalancer.address',
        `The load balancer address ${lb.address} is the master ${name}'s own address, and port ${lb.port} is where kube-apiserver listens on it: every client would talk to ${name} alone, so the cluster's API is down whenever ${name} is (no HA), and no load balancer can listen on that port there beside kube-apiserver. Enter the address (or virtual IP) of a load balancer in front of the masters.`,
      ),
    );
  }
  if (!isValidPort(lb.port)) {
    const what = Number.isFinite(lb.port) ? `Load balancer port ${lb.port}` : 'The load balancer port';
    issues.push(error('lb.port-invalid', 'loadBalancer.port', `${what} must be a whole number from 1 to 65535 (usually 6443).`));
  } else if (lb.port !== 6443) {
    issues.push(
      warning(
        'lb.port-not-6443',
        'loadBalancer.port',
        `The load balancer port is ${lb.port}, not the usual 6443: the LB listener must use the same port (${lb.port}); its backends stay on the masters' 6443.`,
      ),
    );
  }
  if (!isDnsName(lb.domain)) {
    issues.push(
      error(
        'lb.domain-invalid',
        'loadBalancer.domain',
        `Load balancer domain "${lb.domain}" is not a valid DNS name (e.g. lb.kubesphere.local): it goes into /etc/hosts and the apiserver certificate.`,
      ),
    );
  }
  if (masterCount === 1) {
    issues.push(
      warning(
        'lb.single-master',
        'loadBalancer',
        'A load balancer in front of a single master adds nothing: add masters (3 for HA) or choose no load balancer.',
      ),
    );
  }
  return issues;
};
