/**
 * What each installer version's vars.yml holds besides the model's fields: its fixed versions
 * (the renderer writes them, the importer only checks them) and the keys the installer knows but
 * the wizard does not model (imported as "ignored", not "unknown").
 */
import type { VarsTarget } from './types';

/** `undefined`: the wizard cannot render that version (yet); the importer reads its key names. */
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

/** Keys of the constants, over all versions. */
export const CONSTANT_KEYS: readonly string[] = ['ks_version', 'kube_version', 'etcd_version', 'openpitrix_version', 'dns_mode'];

/** GPU, an external SonarQube, NFS details and the 2.1 component switches. */
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
