/**
 * How each scalar-or-list vars.yml field reads and writes the model: its value kind, accessors,
 * and the installer's "not filled in" token for empty values.
 *
 * Invariants:
 * - One descriptor per VarsFieldId except the two load-balancer keys, whose shape depends on
 *   `loadBalancer.kind` (vars-yml.ts / import-vars-yml.ts handle those).
 * - `emptyToken`: the shipped file's placeholder written for an empty model value; the importer
 *   maps it back to empty, so render -> import -> render is exact.
 */
import type { InstallConfig } from '../config/schema';
import { NETWORK_PLUGINS, PROXY_MODES, optionsSchema } from '../config/schema';
import type { Secret } from '../config/secret';
import type { VarsFieldId } from './keys';
import { SHOULD_BE_REPLACED } from './placeholders';

type C = InstallConfig;

export interface BoolField { kind: 'bool'; get(c: C): boolean; set(c: C, v: boolean): void }
export interface IntField { kind: 'int'; get(c: C): number; set(c: C, v: number): void }
export interface StringField {
  kind: 'string';
  get(c: C): string;
  set(c: C, v: string): void;
  emptyToken?: string;
  /** Empty value = the key is written commented out (ceph_rbd_imageFeatures). */
  commentedWhenEmpty?: { example: string };
}
export interface EnumField {
  kind: 'enum';
  options: readonly string[];
  get(c: C): string;
  /** False when `v` is not one of `options`. */
  trySet(c: C, v: string): boolean;
}
export interface SecretField {
  kind: 'secret';
  get(c: C): Secret;
  set(c: C, v: Secret): void;
  emptyToken: string;
  /** Installer sample values that mean "not really set" (EMAIL_FROM_PASS: P@ssw0rd). */
  samples?: readonly string[];
}
export interface ListField {
  kind: 'list';
  get(c: C): string[];
  set(c: C, v: string[]): void;
  /** Written as the single item when the list is empty; `undefined` = comment the key out. */
  emptyItem?: string;
}
export type FieldSpec = BoolField | IntField | StringField | EnumField | SecretField | ListField;

export type ScalarFieldId = Exclude<VarsFieldId, 'loadBalancer.domain' | 'loadBalancer.apiserver'>;

function oneOf<T extends string>(options: readonly T[], v: string): v is T {
  return (options as readonly string[]).includes(v);
}

function enumField<T extends string>(options: readonly T[], get: (c: C) => T, set: (c: C, v: T) => void): EnumField {
  return {
    kind: 'enum',
    options,
    get,
    trySet: (c, v) => {
      if (!oneOf(options, v)) return false;
      set(c, v);
      return true;
    },
  };
}

const bool = (get: (c: C) => boolean, set: (c: C, v: boolean) => void): BoolField => ({ kind: 'bool', get, set });
const int = (get: (c: C) => number, set: (c: C, v: number) => void): IntField => ({ kind: 'int', get, set });
const str = (get: (c: C) => string, set: (c: C, v: string) => void, emptyToken?: string): StringField => ({
  kind: 'string',
  get,
  set,
  emptyToken,
});
const secret = (get: (c: C) => Secret, set: (c: C, v: Secret) => void, emptyToken = SHOULD_BE_REPLACED): SecretField => ({
  kind: 'secret',
  get,
  set,
  emptyToken,
});

const IMAGE_FORMATS = ['1', '2'] as const;
const PULL_POLICIES = optionsSchema.shape.imagePullPolicy.options;
const CLEANING_TIMES = optionsSchema.shape.periodicCleaningTime.options;
const NEONSAN_PROTOCOLS = ['TCP', 'RDMA'] as const;

export const VARS_FIELDS: Record<ScalarFieldId, FieldSpec> = {
  'qingcloud.accessKeyId': str((c) => c.qingcloud.accessKeyId, (c, v) => { c.qingcloud.accessKeyId = v; }, 'ACCESS_KEY_ID'),
  'qingcloud.secretAccessKey': secret((c) => c.qingcloud.secretAccessKey, (c, v) => { c.qingcloud.secretAccessKey = v; }, 'ACCESS_KEY_SECRET'),
  'qingcloud.zone': str((c) => c.qingcloud.zone, (c, v) => { c.qingcloud.zone = v; }, 'ZONE'),
  'qingcloud.host': str((c) => c.qingcloud.host, (c, v) => { c.qingcloud.host = v; }),
  'qingcloud.port': int((c) => c.qingcloud.port, (c, v) => { c.qingcloud.port = v; }),
  'qingcloud.protocol': str((c) => c.qingcloud.protocol, (c, v) => { c.qingcloud.protocol = v; }),
  'qingcloud.uri': str((c) => c.qingcloud.uri, (c, v) => { c.qingcloud.uri = v; }),
  'qingcloud.connectionRetries': int((c) => c.qingcloud.connectionRetries, (c, v) => { c.qingcloud.connectionRetries = v; }),
  'qingcloud.connectionTimeout': int((c) => c.qingcloud.connectionTimeout, (c, v) => { c.qingcloud.connectionTimeout = v; }),
  'qingcloud.lbEnabled': bool((c) => c.qingcloud.lbEnabled, (c, v) => { c.qingcloud.lbEnabled = v; }),
  'qingcloud.vxnetId': str((c) => c.qingcloud.vxnetId, (c, v) => { c.qingcloud.vxnetId = v; }, SHOULD_BE_REPLACED),

  'storage.localVolume.enabled': bool((c) => c.storage.localVolume.enabled, (c, v) => { c.storage.localVolume.enabled = v; }),
  'storage.localVolume.storageClass': str((c) => c.storage.localVolume.storageClass, (c, v) => { c.storage.localVolume.storageClass = v; }),
  'storage.localVolume.isDefault': bool((c) => c.storage.localVolume.isDefault, (c, v) => { c.storage.localVolume.isDefault = v; }),

  'storage.qingcloudCsi.enabled': bool((c) => c.storage.qingcloudCsi.enabled, (c, v) => { c.storage.qingcloudCsi.enabled = v; }),
  'storage.qingcloudCsi.isDefault': bool((c) => c.storage.qingcloudCsi.isDefault, (c, v) => { c.storage.qingcloudCsi.isDefault = v; }),
  'storage.qingcloudCsi.type': int((c) => c.storage.qingcloudCsi.type, (c, v) => { c.storage.qingcloudCsi.type = v; }),
  'storage.qingcloudCsi.maxSize': int((c) => c.storage.qingcloudCsi.maxSize, (c, v) => { c.storage.qingcloudCsi.maxSize = v; }),
  'storage.qingcloudCsi.minSize': int((c) => c.storage.qingcloudCsi.minSize, (c, v) => { c.storage.qingcloudCsi.minSize = v; }),
  'storage.qingcloudCsi.stepSize': int((c) => c.storage.qingcloudCsi.stepSize, (c, v) => { c.storage.qingcloudCsi.stepSize = v; }),
  'storage.qingcloudCsi.fsType': str((c) => c.storage.qingcloudCsi.fsType, (c, v) => { c.storage.qingcloudCsi.fsType = v; }),
  'storage.qingcloudCsi.diskReplica': int((c) => c.storage.qingcloudCsi.diskReplica, (c, v) => { c.storage.qingcloudCsi.diskReplica = v; }),

  'storage.cephRbd.enabled': bool((c) => c.storage.cephRbd.enabled, (c, v) => { c.storage.cephRbd.enabled = v; }),
  'storage.cephRbd.isDefault': bool((c) => c.storage.cephRbd.isDefault, (c, v) => { c.storage.cephRbd.isDefault = v; }),
  'storage.cephRbd.storageClass': str((c) => c.storage.cephRbd.storageClass, (c, v) => { c.storage.cephRbd.storageClass = v; }),
  'storage.cephRbd.monitors': {
    kind: 'list',
    get: (c) => c.storage.cephRbd.monitors,
    set: (c, v) => { c.storage.cephRbd.monitors = v; },
    emptyItem: SHOULD_BE_REPLACED,
  },
  'storage.cephRbd.adminId': str((c) => c.storage.cephRbd.adminId, (c, v) => { c.storage.cephRbd.adminId = v; }),
  'storage.cephRbd.adminSecret': secret((c) => c.storage.cephRbd.adminSecret, (c, v) => { c.storage.cephRbd.adminSecret = v; }),
  'storage.cephRbd.pool': str((c) => c.storage.cephRbd.pool, (c, v) => { c.storage.cephRbd.pool = v; }),
  'storage.cephRbd.userId': str((c) => c.storage.cephRbd.userId, (c, v) => { c.storage.cephRbd.userId = v; }),
  'storage.cephRbd.userSecret': secret((c) => c.storage.cephRbd.userSecret, (c, v) => { c.storage.cephRbd.userSecret = v; }),
  'storage.cephRbd.fsType': str((c) => c.storage.cephRbd.fsType, (c, v) => { c.storage.cephRbd.fsType = v; }),
  'storage.cephRbd.imageFormat': enumField(IMAGE_FORMATS, (c) => c.storage.cephRbd.imageFormat, (c, v) => { c.storage.cephRbd.imageFormat = v; }),
  'storage.cephRbd.imageFeatures': {
    ...str((c) => c.storage.cephRbd.imageFeatures, (c, v) => { c.storage.cephRbd.imageFeatures = v; }),
    commentedWhenEmpty: { example: 'layering' },
  },

  'storage.nfs.enabled': bool((c) => c.storage.nfs.enabled, (c, v) => { c.storage.nfs.enabled = v; }),
  'storage.nfs.isDefault': bool((c) => c.storage.nfs.isDefault, (c, v) => { c.storage.nfs.isDefault = v; }),
  'storage.nfs.server': str((c) => c.storage.nfs.server, (c, v) => { c.storage.nfs.server = v; }, SHOULD_BE_REPLACED),
  'storage.nfs.path': str((c) => c.storage.nfs.path, (c, v) => { c.storage.nfs.path = v; }, SHOULD_BE_REPLACED),

  'storage.neonsan.enabled': bool((c) => c.storage.neonsan.enabled, (c, v) => { c.storage.neonsan.enabled = v; }),
  'storage.neonsan.isDefault': bool((c) => c.storage.neonsan.isDefault, (c, v) => { c.storage.neonsan.isDefault = v; }),
  'storage.neonsan.protocol': enumField(NEONSAN_PROTOCOLS, (c) => c.storage.neonsan.protocol, (c, v) => { c.storage.neonsan.protocol = v; }),
  'storage.neonsan.serverAddress': str((c) => c.storage.neonsan.serverAddress, (c, v) => { c.storage.neonsan.serverAddress = v; }, 'IP:PORT'),
  'storage.neonsan.clusterName': str((c) => c.storage.neonsan.clusterName, (c, v) => { c.storage.neonsan.clusterName = v; }, 'CLUSTER_NAME'),
  'storage.neonsan.pool': str((c) => c.storage.neonsan.pool, (c, v) => { c.storage.neonsan.pool = v; }),
  'storage.neonsan.replicas': int((c) => c.storage.neonsan.replicas, (c, v) => { c.storage.neonsan.replicas = v; }),
  'storage.neonsan.stepSize': int((c) => c.storage.neonsan.stepSize, (c, v) => { c.storage.neonsan.stepSize = v; }),
  'storage.neonsan.fsType': str((c) => c.storage.neonsan.fsType, (c, v) => { c.storage.neonsan.fsType = v; }),

  'storage.glusterfs.enabled': bool((c) => c.storage.glusterfs.enabled, (c, v) => { c.storage.glusterfs.enabled = v; }),
  'storage.glusterfs.isDefault': bool((c) => c.storage.glusterfs.isDefault, (c, v) => { c.storage.glusterfs.isDefault = v; }),
  'storage.glusterfs.storageClass': str((c) => c.storage.glusterfs.storageClass, (c, v) => { c.storage.glusterfs.storageClass = v; }),
  'storage.glusterfs.restAuthEnabled': bool((c) => c.storage.glusterfs.restAuthEnabled, (c, v) => { c.storage.glusterfs.restAuthEnabled = v; }),
  'storage.glusterfs.restUrl': str((c) => c.storage.glusterfs.restUrl, (c, v) => { c.storage.glusterfs.restUrl = v; }, SHOULD_BE_REPLACED),
  'storage.glusterfs.clusterId': str((c) => c.storage.glusterfs.clusterId, (c, v) => { c.storage.glusterfs.clusterId = v; }, SHOULD_BE_REPLACED),
  'storage.glusterfs.restUser': str((c) => c.storage.glusterfs.restUser, (c, v) => { c.storage.glusterfs.restUser = v; }),
  'storage.glusterfs.secretName': str((c) => c.storage.glusterfs.secretName, (c, v) => { c.storage.glusterfs.secretName = v; }),
  'storage.glusterfs.gidMin': int((c) => c.storage.glusterfs.gidMin, (c, v) => { c.storage.glusterfs.gidMin = v; }),
  'storage.glusterfs.gidMax': int((c) => c.storage.glusterfs.gidMax, (c, v) => { c.storage.glusterfs.gidMax = v; }),
  'storage.glusterfs.volumeType': str((c) => c.storage.glusterfs.volumeType, (c, v) => { c.storage.glusterfs.volumeType = v; }),
  'storage.glusterfs.jwtAdminKey': secret((c) => c.storage.glusterfs.jwtAdminKey, (c, v) => { c.storage.glusterfs.jwtAdminKey = v; }),

  'options.imagePullPolicy': enumField(PULL_POLICIES, (c) => c.options.imagePullPolicy, (c, v) => { c.options.imagePullPolicy = v; }),
  'network.plugin': enumField(NETWORK_PLUGINS, (c) => c.network.plugin, (c, v) => { c.network.plugin = v; }),
  'network.serviceCidr': str((c) => c.network.serviceCidr, (c, v) => { c.network.serviceCidr = v; }),
  'network.podCidr': str((c) => c.network.podCidr, (c, v) => { c.network.podCidr = v; }),
  'network.proxyMode': enumField(PROXY_MODES, (c) => c.network.proxyMode, (c, v) => { c.network.proxyMode = v; }),
  'network.maxPods': int((c) => c.network.maxPods, (c, v) => { c.network.maxPods = v; }),

  'options.registryMirrors': {
    kind: 'list',
    get: (c) => c.options.registryMirrors,
    set: (c, v) => { c.options.registryMirrors = v; },
  },
  'options.periodicCleaningTime': enumField(CLEANING_TIMES, (c) => c.options.periodicCleaningTime, (c, v) => { c.options.periodicCleaningTime = v; }),
  'options.etcdBackup.period': int((c) => c.options.etcdBackup.period, (c, v) => { c.options.etcdBackup.period = v; }),
  'options.etcdBackup.keep': int((c) => c.options.etcdBackup.keep, (c, v) => { c.options.etcdBackup.keep = v; }),
  'options.etcdBackup.dir': str((c) => c.options.etcdBackup.dir, (c, v) => { c.options.etcdBackup.dir = v; }),
  'options.console.port': int((c) => c.options.console.port, (c, v) => { c.options.console.port = v; }),
  'options.console.disableMultiLogin': bool((c) => c.options.console.disableMultiLogin, (c, v) => { c.options.console.disableMultiLogin = v; }),
  'options.monitoring.prometheusReplica': int((c) => c.options.monitoring.prometheusReplica, (c, v) => { c.options.monitoring.prometheusReplica = v; }),
  'options.monitoring.prometheusMemory': str((c) => c.options.monitoring.prometheusMemory, (c, v) => { c.options.monitoring.prometheusMemory = v; }),
  'options.monitoring.prometheusVolume': str((c) => c.options.monitoring.prometheusVolume, (c, v) => { c.options.monitoring.prometheusVolume = v; }),
  'options.logging.keepLogDays': int((c) => c.options.logging.keepLogDays, (c, v) => { c.options.logging.keepLogDays = v; }),
  'options.logging.kibanaEnabled': bool((c) => c.options.logging.kibanaEnabled, (c, v) => { c.options.logging.kibanaEnabled = v; }),
  'options.logging.elasticsearchVolume': str((c) => c.options.logging.elasticsearchVolume, (c, v) => { c.options.logging.elasticsearchVolume = v; }),
  'options.logging.elasticsearchMasterReplica': int((c) => c.options.logging.elasticsearchMasterReplica, (c, v) => { c.options.logging.elasticsearchMasterReplica = v; }),
  'options.logging.elasticsearchDataReplica': int((c) => c.options.logging.elasticsearchDataReplica, (c, v) => { c.options.logging.elasticsearchDataReplica = v; }),
  'options.logging.elkPrefix': str((c) => c.options.logging.elkPrefix, (c, v) => { c.options.logging.elkPrefix = v; }),
  'options.devops.jenkinsMemoryLimit': str((c) => c.options.devops.jenkinsMemoryLimit, (c, v) => { c.options.devops.jenkinsMemoryLimit = v; }),
  'options.devops.jenkinsMemoryRequest': str((c) => c.options.devops.jenkinsMemoryRequest, (c, v) => { c.options.devops.jenkinsMemoryRequest = v; }),
  'options.devops.javaOpts': str((c) => c.options.devops.javaOpts, (c, v) => { c.options.devops.javaOpts = v; }),
  'options.devops.jenkinsLocationUrl': str((c) => c.options.devops.jenkinsLocationUrl, (c, v) => { c.options.devops.jenkinsLocationUrl = v; }),
  'options.devops.sonarqubeEnabled': bool((c) => c.options.devops.sonarqubeEnabled, (c, v) => { c.options.devops.sonarqubeEnabled = v; }),
  'options.email.smtpHost': str((c) => c.options.email.smtpHost, (c, v) => { c.options.email.smtpHost = v; }),
  'options.email.smtpPort': int((c) => c.options.email.smtpPort, (c, v) => { c.options.email.smtpPort = v; }),
  'options.email.fromAddress': str((c) => c.options.email.fromAddress, (c, v) => { c.options.email.fromAddress = v; }),
  'options.email.fromName': str((c) => c.options.email.fromName, (c, v) => { c.options.email.fromName = v; }),
  'options.email.password': {
    ...secret((c) => c.options.email.password, (c, v) => { c.options.email.password = v; }),
    samples: ['P@ssw0rd'],
  },
  'options.email.useSsl': bool((c) => c.options.email.useSsl, (c, v) => { c.options.email.useSsl = v; }),
  'options.harbor.enabled': bool((c) => c.options.harbor.enabled, (c, v) => { c.options.harbor.enabled = v; }),
  'options.harbor.domain': str((c) => c.options.harbor.domain, (c, v) => { c.options.harbor.domain = v; }),
  'options.gitlab.enabled': bool((c) => c.options.gitlab.enabled, (c, v) => { c.options.gitlab.enabled = v; }),
  'options.gitlab.hostsDomain': str((c) => c.options.gitlab.hostsDomain, (c, v) => { c.options.gitlab.hostsDomain = v; }),
};
