/** Storage rules: the default class, local volume, class names and each backend (NFS, Ceph RBD, GlusterFS, QingCloud, NeonSAN). */
import type { StorageBackend } from '../schema';
import { leniencyOf } from '../profile-leniency';
import { STORAGE_BACKENDS } from '../schema';
import { isSet, type Secret } from '../secret';
import type { ConfigIssue } from '../issues';
import { isDns1123Label, isHostnameOrIPv4, isHttpUrl, isIPv4WithPort, parseHostPort } from '../net';
import { error, isAbsolutePath, isMultiNode, warning, type Rule } from './helpers';

const BACKEND_LABELS: Record<StorageBackend, string> = {
  localVolume: 'Local volume',
  nfs: 'NFS',
  cephRbd: 'Ceph RBD',
  glusterfs: 'GlusterFS',
  qingcloudCsi: 'QingCloud CSI',
  neonsan: 'NeonSAN',
};

const defaultPath = (backend: StorageBackend): string => `storage.${backend}.isDefault`;

export const defaultClassRules: Rule = (config) => {
  const { storage } = config;
  const enabled = STORAGE_BACKENDS.filter((backend) => storage[backend].enabled);
  const defaults = enabled.filter((backend) => storage[backend].isDefault);
  const issues: ConfigIssue[] = STORAGE_BACKENDS.filter((backend) => !storage[backend].enabled && storage[backend].isDefault).map((backend) =>
    warning(
      'storage.default-on-disabled',
      defaultPath(backend),
      `${BACKEND_LABELS[backend]} is marked default but not enabled: the installer ignores it. Enable ${BACKEND_LABELS[backend]} or unmark it.`,
    ),
  );
  const [first, ...extra] = defaults;
  if (!first) {
    const hint =
      enabled.length === 0
        ? ' Enable a storage backend and make it the default.'
        : ` Make one of ${enabled.map((b) => BACKEND_LABELS[b]).join(', ')} the default.`;
    issues.push(error('storage.default-none', 'storage', `Exactly one enabled storage backend must be the default class: none is.${hint}`));
  }
  const allDefaults = defaults.map((b) => BACKEND_LABELS[b]).join(', ');
  for (const backend of extra) {
    issues.push(
      error(
        'storage.default-several',
        defaultPath(backend),
        `Exactly one enabled storage backend can be the default class, but ${allDefaults} all are: unmark ${BACKEND_LABELS[backend]} (or keep it and unmark the others).`,
      ),
    );
  }
  return issues;
};

/**
 * Local volume on more than one host: an error as the default class of a real install (PVCs stay
 * Pending), only a warning for a profile whose leniency says so (the lab stand-ins, which provision nothing).
 */
export const localVolumeRules: Rule = (config) => {
  const local = config.storage.localVolume;
  if (!local.enabled || !isMultiNode(config)) return [];
  const count = config.hosts.length;
  if (local.isDefault) {
    if (leniencyOf(config.installer.profile).localVolumeMultiNode === 'warning') {
      return [
        warning(
          'storage.local-volume-default-multi-node',
          defaultPath('localVolume'),
          `Local volume is the default storage class of a ${count}-host cluster: fine for the lab stand-in; a real multi-node install needs NFS, Ceph RBD, GlusterFS, QingCloud CSI or NeonSAN as the default, or PVCs stay Pending.`,
        ),
      ];
    }
    return [
      error(
        'storage.local-volume-default-multi-node',
        defaultPath('localVolume'),
        `Local volume cannot be the default storage class of a ${count}-host cluster: it is for all-in-one testing only, so PVCs would stay Pending. Make NFS, Ceph RBD, GlusterFS, QingCloud CSI or NeonSAN the default.`,
      ),
    ];
  }
  return [
    warning(
      'storage.local-volume-multi-node',
      'storage.localVolume.enabled',
      `Local volume is enabled on a ${count}-host cluster: it is for all-in-one testing only and provisions nothing dynamically. Disable it unless you create its volumes by hand.`,
    ),
  ];
};

export const storageClassNameRules: Rule = (config) => {
  const { storage } = config;
  const named = [
    { backend: 'localVolume' as const, enabled: storage.localVolume.enabled, name: storage.localVolume.storageClass },
    { backend: 'cephRbd' as const, enabled: storage.cephRbd.enabled, name: storage.cephRbd.storageClass },
    { backend: 'glusterfs' as const, enabled: storage.glusterfs.enabled, name: storage.glusterfs.storageClass },
  ].filter((entry) => entry.enabled);
  const issues: ConfigIssue[] = [];
  const firstByName = new Map<string, StorageBackend>();
  for (const { backend, name } of named) {
    const path = `storage.${backend}.storageClass`;
    const earlier = firstByName.get(name);
    if (!isDns1123Label(name)) {
      issues.push(
        error(
          'storage.class-name-invalid',
          path,
          `Storage class name "${name}" of ${BACKEND_LABELS[backend]} is not valid: use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.`,
        ),
      );
    } else if (earlier) {
      issues.push(
        error(
          'storage.class-name-duplicate',
          path,
          `${BACKEND_LABELS[backend]} uses the storage class name "${name}" like ${BACKEND_LABELS[earlier]}: give each its own name.`,
        ),
      );
    } else {
      firstByName.set(name, backend);
    }
  }
  return issues;
};

function requiredSecret(secret: Secret, code: string, path: string, message: string): ConfigIssue[] {
  return isSet(secret) ? [] : [error(code, path, message)];
}

function requiredText(value: string, code: string, path: string, message: string): ConfigIssue[] {
  return value.trim() === '' ? [error(code, path, message)] : [];
}

export const nfsRules: Rule = ({ storage: { nfs } }) => {
  if (!nfs.enabled) return [];
  const issues: ConfigIssue[] = [];
  if (nfs.server === '')
    issues.push(error('storage.nfs.server-required', 'storage.nfs.server', 'Enter the NFS server (IP or host name) that exports the volume.'));
  else if (!isHostnameOrIPv4(nfs.server)) {
    issues.push(error('storage.nfs.server-invalid', 'storage.nfs.server', `NFS server "${nfs.server}" is neither an IPv4 address nor a host name.`));
  }
  if (nfs.path === '') issues.push(error('storage.nfs.path-required', 'storage.nfs.path', 'Enter the path the NFS server exports, e.g. /mnt/kubesphere.'));
  else if (!isAbsolutePath(nfs.path)) {
    issues.push(error('storage.nfs.path-not-absolute', 'storage.nfs.path', `NFS path "${nfs.path}" must be the absolute exported path, starting with "/".`));
  }
  return issues;
};

export const cephRbdRules: Rule = ({ storage: { cephRbd: ceph } }) => {
  if (!ceph.enabled) return [];
  const issues: ConfigIssue[] = [];
  if (ceph.monitors.length === 0) {
    issues.push(error('storage.ceph.monitors-required', 'storage.cephRbd.monitors', 'Add at least one Ceph monitor as ip:port, e.g. 192.168.0.20:6789.'));
  }
  ceph.monitors.forEach((monitor, index) => {
    if (parseHostPort(monitor)) return;
    issues.push(
      error(
        'storage.ceph.monitor-invalid',
        `storage.cephRbd.monitors.${index}`,
        `Ceph monitor "${monitor}" must be ip:port or host:port, e.g. 192.168.0.20:6789.`,
      ),
    );
  });
  issues.push(
    ...requiredSecret(
      ceph.adminSecret,
      'storage.ceph.admin-secret-required',
      'storage.cephRbd.adminSecret',
      'Enter the Ceph admin secret: the output of `ceph auth get-key client.admin`.',
    ),
    ...requiredSecret(
      ceph.userSecret,
      'storage.ceph.user-secret-required',
      'storage.cephRbd.userSecret',
      `Enter the Ceph user secret: the key of client.${ceph.userId || 'admin'} used to map images.`,
    ),
  );
  if (ceph.imageFormat === '1' && ceph.imageFeatures.trim() !== '') {
    issues.push(
      error(
        'storage.ceph.image-features-format-1',
        'storage.cephRbd.imageFeatures',
        `Ceph image features ("${ceph.imageFeatures}") only work with image format 2: set the image format to 2 or clear the features.`,
      ),
    );
  }
  return issues;
};

export const glusterfsRules: Rule = ({ storage: { glusterfs: gluster } }) => {
  if (!gluster.enabled) return [];
  const issues: ConfigIssue[] = [];
  if (gluster.restUrl === '') {
    issues.push(error('storage.glusterfs.rest-url-required', 'storage.glusterfs.restUrl', 'Enter the Heketi REST URL, e.g. http://192.168.0.4:8080.'));
  } else if (!isHttpUrl(gluster.restUrl) && !parseHostPort(gluster.restUrl)) {
    issues.push(
      error(
        'storage.glusterfs.rest-url-invalid',
        'storage.glusterfs.restUrl',
        `Heketi REST URL "${gluster.restUrl}" must be an http(s) URL or ip:port, e.g. http://192.168.0.4:8080.`,
      ),
    );
  }
  issues.push(
    ...requiredText(
      gluster.clusterId,
      'storage.glusterfs.cluster-id-required',
      'storage.glusterfs.clusterId',
      'Enter the GlusterFS cluster ID: the output of `heketi-cli cluster list`.',
    ),
  );
  if (gluster.restAuthEnabled) {
    issues.push(
      ...requiredSecret(
        gluster.jwtAdminKey,
        'storage.glusterfs.jwt-admin-key-required',
        'storage.glusterfs.jwtAdminKey',
        'Enter the Heketi admin key (jwt.admin.key in /etc/heketi/heketi.json), or turn REST authentication off.',
      ),
    );
  }
  if (!(gluster.gidMin < gluster.gidMax)) {
    issues.push(
      error(
        'storage.glusterfs.gid-range',
        'storage.glusterfs.gidMax',
        `GlusterFS GID range is empty: the maximum (${gluster.gidMax}) must be above the minimum (${gluster.gidMin}).`,
      ),
    );
  }
  return issues;
};

/** The QingCloud API block is shared by QingCloud CSI and the QingCloud LB plugin. */
export const qingcloudRules: Rule = ({ storage, qingcloud }) => {
  const users = [storage.qingcloudCsi.enabled ? 'QingCloud CSI' : '', qingcloud.lbEnabled ? 'The QingCloud LB plugin' : ''].filter(Boolean);
  const issues: ConfigIssue[] = [];
  if (users.length > 0) {
    const who = users.join(' and ');
    const verb = users.length > 1 ? 'need' : 'needs';
    issues.push(
      ...requiredText(
        qingcloud.accessKeyId,
        'qingcloud.access-key-required',
        'qingcloud.accessKeyId',
        `${who} ${verb} the QingCloud API access key ID: create one in the QingCloud console.`,
      ),
      ...requiredSecret(
        qingcloud.secretAccessKey,
        'qingcloud.secret-key-required',
        'qingcloud.secretAccessKey',
        `${who} ${verb} the secret of the QingCloud API access key.`,
      ),
      ...requiredText(qingcloud.zone, 'qingcloud.zone-required', 'qingcloud.zone', `${who} ${verb} the QingCloud zone of the cluster, e.g. pek3a.`),
    );
  }
  const csi = storage.qingcloudCsi;
  if (csi.enabled && !(csi.minSize <= csi.maxSize)) {
    issues.push(
      error(
        'storage.qingcloud-csi.size-range',
        'storage.qingcloudCsi.minSize',
        `QingCloud CSI minimum size (${csi.minSize} GiB) is above the maximum (${csi.maxSize} GiB).`,
      ),
    );
  }
  return issues;
};

export const neonsanRules: Rule = ({ storage: { neonsan } }) => {
  if (!neonsan.enabled) return [];
  const issues: ConfigIssue[] = [];
  if (neonsan.serverAddress === '') {
    issues.push(error('storage.neonsan.server-address-required', 'storage.neonsan.serverAddress', 'Enter the NeonSAN server address as IP:PORT.'));
  } else if (!isIPv4WithPort(neonsan.serverAddress)) {
    issues.push(
      error(
        'storage.neonsan.server-address-invalid',
        'storage.neonsan.serverAddress',
        `NeonSAN server address "${neonsan.serverAddress}" must be IP:PORT, e.g. 192.168.0.30:9530.`,
      ),
    );
  }
  issues.push(...requiredText(neonsan.clusterName, 'storage.neonsan.cluster-name-required', 'storage.neonsan.clusterName', 'Enter the NeonSAN cluster name.'));
  return issues;
};
