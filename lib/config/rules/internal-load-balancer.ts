/**
 * Rules of the internal load balancer (keepalived + HAProxy on hosts the operator chooses), each at
 * the field that fixes it (`loadBalancer.vip`, `loadBalancer.hosts.1.ip`, …):
 * - at least two LB hosts, each a valid SSH login with a name and an IPv4, none twice;
 * - a master may be an LB host only when HAProxy listens on another port than 6443, because
 *   kube-apiserver binds 0.0.0.0:6443 on every master;
 * - the VIP is an IPv4 inside the masters' subnet (VIP/prefixLength) and no machine's address;
 * - the virtual router id is 1–255 (null = derived from the VIP), the listen port 1–65535;
 * - the VRRP password is set, at most 8 characters, and a bare word keepalived.conf can carry.
 * Messages never echo a secret.
 */
import { APISERVER_PORT } from '../defaults';
import { INTERFACE_NAME_PATTERN, VRRP_PASSWORD_MAX, VRRP_PASSWORD_PATTERN } from '../internal-lb';
import type { ConfigIssue } from '../issues';
import { formatIPv4, isDnsName, isIPv4, isRfc1123Hostname, isValidPort, parseIPv4 } from '../net';
import type { InstallConfig, InternalLoadBalancer, LbHost } from '../schema';
import { error, hostLabel, hostsWithRole, warning } from './helpers';
import { sshLoginIssues, type LoginTarget } from './ssh-login';

const lbHostPath = (index: number, field: string): string => `loadBalancer.hosts.${index}.${field}`;
const lbHostLabel = (host: LbHost, index: number): string => host.name.trim() || `LB host ${index + 1}`;

function lbLoginTarget(host: LbHost, index: number): LoginTarget {
  const label = lbHostLabel(host, index);
  return {
    login: host,
    label,
    subject: label,
    code: 'lb.host',
    pathOf: (field) => lbHostPath(index, field),
    client: 'the taskbox',
    why: '',
    sudoReason: 'installing and starting HAProxy and keepalived needs root',
  };
}

function lbHostOwnIssues(host: LbHost, index: number): ConfigIssue[] {
  const label = lbHostLabel(host, index);
  const issues: ConfigIssue[] = [];
  if (host.name === '')
    issues.push(
      error('lb.host.name-required', lbHostPath(index, 'name'), `LB host ${index + 1} has no name: give it a lower-case name such as lb${index + 1}.`),
    );
  else if (!isRfc1123Hostname(host.name)) {
    issues.push(
      error(
        'lb.host.name-invalid',
        lbHostPath(index, 'name'),
        `LB host name "${host.name}" is not valid: use lower-case letters, digits, '-' and '.' (it names the machine in the LB stage's inventory).`,
      ),
    );
  }
  issues.push(...sshLoginIssues(lbLoginTarget(host, index)));
  if (host.ip === '')
    issues.push(
      error(
        'lb.host.ip-required',
        lbHostPath(index, 'ip'),
        `${label} has no IP: enter its IPv4 address in the masters' subnet; keepalived sends its VRRP adverts from it to the other LB hosts.`,
      ),
    );
  else if (!isIPv4(host.ip))
    issues.push(error('lb.host.ip-invalid', lbHostPath(index, 'ip'), `IP "${host.ip}" of ${label} is not an IPv4 address (e.g. 192.168.0.21).`));
  if (host.vrrpInterface !== '' && !INTERFACE_NAME_PATTERN.test(host.vrrpInterface)) {
    issues.push(
      error(
        'lb.host.interface-invalid',
        lbHostPath(index, 'vrrpInterface'),
        `VRRP interface "${host.vrrpInterface}" of ${label} is not a network interface name (e.g. eth0, at most 15 characters); leave it empty to use the one that holds ${label}'s IP.`,
      ),
    );
  }
  return issues;
}

function lbHostSetIssues(lb: InternalLoadBalancer): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (lb.hosts.length < 2) {
    issues.push(
      error(
        'lb.hosts-too-few',
        'loadBalancer.hosts',
        `An internal load balancer needs at least two LB hosts (you have ${lb.hosts.length}): the virtual IP moves to the other one when one fails.`,
      ),
    );
  }
  const seen = { name: new Map<string, number>(), ip: new Map<string, number>(), address: new Map<string, number>() };
  lb.hosts.forEach((host, index) => {
    for (const field of ['name', 'ip', 'address'] as const) {
      const key = field === 'address' ? `${host.address.toLowerCase()}:${host.port}` : host[field];
      if (host[field] === '') continue;
      const earlier = seen[field].get(key);
      if (earlier === undefined) {
        seen[field].set(key, index);
        continue;
      }
      const other = lb.hosts[earlier];
      const otherLabel = other ? lbHostLabel(other, earlier) : `LB host ${earlier + 1}`;
      issues.push(
        error(
          `lb.host.${field}-duplicate`,
          lbHostPath(index, field),
          `${lbHostLabel(host, index)} has the same ${field === 'address' ? 'SSH address and port' : field === 'ip' ? 'IP' : 'name'} as ${otherLabel}: each LB host is its own machine.`,
        ),
      );
    }
  });
  return issues;
}

/** A master taken as an LB host: HAProxy cannot bind kube-apiserver's port beside it. */
function masterAsLbIssues(config: InstallConfig, lb: InternalLoadBalancer): ConfigIssue[] {
  if (lb.port !== APISERVER_PORT) return [];
  const masters = hostsWithRole(config, 'master');
  const clashes = lb.hosts.flatMap((host, index) => {
    const master = masters.find(
      ({ host: m }) =>
        (host.ip !== '' && (m.ip === host.ip || m.address === host.ip)) || (host.address !== '' && (m.address === host.address || m.ip === host.address)),
    );
    return master ? [`${lbHostLabel(host, index)} (master ${hostLabel(master)})`] : [];
  });
  if (clashes.length === 0) return [];
  return [
    error(
      'lb.master-on-apiserver-port',
      'loadBalancer.port',
      `${clashes.join(', ')} ${clashes.length > 1 ? 'are masters' : 'is a master'}, and kube-apiserver binds 0.0.0.0:${APISERVER_PORT} on every master, so HAProxy cannot listen on ${APISERVER_PORT} there: choose another listen port (e.g. 8443), or dedicated LB hosts.`,
    ),
  ];
}

interface Subnet {
  network: number;
  size: number;
  text: string;
}

function subnetOf(vip: string, prefixLength: number): Subnet | undefined {
  const address = parseIPv4(vip);
  if (address === undefined || !Number.isInteger(prefixLength) || prefixLength < 1 || prefixLength > 32) return undefined;
  const size = 2 ** (32 - prefixLength);
  const network = address - (address % size);
  return { network, size, text: `${formatIPv4(network)}/${prefixLength}` };
}

const inSubnet = (subnet: Subnet, ip: string): boolean => {
  const address = parseIPv4(ip);
  return address !== undefined && address >= subnet.network && address < subnet.network + subnet.size;
};

/** Every address a machine of this install answers on, with its owner's name. */
function knownAddresses(config: InstallConfig, lb: InternalLoadBalancer): Map<string, string> {
  const owners = new Map<string, string>();
  config.hosts.forEach((host, index) => {
    for (const a of [host.ip, host.address]) if (a !== '' && !owners.has(a)) owners.set(a, hostLabel({ host, index }));
  });
  lb.hosts.forEach((host, index) => {
    for (const a of [host.ip, host.address]) if (a !== '' && !owners.has(a)) owners.set(a, lbHostLabel(host, index));
  });
  if (config.installer.machine.kind === 'external' && config.installer.machine.address !== '')
    owners.set(config.installer.machine.address, 'the installer machine');
  return owners;
}

function vipIssues(config: InstallConfig, lb: InternalLoadBalancer): ConfigIssue[] {
  if (!Number.isInteger(lb.prefixLength) || lb.prefixLength < 1 || lb.prefixLength > 32) {
    return [
      error(
        'lb.prefix-invalid',
        'loadBalancer.prefixLength',
        `Prefix length ${lb.prefixLength} must be a whole number from 1 to 32: the size of the masters' subnet (24 for a 255.255.255.0 netmask).`,
      ),
    ];
  }
  if (lb.vip === '')
    return [
      error(
        'lb.vip-required',
        'loadBalancer.vip',
        "Enter the virtual IP: a free IPv4 address in the masters' subnet that keepalived moves between the LB hosts.",
      ),
    ];
  if (!isIPv4(lb.vip))
    return [
      error(
        'lb.vip-invalid',
        'loadBalancer.vip',
        `Virtual IP "${lb.vip}" must be an IPv4 address (e.g. 192.168.0.10): it becomes an /etc/hosts entry on every node.`,
      ),
    ];
  const owner = knownAddresses(config, lb).get(lb.vip);
  if (owner !== undefined) {
    return [
      error(
        'lb.vip-taken',
        'loadBalancer.vip',
        `The virtual IP ${lb.vip} is the address of ${owner}: choose a free address in the masters' subnet that no machine uses.`,
      ),
    ];
  }
  const subnet = subnetOf(lb.vip, lb.prefixLength);
  if (!subnet) return [];
  const issues: ConfigIssue[] = [];
  const address = parseIPv4(lb.vip) ?? 0;
  if (lb.prefixLength <= 30 && (address === subnet.network || address === subnet.network + subnet.size - 1)) {
    issues.push(
      error(
        'lb.vip-network-or-broadcast',
        'loadBalancer.vip',
        `${lb.vip} is the ${address === subnet.network ? 'network' : 'broadcast'} address of ${subnet.text}: choose a host address inside it.`,
      ),
    );
  }
  const outside = hostsWithRole(config, 'master').filter(({ host }) => isIPv4(host.ip) && !inSubnet(subnet, host.ip));
  if (outside.length > 0) {
    issues.push(
      error(
        'lb.vip-outside-masters-subnet',
        'loadBalancer.vip',
        `The virtual IP's subnet ${subnet.text} does not hold the master${outside.length > 1 ? 's' : ''} ${outside.map((m) => `${hostLabel(m)} (${m.host.ip})`).join(', ')}: choose a VIP in the masters' subnet, or correct the prefix length.`,
      ),
    );
  }
  lb.hosts.forEach((host, index) => {
    if (isIPv4(host.ip) && !inSubnet(subnet, host.ip)) {
      issues.push(
        warning(
          'lb.host.ip-outside-vip-subnet',
          lbHostPath(index, 'ip'),
          `${lbHostLabel(host, index)}'s IP ${host.ip} is outside the virtual IP's subnet ${subnet.text}: the VIP only moves between machines on that network.`,
        ),
      );
    }
  });
  return issues;
}

function vrrpIssues(lb: InternalLoadBalancer): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const id = lb.virtualRouterId;
  if (id !== null && (!Number.isInteger(id) || id < 1 || id > 255)) {
    issues.push(
      error(
        'lb.router-id-invalid',
        'loadBalancer.virtualRouterId',
        `Virtual router id ${id} must be a whole number from 1 to 255, unique among the VRRP routers of this network (leave it empty to derive it from the VIP).`,
      ),
    );
  }
  const password = lb.vrrpPassword;
  if (!password.set) {
    issues.push(
      error(
        'lb.vrrp-password-required',
        'loadBalancer.vrrpPassword',
        'Enter a VRRP password (up to 8 characters): the LB hosts only accept adverts that carry it.',
      ),
    );
  } else if (password.value !== undefined) {
    if (password.value.length > VRRP_PASSWORD_MAX) {
      issues.push(
        error(
          'lb.vrrp-password-too-long',
          'loadBalancer.vrrpPassword',
          `The VRRP password is longer than ${VRRP_PASSWORD_MAX} characters: keepalived ignores the rest, so enter at most ${VRRP_PASSWORD_MAX}.`,
        ),
      );
    } else if (!VRRP_PASSWORD_PATTERN.test(password.value)) {
      issues.push(
        error(
          'lb.vrrp-password-characters',
          'loadBalancer.vrrpPassword',
          'The VRRP password contains a blank, quote, #, !, brace or backslash, which keepalived.conf cannot carry: use letters, digits and other signs.',
        ),
      );
    }
  }
  return issues;
}

function listenerIssues(lb: InternalLoadBalancer): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (!isValidPort(lb.port)) {
    const what = Number.isFinite(lb.port) ? `Listen port ${lb.port}` : 'The listen port';
    issues.push(
      error('lb.port-invalid', 'loadBalancer.port', `${what} must be a whole number from 1 to 65535 (6443, or e.g. 8443 when masters are LB hosts).`),
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
  return issues;
}

export function internalLoadBalancerIssues(config: InstallConfig, lb: InternalLoadBalancer): ConfigIssue[] {
  return [
    ...lbHostSetIssues(lb),
    ...lb.hosts.flatMap((host, index) => lbHostOwnIssues(host, index)),
    ...vipIssues(config, lb),
    ...listenerIssues(lb),
    ...masterAsLbIssues(config, lb),
    ...vrrpIssues(lb),
  ];
}
