/**
 * The install config model: one zod schema used by the wizard forms (zodResolver), the API
 * (request parsing) and the installer-file renderer/importer.
 *
 * The schema checks *shape* only (types, enums). Every rule of the docs lives in ./rules.ts, which
 * attaches errors to the exact field path; `installConfigSchema` (./validate.ts) runs those rules as a
 * superRefine so a form, the API and the renderer can never disagree on what is valid.
 *
 * Values are stored in operator terms (camelCase). Each vars.yml field's key per installer version
 * (2.0.x `nfs_client_enable`, 2.1 `nfs_client_enabled`), default, label and form control are its
 * entry in the field catalogue (./fields/); a field added here without an entry fails the catalogue
 * test and every defaultConfig(), and an entry at a path missing here does not compile.
 */
import { z } from 'zod';
import { CEPH_IMAGE_FORMATS, CLEANING_TIMES, IMAGE_PULL_POLICIES, NEONSAN_PROTOCOLS, NETWORK_PLUGINS, PROXY_MODES } from './fields/values';
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

export const networkSchema = z.object({
  plugin: z.enum(NETWORK_PLUGINS),
  serviceCidr: z.string(),
  podCidr: z.string(),
  proxyMode: z.enum(PROXY_MODES),
  maxPods: z.number(),
});
export type Network = z.infer<typeof networkSchema>;

const backendBase = { enabled: z.boolean(), isDefault: z.boolean() };

export const storageSchema = z.object({
  localVolume: z.object({ ...backendBase, storageClass: z.string() }),
  nfs: z.object({ ...backendBase, server: z.string(), path: z.string() }),
  cephRbd: z.object({
    ...backendBase,
    storageClass: z.string(),
    /** Monitor `ip:port` list. */
    monitors: z.array(z.string()),
    adminId: z.string(),
    adminSecret: secretSchema,
    pool: z.string(),
    userId: z.string(),
    userSecret: secretSchema,
    fsType: z.string(),
    imageFormat: z.enum(CEPH_IMAGE_FORMATS),
    /** Empty string = the key stays commented out. Only valid with imageFormat 2. */
    imageFeatures: z.string(),
  }),
  glusterfs: z.object({
    ...backendBase,
    storageClass: z.string(),
    restAuthEnabled: z.boolean(),
    restUrl: z.string(),
    clusterId: z.string(),
    restUser: z.string(),
    secretName: z.string(),
    gidMin: z.number(),
    gidMax: z.number(),
    volumeType: z.string(),
    jwtAdminKey: secretSchema,
  }),
  qingcloudCsi: z.object({
    ...backendBase,
    type: z.number(),
    maxSize: z.number(),
    minSize: z.number(),
    stepSize: z.number(),
    fsType: z.string(),
    diskReplica: z.number(),
  }),
  neonsan: z.object({
    ...backendBase,
    protocol: z.enum(NEONSAN_PROTOCOLS),
    serverAddress: z.string(),
    clusterName: z.string(),
    pool: z.string(),
    replicas: z.number(),
    stepSize: z.number(),
    fsType: z.string(),
  }),
});
export type Storage = z.infer<typeof storageSchema>;

/** The QingCloud API block at the top of vars.yml (shared by QingCloud CSI and the LB plugin). */
export const qingcloudSchema = z.object({
  accessKeyId: z.string(),
  secretAccessKey: secretSchema,
  zone: z.string(),
  host: z.string(),
  port: z.number(),
  protocol: z.string(),
  uri: z.string(),
  connectionRetries: z.number(),
  connectionTimeout: z.number(),
  lbEnabled: z.boolean(),
  vxnetId: z.string(),
});
export type Qingcloud = z.infer<typeof qingcloudSchema>;

export const optionsSchema = z.object({
  console: z.object({ port: z.number(), disableMultiLogin: z.boolean() }),
  imagePullPolicy: z.enum(IMAGE_PULL_POLICIES),
  /** Docker registry mirrors; empty = the key is commented out. */
  registryMirrors: z.array(z.string()),
  periodicCleaningTime: z.enum(CLEANING_TIMES),
  etcdBackup: z.object({ period: z.number(), keep: z.number(), dir: z.string() }),
  monitoring: z.object({ prometheusReplica: z.number(), prometheusMemory: z.string(), prometheusVolume: z.string() }),
  logging: z.object({
    keepLogDays: z.number(),
    kibanaEnabled: z.boolean(),
    elasticsearchVolume: z.string(),
    elasticsearchMasterReplica: z.number(),
    elasticsearchDataReplica: z.number(),
    elkPrefix: z.string(),
  }),
  devops: z.object({
    jenkinsMemoryLimit: z.string(),
    jenkinsMemoryRequest: z.string(),
    javaOpts: z.string(),
    jenkinsLocationUrl: z.string(),
    sonarqubeEnabled: z.boolean(),
  }),
  email: z.object({
    smtpHost: z.string(),
    smtpPort: z.number(),
    fromAddress: z.string(),
    fromName: z.string(),
    password: secretSchema,
    useSsl: z.boolean(),
  }),
  harbor: z.object({ enabled: z.boolean(), domain: z.string() }),
  gitlab: z.object({ enabled: z.boolean(), hostsDomain: z.string() }),
});
export type Options = z.infer<typeof optionsSchema>;

/**
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
  network: networkSchema,
  storage: storageSchema,
  qingcloud: qingcloudSchema,
  options: optionsSchema,
});
export type InstallConfig = z.infer<typeof installConfigShape>;
