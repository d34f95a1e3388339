/** Option rules: console port, quantities, registry mirrors, etcd backup and the Harbor/GitLab memory warning. */
import { RESERVED_NODE_PORTS } from '../defaults';
import { labelOf, type FieldPath } from '../fields/catalogue';
import type { ConfigIssue } from '../issues';
import { isHttpUrl, parseQuantity } from '../net';
import { error, isAbsolutePath, warning, type Rule } from './helpers';

export const consolePortRules: Rule = (config) => {
  const { port } = config.options.console;
  const path = 'options.console.port';
  if (!Number.isInteger(port) || port < 30000 || port > 32767) {
    return [error('options.console-port-range', path, `Console port ${port} must be a NodePort from 30000 to 32767 (default 30880).`)];
  }
  if ((RESERVED_NODE_PORTS as readonly number[]).includes(port)) {
    return [
      error(
        'options.console-port-reserved',
        path,
        `Console port ${port} is reserved by KubeSphere (30180 Jenkins, 30280 Harbor, 30380 internal): pick another, e.g. 30880.`,
      ),
    ];
  }
  return [];
};

export const quantityRules: Rule = ({ options }) => {
  const field = (path: FieldPath, value: string) => ({ path, label: labelOf(path), value });
  const fields = [
    field('options.monitoring.prometheusMemory', options.monitoring.prometheusMemory),
    field('options.monitoring.prometheusVolume', options.monitoring.prometheusVolume),
    field('options.logging.elasticsearchVolume', options.logging.elasticsearchVolume),
    field('options.devops.jenkinsMemoryLimit', options.devops.jenkinsMemoryLimit),
    field('options.devops.jenkinsMemoryRequest', options.devops.jenkinsMemoryRequest),
  ];
  const issues: ConfigIssue[] = fields
    .filter(({ value }) => parseQuantity(value) === undefined)
    .map(({ path, label, value }) =>
      error(
        'options.quantity-invalid',
        path,
        `${label} "${value}" is not a Kubernetes quantity such as 400Mi, 8Gi or 20Gi: Kubernetes would fail with "unable to parse quantity's suffix".`,
      ),
    );
  const limit = parseQuantity(options.devops.jenkinsMemoryLimit);
  const request = parseQuantity(options.devops.jenkinsMemoryRequest);
  if (limit !== undefined && request !== undefined && request > limit) {
    issues.push(
      error(
        'options.jenkins-request-above-limit',
        'options.devops.jenkinsMemoryRequest',
        `${labelOf('options.devops.jenkinsMemoryRequest')} (${options.devops.jenkinsMemoryRequest}) is above its limit (${options.devops.jenkinsMemoryLimit}): Kubernetes would refuse the pod.`,
      ),
    );
  }
  return issues;
};

export const registryMirrorRules: Rule = ({ options }) =>
  options.registryMirrors.flatMap((mirror, index) =>
    isHttpUrl(mirror)
      ? []
      : [
          error(
            'options.registry-mirror-invalid',
            `options.registryMirrors.${index}`,
            `Registry mirror "${mirror}" must be an http:// or https:// URL, e.g. https://mirror.example.com.`,
          ),
        ],
  );

export const etcdBackupRules: Rule = ({ options: { etcdBackup } }) => {
  const issues: ConfigIssue[] = [];
  if (!Number.isInteger(etcdBackup.period) || etcdBackup.period < 1) {
    issues.push(
      error(
        'options.etcd-backup-period',
        'options.etcdBackup.period',
        `etcd backup period ${etcdBackup.period} must be a whole number of minutes, at least 1 (default 30).`,
      ),
    );
  }
  if (!Number.isInteger(etcdBackup.keep) || etcdBackup.keep < 1) {
    issues.push(
      error(
        'options.etcd-backup-keep',
        'options.etcdBackup.keep',
        `Number of etcd backups to keep (${etcdBackup.keep}) must be a whole number, at least 1 (default 5).`,
      ),
    );
  }
  if (!isAbsolutePath(etcdBackup.dir)) {
    issues.push(
      error(
        'options.etcd-backup-dir',
        'options.etcdBackup.dir',
        `etcd backup directory "${etcdBackup.dir}" must be an absolute path, e.g. /var/backups/kube_etcd.`,
      ),
    );
  }
  return issues;
};

export const devopsMemoryRules: Rule = ({ options }) => {
  const heavy = [options.harbor.enabled ? 'Harbor' : '', options.gitlab.enabled ? 'GitLab' : ''].filter(Boolean);
  if (heavy.length === 0) return [];
  const path = options.harbor.enabled ? 'options.harbor.enabled' : 'options.gitlab.enabled';
  return [warning('options.harbor-gitlab-memory', path, `${heavy.join(' and ')} need more memory: make sure your hosts have at least 24 GiB of RAM in total.`)];
};
