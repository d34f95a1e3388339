/** Value lists and long defaults the catalogue and the schema share (one definition each). */

export const NETWORK_PLUGINS = ['calico', 'flannel'] as const;
export const PROXY_MODES = ['ipvs', 'iptables'] as const;
export const IMAGE_PULL_POLICIES = ['IfNotPresent', 'Always', 'Never'] as const;
export const CLEANING_TIMES = ['reboot', 'yearly', 'annually', 'monthly', 'weekly', 'daily', 'hourly'] as const;
export const CEPH_IMAGE_FORMATS = ['1', '2'] as const;
export const NEONSAN_PROTOCOLS = ['TCP', 'RDMA'] as const;

/** File systems the storage plugins format volumes with (a select in the form). */
export const FS_TYPES = ['ext4', 'ext3', 'xfs'].map((value) => ({ value, label: value }));

/** QingCloud CSI disk types (`qingcloud_type`); the one chosen must suit the instance type. */
export const QINGCLOUD_DISK_TYPES = [
  { value: '0', label: '0 · high performance' },
  { value: '1', label: '1 · high capacity (some zones)' },
  { value: '2', label: '2 · high capacity' },
  { value: '3', label: '3 · super high performance' },
  { value: '5', label: '5 · NeonSAN' },
  { value: '100', label: '100 · basic' },
  { value: '200', label: '200 · SSD enterprise' },
];

/** The commented-out examples vars.yml shows when no registry mirror is set. */
export const REGISTRY_MIRROR_EXAMPLES = ['https://docker.mirrors.ustc.edu.cn', 'https://registry.docker-cn.com', 'https://mirror.aliyuncs.com'];

export const DEFAULT_JAVA_OPTS =
  '-Xms3g -Xmx6g -XX:MaxRAM=8g -Dhudson.slaves.NodeProvisioner.initialDelay=20 ' +
  '-Dhudson.slaves.NodeProvisioner.MARGIN=50 -Dhudson.slaves.NodeProvisioner.MARGIN0=0.85 ' +
  '-Dhudson.model.LoadStatistics.clock=5000 -Dhudson.model.LoadStatistics.decay=0.2 ' +
  '-Dhudson.slaves.NodeProvisioner.recurrencePeriod=5000 -Dhudson.security.csrf.DefaultCrumbIssuer.EXCLUDE_SESSION_ID=true ' +
  '-Dio.jenkins.plugins.casc.ConfigurationAsCode.initialDelay=10000 -Djenkins.install.runSetupWizard=false ' +
  '-XX:+UseG1GC -XX:+ExplicitGCInvokesConcurrent -XX:+ParallelRefProcEnabled -XX:+UseStringDeduplication ' +
  '-XX:+UnlockExperimentalVMOptions -XX:+UnlockDiagnosticVMOptions -XX:G1NewSizePercent=20 ' +
  '-XX:+PrintGCDetails -XX:+PrintGCDateStamps -XX:+PrintGC';
