/** Network rules: the service and pod CIDRs (against each other, the hosts and the LB) and max pods. */
import { labelOf } from '../fields/catalogue';
import type { InstallConfig } from '../schema';
import type { ConfigIssue } from '../issues';
import { cidrContains, cidrsOverlap, parseCidr, type Cidr } from '../net';
import { error, hostLabel, indexedHosts, type Rule } from './helpers';

interface CidrField {
  path: 'network.serviceCidr' | 'network.podCidr';
  label: string;
  code: string;
}

const SERVICE_CIDR: CidrField = { path: 'network.serviceCidr', label: labelOf('network.serviceCidr'), code: 'network.service-cidr-invalid' };
const POD_CIDR: CidrField = { path: 'network.podCidr', label: labelOf('network.podCidr'), code: 'network.pod-cidr-invalid' };

/** Where a host's addresses fall inside `cidr`, as "node1 (internal IP 10.233.0.5)". */
function hostAddressesInside(config: InstallConfig, cidr: Cidr): string[] {
  return indexedHosts(config).flatMap((entry) => {
    const found: string[] = [];
    if (cidrContains(cidr, entry.host.ip)) found.push(`${hostLabel(entry)} (internal IP ${entry.host.ip})`);
    if (!entry.host.taskbox && entry.host.address !== entry.host.ip && cidrContains(cidr, entry.host.address)) {
      found.push(`${hostLabel(entry)} (SSH address ${entry.host.address})`);
    }
    return found;
  });
}

function cidrIssues(config: InstallConfig, field: CidrField, value: string): { cidr?: Cidr; issues: ConfigIssue[] } {
  const parsed = parseCidr(value);
  if (!parsed.ok) return { issues: [error(field.code, field.path, `${field.label}: ${parsed.problem}.`)] };
  const { cidr } = parsed;
  const issues: ConfigIssue[] = [];
  const inside = hostAddressesInside(config, cidr);
  if (inside.length > 0) {
    issues.push(
      error(
        'network.cidr-contains-host',
        field.path,
        `${field.label} ${cidr.text} contains addresses of your machines: ${inside.join(', ')}. Node addresses must stay outside the service and pod CIDRs: pick another block for the CIDR.`,
      ),
    );
  }
  const lb = config.loadBalancer;
  if (lb.kind === 'external' && cidrContains(cidr, lb.address)) {
    issues.push(
      error(
        'network.cidr-contains-lb',
        field.path,
        `${field.label} ${cidr.text} contains the load balancer address ${lb.address}: pick another block for the CIDR.`,
      ),
    );
  }
  return { cidr, issues };
}

export const networkRules: Rule = (config) => {
  const { network } = config;
  const service = cidrIssues(config, SERVICE_CIDR, network.serviceCidr);
  const pod = cidrIssues(config, POD_CIDR, network.podCidr);
  const issues = [...service.issues, ...pod.issues];
  if (service.cidr && pod.cidr && cidrsOverlap(service.cidr, pod.cidr)) {
    issues.push(
      error(
        'network.cidrs-overlap',
        POD_CIDR.path,
        `Pod CIDR ${pod.cidr.text} overlaps the service CIDR ${service.cidr.text}: pick blocks that share no address (defaults 10.233.64.0/18 and 10.233.0.0/18).`,
      ),
    );
  }
  if (!Number.isInteger(network.maxPods) || network.maxPods < 1 || network.maxPods > 250) {
    issues.push(
      error(
        'network.max-pods-range',
        'network.maxPods',
        `Max pods per node ${network.maxPods} must be a whole number from 1 to 250: each node gets a /24 of the pod CIDR, and Kubespray stops when the pods do not fit (default 110).`,
      ),
    );
  }
  return issues;
};
