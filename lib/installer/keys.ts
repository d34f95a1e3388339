/**
 * The vars.yml key names of every model field, per installer target.
 *
 * Invariants:
 * - Every target table names every field id in VARS_FIELD_IDS (the `Record` type enforces it), so
 *   adding a target ('2.1' below) is one more table and nothing else.
 * - The renderer writes the names of `config.target`; the importer accepts the names of EVERY
 *   table (2.0.x files and 2.1-style files both import).
 * - Keys the installer knows but the wizard does not model (GPU, external SonarQube, 2.1 component
 *   switches) are listed in KNOWN_UNMODELLED_KEYS so the importer can say "ignored" instead of
 *   "unknown".
 */
import type { InstallerTarget } from '../config/schema';

/** Every vars.yml key table. '2.1' exists for import (and a future 2.1 target). */
export const VARS_TARGETS = ['2.0.2', '2.1'] as const;
export type VarsTarget = (typeof VARS_TARGETS)[number];

/** Model fields that map to one top-level vars.yml key each (dot paths into InstallConfig). */
export const VARS_FIELD_IDS = [
  'qingcloud.accessKeyId',
  'qingcloud.secretAccessKey',
  'qingcloud.zone',
  'qingcloud.host',
  'qingcloud.port',
  'qingcloud.protocol',
  'qingcloud.uri',
  'qingcloud.connectionRetries',
  'qingcloud.connectionTimeout',
  'qingcloud.lbEnabled',
  'qingcloud.vxnetId',
  'storage.localVolume.enabled',
  'storage.localVolume.storageClass',
  'storage.localVolume.isDefault',
  'storage.qingcloudCsi.enabled',
  'storage.qingcloudCsi.isDefault',
  'storage.qingcloudCsi.type',
  'storage.qingcloudCsi.maxSize',
  'storage.qingcloudCsi.minSize',
  'storage.qingcloudCsi.stepSize',
  'storage.qingcloudCsi.fsType',
  'storage.qingcloudCsi.diskReplica',
  'storage.cephRbd.enabled',
  'storage.cephRbd.isDefault',
  'storage.cephRbd.storageClass',
  'storage.cephRbd.monitors',
  'storage.cephRbd.adminId',
  'storage.cephRbd.adminSecret',
  'storage.cephRbd.pool',
  'storage.cephRbd.userId',
  'storage.cephRbd.userSecret',
  'storage.cephRbd.fsType',
  'storage.cephRbd.imageFormat',
  'storage.cephRbd.imageFeatures',
  'storage.nfs.enabled',
  'storage.nfs.isDefault',
  'storage.nfs.server',
  'storage.nfs.path',
  'storage.neonsan.enabled',
  'storage.neonsan.isDefault',
  'storage.neonsan.protocol',
  'storage.neonsan.serverAddress',
  'storage.neonsan.clusterName',
  'storage.neonsan.pool',
  'storage.neonsan.replicas',
  'storage.neonsan.stepSize',
  'storage.neonsan.fsType',
  'storage.glusterfs.enabled',
  'storage.glusterfs.isDefault',
  'storage.glusterfs.storageClass',
  'storage.glusterfs.restAuthEnabled',
  'storage.glusterfs.restUrl',
  'storage.glusterfs.clusterId',
  'storage.glusterfs.restUser',
  'storage.glusterfs.secretName',
  'storage.glusterfs.gidMin',
  'storage.glusterfs.gidMax',
  'storage.glusterfs.volumeType',
  'storage.glusterfs.jwtAdminKey',
  'options.imagePullPolicy',
  'network.plugin',
  'network.serviceCidr',
  'network.podCidr',
  'network.proxyMode',
  'network.maxPods',
  'loadBalancer.domain',
  'loadBalancer.apiserver',
  'options.registryMirrors',
  'options.periodicCleaningTime',
  'options.etcdBackup.period',
  'options.etcdBackup.keep',
  'options.etcdBackup.dir',
  'options.console.port',
  'options.console.disableMultiLogin',
  'options.monitoring.prometheusReplica',
  'options.monitoring.prometheusMemory',
  'options.monitoring.prometheusVolume',
  'options.logging.keepLogDays',
  'options.logging.kibanaEnabled',
  'options.logging.elasticsearchVolume',
  'options.logging.elasticsearchMasterReplica',
  'options.logging.elasticsearchDataReplica',
  'options.logging.elkPrefix',
  'options.devops.jenkinsMemoryLimit',
  'options.devops.jenkinsMemoryRequest',
  'options.devops.javaOpts',
  'options.devops.jenkinsLocationUrl',
  'options.devops.sonarqubeEnabled',
  'options.email.smtpHost',
  'options.email.smtpPort',
  'options.email.fromAddress',
  'options.email.fromName',
  'options.email.password',
  'options.email.useSsl',
  'options.harbor.enabled',
  'options.harbor.domain',
  'options.gitlab.enabled',
  'options.gitlab.hostsDomain',
] as const;
export type VarsFieldId = (typeof VARS_FIELD_IDS)[number];

type KeyTable = Record<VarsFieldId, string>;

/** 2.0.x names: the shipped 2.0.2 vars.yml (asciinema recording), the storage table, ks-installer advanced-2.0.2. */
const KEYS_2_0: KeyTable = {
  'qingcloud.accessKeyId': 'qingcloud_access_key_id',
  'qingcloud.secretAccessKey': 'qingcloud_secret_access_key',
  'qingcloud.zone': 'qingcloud_zone',
  'qingcloud.host': 'qingcloud_host',
  'qingcloud.port': 'qingcloud_port',
  'qingcloud.protocol': 'qingcloud_protocol',
  'qingcloud.uri': 'qingcloud_uri',
  'qingcloud.connectionRetries': 'qingcloud_connection_retries',
  'qingcloud.connectionTimeout': 'qingcloud_connection_timeout',
  'qingcloud.lbEnabled': 'qingcloud_lb_enable',
  'qingcloud.vxnetId': 'qingcloud_vxnet_id',
  'storage.localVolume.enabled': 'local_volume_provisioner_enabled',
  'storage.localVolume.storageClass': 'local_volume_provisioner_storage_class',
  'storage.localVolume.isDefault': 'local_volume_is_default_class',
  'storage.qingcloudCsi.enabled': 'qingcloud_csi_enabled',
  'storage.qingcloudCsi.isDefault': 'qingcloud_csi_is_default_class',
  'storage.qingcloudCsi.type': 'qingcloud_type',
  'storage.qingcloudCsi.maxSize': 'qingcloud_maxSize',
  'storage.qingcloudCsi.minSize': 'qingcloud_minSize',
  'storage.qingcloudCsi.stepSize': 'qingcloud_stepSize',
  'storage.qingcloudCsi.fsType': 'qingcloud_fsType',
  'storage.qingcloudCsi.diskReplica': 'qingcloud_disk_replica',
  'storage.cephRbd.enabled': 'ceph_rbd_enabled',
  'storage.cephRbd.isDefault': 'ceph_rbd_is_default_class',
  'storage.cephRbd.storageClass': 'ceph_rbd_storage_class',
  'storage.cephRbd.monitors': 'ceph_rbd_monitors',
  'storage.cephRbd.adminId': 'ceph_rbd_admin_id',
  'storage.cephRbd.adminSecret': 'ceph_rbd_admin_secret',
  'storage.cephRbd.pool': 'ceph_rbd_pool',
  'storage.cephRbd.userId': 'ceph_rbd_user_id',
  'storage.cephRbd.userSecret': 'ceph_rbd_user_secret',
  'storage.cephRbd.fsType': 'ceph_rbd_fsType',
  'storage.cephRbd.imageFormat': 'ceph_rbd_imageFormat',
  'storage.cephRbd.imageFeatures': 'ceph_rbd_imageFeatures',
  'storage.nfs.enabled': 'nfs_client_enable',
  'storage.nfs.isDefault': 'nfs_client_is_default_class',
  'storage.nfs.server': 'nfs_server',
  'storage.nfs.path': 'nfs_path',
  'storage.neonsan.enabled': 'neonsan_csi_enabled',
  'storage.neonsan.isDefault': 'neonsan_csi_is_default_class',
  'storage.neonsan.protocol': 'neonsan_csi_protocol',
  'storage.neonsan.serverAddress': 'neonsan_server_address',
  'storage.neonsan.clusterName': 'neonsan_cluster_name',
  'storage.neonsan.pool': 'neonsan_server_pool',
  'storage.neonsan.replicas': 'neonsan_server_replicas',
  'storage.neonsan.stepSize': 'neonsan_server_stepSize',
  'storage.neonsan.fsType': 'neonsan_server_fsType',
  'storage.glusterfs.enabled': 'glusterfs_provisioner_enabled',
  'storage.glusterfs.isDefault': 'glusterfs_is_default_class',
  'storage.glusterfs.storageClass': 'glusterfs_provisioner_storage_class',
  'storage.glusterfs.restAuthEnabled': 'glusterfs_provisioner_restauthenabled',
  'storage.glusterfs.restUrl': 'glusterfs_provisioner_resturl',
  'storage.glusterfs.clusterId': 'glusterfs_provisioner_clusterid',
  'storage.glusterfs.restUser': 'glusterfs_provisioner_restuser',
  'storage.glusterfs.secretName': 'glusterfs_provisioner_secretName',
  'storage.glusterfs.gidMin': 'glusterfs_provisioner_gidMin',
  'storage.glusterfs.gidMax': 'glusterfs_provisioner_gidMax',
  'storage.glusterfs.volumeType': 'glusterfs_provisioner_volumetype',
  'storage.glusterfs.jwtAdminKey': 'jwt_admin_key',
  'options.imagePullPolicy': 'ks_image_pull_policy',
  'network.plugin': 'kube_network_plugin',
  'network.serviceCidr': 'kube_service_addresses',
  'network.podCidr': 'kube_pods_subnet',
  'network.proxyMode': 'kube_proxy_mode',
  'network.maxPods': 'kubelet_max_pods',
  'loadBalancer.domain': 'apiserver_loadbalancer_domain_name',
  'loadBalancer.apiserver': 'loadbalancer_apiserver',
  'options.registryMirrors': 'docker_registry_mirrors',
  'options.periodicCleaningTime': 'periodic_cleaning_time',
  'options.etcdBackup.period': 'etcd_backup_period',
  'options.etcdBackup.keep': 'keep_backup_number',
  'options.etcdBackup.dir': 'etcd_backup_dir',
  'options.console.port': 'console_port',
  'options.console.disableMultiLogin': 'disableMultiLogin',
  'options.monitoring.prometheusReplica': 'prometheus_replica',
  'options.monitoring.prometheusMemory': 'prometheus_memory_size',
  'options.monitoring.prometheusVolume': 'prometheus_volume_size',
  'options.logging.keepLogDays': 'keep_log_days',
  'options.logging.kibanaEnabled': 'kibana_enable',
  'options.logging.elasticsearchVolume': 'elasticsearch_volume_size',
  'options.logging.elasticsearchMasterReplica': 'elasticsearch_master_replica',
  'options.logging.elasticsearchDataReplica': 'elasticsearch_data_replica',
  'options.logging.elkPrefix': 'elk_prefix',
  'options.devops.jenkinsMemoryLimit': 'jenkins_memory_lim',
  'options.devops.jenkinsMemoryRequest': 'jenkins_memory_req',
  'options.devops.javaOpts': 'Java_Opts',
  'options.devops.jenkinsLocationUrl': 'JenkinsLocationUrl',
  'options.devops.sonarqubeEnabled': 'sonarqube_enable',
  'options.email.smtpHost': 'EMAIL_SMTP_HOST',
  'options.email.smtpPort': 'EMAIL_SMTP_PORT',
  'options.email.fromAddress': 'EMAIL_FROM_ADDR',
  'options.email.fromName': 'EMAIL_FROM_NAME',
  'options.email.password': 'EMAIL_FROM_PASS',
  'options.email.useSsl': 'EMAIL_USE_SSL',
  'options.harbor.enabled': 'harbor_enable',
  'options.harbor.domain': 'harbor_domain',
  'options.gitlab.enabled': 'gitlab_enable',
  'options.gitlab.hostsDomain': 'gitlab_hosts_domain',
};

/** 2.1 names (reference §2.0): only the renamed keys differ from 2.0.x. */
const KEYS_2_1: KeyTable = {
  ...KEYS_2_0,
  'qingcloud.lbEnabled': 'qingcloud_lb_enabled',
  'storage.localVolume.enabled': 'local_volume_enabled',
  'storage.localVolume.storageClass': 'local_volume_storage_class',
  'storage.nfs.enabled': 'nfs_client_enabled',
  'options.monitoring.prometheusMemory': 'prometheus_memory_request',
  'options.logging.keepLogDays': 'log_max_age',
  'options.logging.kibanaEnabled': 'kibana_enabled',
  'options.devops.sonarqubeEnabled': 'sonarqube_enabled',
  'options.harbor.enabled': 'harbor_enabled',
  'options.gitlab.enabled': 'gitlab_enabled',
};

export const VARS_KEYS: Record<VarsTarget, KeyTable> = { '2.0.2': KEYS_2_0, '2.1': KEYS_2_1 };

/**
 * Fixed values the renderer writes for a target (not part of the model). `undefined` for a target
 * means the wizard cannot render that target (yet); the importer only checks them.
 */
export const TARGET_CONSTANTS: Record<VarsTarget, Readonly<Record<string, string>> | undefined> = {
  '2.0.2': {
    ks_version: '2.0.2',
    kube_version: 'v1.13.5',
    etcd_version: 'v3.2.18',
    openpitrix_version: 'v0.3.5',
    dns_mode: 'coredns',
  },
  '2.1': undefined,
};

/** Keys of the constants, over all targets (the importer checks, never sets, them). */
export const CONSTANT_KEYS: readonly string[] = ['ks_version', 'kube_version', 'etcd_version', 'openpitrix_version', 'dns_mode'];

/** Keys the installer knows that the wizard does not model: imported as "ignored" warnings. */
export const KNOWN_UNMODELLED_KEYS: readonly string[] = [
  'sonar_server_url',
  'sonar_server_token',
  'nvidia_accelerator_enabled',
  'nvidia_gpu_nodes',
  'nfs_vers3_enabled',
  'nfs_archiveOnDelete',
  'client_tcp_no_delay',
  'client_io_depth',
  'client_io_timeout',
  'conn_timeout',
  'open_volume_timeout',
  'istio_enable',
  'metrics_server_enable',
  'logging_enable',
  'devops_enabled',
  'logging_enabled',
  'openpitrix_enabled',
  'servicemesh_enabled',
  'alerting_enabled',
  'notification_enabled',
  'metrics_server_enabled',
  'monitoring_enabled',
  'grafana_enabled',
];

export function keyFor(target: InstallerTarget | VarsTarget, field: VarsFieldId): string {
  return VARS_KEYS[target][field];
}

export interface KeyMatch {
  field: VarsFieldId;
  /** The tables that use this name (both when 2.0.x and 2.1 agree). */
  targets: VarsTarget[];
}

const KEY_INDEX: ReadonlyMap<string, KeyMatch> = (() => {
  const index = new Map<string, KeyMatch>();
  for (const target of VARS_TARGETS) {
    for (const field of VARS_FIELD_IDS) {
      const key = VARS_KEYS[target][field];
      const match = index.get(key);
      if (match) match.targets.push(target);
      else index.set(key, { field, targets: [target] });
    }
  }
  return index;
})();

/** The model field a vars.yml key sets, under any target's name. */
export function fieldForKey(key: string): KeyMatch | undefined {
  return KEY_INDEX.get(key);
}
