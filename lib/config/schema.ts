/**
 * The install config model: one zod schema used by the wizard forms (zodResolver), the API
 * (request parsing) and the installer-file renderer/importer.
 *
 * The schema checks *shape* only (types, enums). Every rule of the docs lives in ./rules.ts, which
 * attaches errors to the exact field path; `installConfigSchema` (./validate.ts) runs those rules as a
 * superRefine so a form, the API and the renderer can never disagree on what is valid.
 *
 * Values are stored in operator terms (camelCase); the mapping to installer keys (2.0.x names such
 * as `nfs_client_enable`, 2.1 names such as `nfs_client_enabled`) is a table in lib/installer.
 */
import { z } from 'zod';
import { secretSchema } from './secret';

export const INSTALLER_TARGETS = ['2.0.2'] as const;
export type InstallerTarget = (typeof INSTALLER_TARGETS)[number];

export const ROLES = ['master', 'etcd', 'worker'] as const;
export type Role = (typeof ROLES)[number];

export const hostAuthSchema = z.discriminatedUnion('kind', [
  /** SSH password (`ansible_ssh_pass`). */
  z.object({ kind: z.literal('password'), password: secretSchema }),
  /** Private key (`ansible_ssh_private_key_file`), optional passphrase. */
  z.object({ kind: z.literal('key'), privateKey: secretSchema, passphrase: secretSchema }),
  /** No credential of its own: only valid for the taskbox (`ansible_connection=local`). */
  z.object({ kind: z.literal('none') }),
]);
export type HostAuth = z.infer<typeof hostAuthSchema>;

export const hostSchema = z.object({
  /** Inventory name; Kubespray renames the machine to it. RFC-1123 lower case. */
  name: z.string(),
  /** SSH address (`ansible_host`): IP or DNS name. Ignored for the taskbox. */
  address: z.string(),
  /** Internal IP the cluster binds to (`ip`). Must be configured on the host. */
  ip: z.string(),
  port: z.number(),
  /** SSH user (`ansible_user`); root is omitted from hosts.ini. */
  user: z.string(),
  auth: hostAuthSchema,
  /** sudo password (`ansible_become_pass`) for a non-root user. */
  becomePassword: secretSchema,
  /** The machine the installer runs on (`ansible_connection=local`). At most one. */
  taskbox: z.boolean(),
  roles: z.object({ master: z.boolean(), etcd: z.boolean(), worker: z.boolean() }),
});
export type Host = z.infer<typeof hostSchema>;

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
]);
export type LoadBalancer = z.infer<typeof loadBalancerSchema>;

export const NETWORK_PLUGINS = ['calico', 'flannel'] as const;
export const PROXY_MODES = ['ipvs', 'iptables'] as const;

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
    imageFormat: z.enum(['1', '2']),
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
    protocol: z.enum(['TCP', 'RDMA']),
    serverAddress: z.string(),
    clusterName: z.string(),
    pool: z.string(),
    replicas: z.number(),
    stepSize: z.number(),
    fsType: z.string(),
  }),
});
export type Storage = z.infer<typeof storageSchema>;
export const STORAGE_BACKENDS = ['localVolume', 'nfs', 'cephRbd', 'glusterfs', 'qingcloudCsi', 'neonsan'] as const;
export type StorageBackend = (typeof STORAGE_BACKENDS)[number];

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
  imagePullPolicy: z.enum(['IfNotPresent', 'Always', 'Never']),
  /** Docker registry mirrors; empty = the key is commented out. */
  registryMirrors: z.array(z.string()),
  periodicCleaningTime: z.enum(['reboot', 'yearly', 'annually', 'monthly', 'weekly', 'daily', 'hourly']),
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

export const installerProfileSchema = z.object({
  /** Installer profile id (see server/runner profiles): the real bundle or the lab stand-in. */
  profile: z.enum(['kubesphere-2.0.2', 'lab', 'lab-core']),
  /** Absolute path of the unpacked bundle on the wizard's machine ('' = profile default). */
  bundlePath: z.string(),
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
