/**
 * The install config model: one zod schema used by the wizard forms (zodResolver), the API
 * (request parsing) and the installer-file renderer/importer.
 *
 * The schema checks *shape* only (types, enums). Every rule of the docs lives in ./rules/, which
 * attaches errors to the exact field path; `installConfigSchema` (./validate.ts) runs those rules as a
 * superRefine so a form, the API and the renderer can never disagree on what is valid.
 *
 * Values are stored in operator terms (camelCase). The vars part (network, storage, QingCloud,
 * options) is not written here: it is derived from the field catalogue (./fields/), where each
 * vars.yml field is one entry (path, kind, default, key per installer version, label, form
 * control). A new vars.yml key is one catalogue entry (and its test); this file, the types, the
 * defaults, the renderer and the importer follow from it. The rest (hosts, load balancer,
 * installer) is hand-written below.
 */
import { z } from 'zod';
import { FIELD_CATALOGUE } from './fields/catalogue';
import { modelSchemaOf } from './fields/model';
import { secretSchema } from './secret';
import { INSTALLER_PROFILES, INSTALLER_TARGETS } from './choices';

export { NETWORK_PLUGINS, PROXY_MODES } from './fields/values';
// the choices are plain data in ./choices.ts (no zod), so browser code can use them cheaply
export * from './choices';

export const hostAuthSchema = z.discriminatedUnion('kind', [
  /** SSH password (`ansible_ssh_pass`). */
  z.object({ kind: z.literal('password'), password: secretSchema }),
  /** Private key (`ansible_ssh_private_key_file`), optional passphrase. */
  z.object({ kind: z.literal('key'), privateKey: secretSchema, passphrase: secretSchema }),
]);
export type HostAuth = z.infer<typeof hostAuthSchema>;

export const hostSchema = z.object({
  /** Inventory name; Kubespray renames the machine to it. RFC-1123 lower case. */
  name: z.string(),
  /**
   * SSH address (`ansible_host`): IP or DNS name. The taskbox's line says `ansible_connection=local`
   * instead, but the wizard still logs in to the taskbox at this address to run the installer there.
   */
  address: z.string(),
  /** Internal IP the cluster binds to (`ip`). Must be configured on the host. */
  ip: z.string(),
  port: z.number(),
  /** SSH user (`ansible_user`); root is omitted from hosts.ini. */
  user: z.string(),
  auth: hostAuthSchema,
  /** sudo password (`ansible_become_pass`) for a non-root user. */
  becomePassword: secretSchema,
  /**
   * The machine the installer runs on (`ansible_connection=local`): exactly one when
   * `installer.machine` is `taskbox`, none when it is `external`.
   */
  taskbox: z.boolean(),
  roles: z.object({ master: z.boolean(), etcd: z.boolean(), worker: z.boolean() }),
});
export type Host = z.infer<typeof hostSchema>;

/**
 * A machine of the internal load balancer (keepalived + HAProxy): an SSH login like a cluster host's,
 * but no cluster member (it is in no group of hosts.ini; the LB stage has its own inventory).
 */
export const lbHostSchema = z.object({
  /** Inventory name in the LB stage's own inventory. RFC-1123 lower case. */
  name: z.string(),
  /** SSH address: IP or DNS name. */
  address: z.string(),
  /** Its IPv4 in the masters' subnet: keepalived's unicast source and its peers' target. */
  ip: z.string(),
  port: z.number(),
  user: z.string(),
  auth: hostAuthSchema,
  becomePassword: secretSchema,
  /** The interface the VIP is added to; '' = the one holding `ip` (preflight shows which). */
  vrrpInterface: z.string(),
});
export type LbHost = z.infer<typeof lbHostSchema>;

export const loadBalancerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({
    kind: z.literal('external'),
    /** `loadbalancer_apiserver.address`: must be an IPv4 address (it becomes an /etc/hosts entry). */
    address: z.string(),
    /** `loadbalancer_apiserver.port`: the LB listener port. */
    port: z.number(),
    /** `apiserver_loadbalancer_domain_name`. */
    domain: z.string(),
  }),
  /**
   * keepalived + HAProxy that ks-wizard sets up on `hosts` before the cluster (its own stage). To the
   * installer it looks exactly like an external LB: `loadbalancer_apiserver` = `vip`:`port`.
   */
  z.object({
    kind: z.literal('internal'),
    hosts: z.array(lbHostSchema),
    /** The virtual IP keepalived moves between the LB hosts (`loadbalancer_apiserver.address`). */
    vip: z.string(),
    /** Prefix length of the VIP's subnet (the masters' subnet), e.g. 24. */
    prefixLength: z.number(),
    /** HAProxy's listen port on the VIP (`loadbalancer_apiserver.port`). */
    port: z.number(),
    /** `apiserver_loadbalancer_domain_name`. */
    domain: z.string(),
    /** VRRP virtual router id, 1–255; null = derived from the VIP (defaultVirtualRouterId). */
    virtualRouterId: z.number().nullable(),
    /** keepalived's `auth_pass` (at most 8 characters: keepalived ignores the rest). */
    vrrpPassword: secretSchema,
  }),
]);
export type LoadBalancer = z.infer<typeof loadBalancerSchema>;
export type ExternalLoadBalancer = Extract<LoadBalancer, { kind: 'external' }>;
export type InternalLoadBalancer = Extract<LoadBalancer, { kind: 'internal' }>;

/**
 * Network, storage, QingCloud and options: the vars part, derived from the field catalogue (one
 * entry per field; its kind gives the type: enum → its options, secret → Secret, list → string[]).
 */
export const varsModelSchema = modelSchemaOf(FIELD_CATALOGUE);
export type VarsModel = z.infer<typeof varsModelSchema>;

export const networkSchema = varsModelSchema.shape.network;
export type Network = z.infer<typeof networkSchema>;

export const storageSchema = varsModelSchema.shape.storage;
export type Storage = z.infer<typeof storageSchema>;

export const qingcloudSchema = varsModelSchema.shape.qingcloud;
export type Qingcloud = z.infer<typeof qingcloudSchema>;

export const optionsSchema = varsModelSchema.shape.options;
export type Options = z.infer<typeof optionsSchema>;

/**
 * Where the installer's stages run, reached by the wizard over SSH.
 * - `taskbox`: the host marked taskbox (master1 in the docs), as the docs do;
 * - `external`: a machine outside the cluster; then no host is the taskbox and every cluster host is
 *   an SSH host in hosts.ini. It may be the wizard's own machine, but only through its SSH address.
 */
export const installerMachineSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('taskbox') }),
  z.object({
    kind: z.literal('external'),
    /** SSH address: IP or DNS name. */
    address: z.string(),
    port: z.number(),
    /** SSH user: root, or a user with sudo. */
    user: z.string(),
    auth: hostAuthSchema,
    /** sudo password for a non-root user. */
    becomePassword: secretSchema,
  }),
]);
export type InstallerMachineSettings = z.infer<typeof installerMachineSchema>;
export type ExternalInstallerMachine = Extract<InstallerMachineSettings, { kind: 'external' }>;

export const installerProfileSchema = z.object({
  /** Installer profile id (see server/installer-profiles): the real bundle or the lab stand-ins. */
  profile: z.enum(INSTALLER_PROFILES),
  /** Absolute path of the unpacked bundle on the taskbox (or the external installer machine), where the docs unpack it ('' = profile default). */
  bundlePath: z.string(),
  machine: installerMachineSchema,
});
export type InstallerSettings = z.infer<typeof installerProfileSchema>;

/** The config's shape without the rules: what the forms hold while the operator types. */
export const installConfigShape = z.object({
  clusterName: z.string(),
  target: z.enum(INSTALLER_TARGETS),
  installer: installerProfileSchema,
  hosts: z.array(hostSchema),
  loadBalancer: loadBalancerSchema,
  // network, storage, QingCloud, options: in the catalogue's order, as defaultConfig() has them
  ...varsModelSchema.shape,
});
export type InstallConfig = z.infer<typeof installConfigShape>;
