/**
 * Defaults of a new install's pieces (a host, an LB host, a load balancer, an external installer
 * machine) and what counts as a blank host: plain data, no zod and no field catalogue, so the
 * wizard's steps can use them without loading either (defaults.ts re-exports them).
 */
import type { ExternalInstallerMachine, ExternalLoadBalancer, Host, InternalLoadBalancer, LbHost } from './schema';
import { unsetSecret } from './secret-values';

export const DEFAULT_LB_PORT = 6443;
/** The port kube-apiserver listens on on every master (Kubespray's kube_apiserver_port): the LB's backends. */
export const APISERVER_PORT = 6443;
export const DEFAULT_LB_DOMAIN = 'lb.kubesphere.local';
/** NodePorts KubeSphere 2.0 reserves for Jenkins, Harbor and an internal service. */
export const RESERVED_NODE_PORTS = [30180, 30280, 30380] as const;
export { DEFAULT_JAVA_OPTS } from './fields/values';

export function defaultHost(overrides: Partial<Host> = {}): Host {
  return {
    name: '',
    address: '',
    ip: '',
    port: 22,
    user: 'root',
    auth: { kind: 'password', password: unsetSecret() },
    becomePassword: unsetSecret(),
    taskbox: false,
    roles: { master: false, etcd: false, worker: false },
    ...overrides,
  };
}

/** An installer machine outside the cluster, with nothing entered yet. */
export function defaultExternalInstallerMachine(): ExternalInstallerMachine {
  return { kind: 'external', address: '', port: 22, user: 'root', auth: { kind: 'password', password: unsetSecret() }, becomePassword: unsetSecret() };
}

export function defaultExternalLoadBalancer(): ExternalLoadBalancer {
  return { kind: 'external', address: '', port: DEFAULT_LB_PORT, domain: DEFAULT_LB_DOMAIN };
}

/** The subnet size most on-premises host networks use; the operator sets the masters' real one. */
export const DEFAULT_VIP_PREFIX_LENGTH = 24;

export function defaultLbHost(overrides: Partial<LbHost> = {}): LbHost {
  return {
    name: '',
    address: '',
    ip: '',
    port: 22,
    user: 'root',
    auth: { kind: 'password', password: unsetSecret() },
    becomePassword: unsetSecret(),
    vrrpInterface: '',
    ...overrides,
  };
}

/** keepalived + HAProxy on two machines still to be entered (the minimum for failover). */
export function defaultInternalLoadBalancer(): InternalLoadBalancer {
  return {
    kind: 'internal',
    hosts: [defaultLbHost({ name: 'lb1' }), defaultLbHost({ name: 'lb2' })],
    vip: '',
    prefixLength: DEFAULT_VIP_PREFIX_LENGTH,
    port: DEFAULT_LB_PORT,
    domain: DEFAULT_LB_DOMAIN,
    virtualRouterId: null,
    vrrpPassword: unsetSecret(),
  };
}

/**
 * A host nothing has been typed into yet (as "Add host" creates it): no name, address or IP and no
 * credential. The wizard shows such a host as "not filled in yet", not as red errors.
 */
export function isBlankHost(host: Pick<Host, 'name' | 'address' | 'ip' | 'auth'>): boolean {
  const credential = host.auth.kind === 'password' ? host.auth.password.set : host.auth.privateKey.set;
  return host.name.trim() === '' && host.address.trim() === '' && host.ip.trim() === '' && !credential;
}
