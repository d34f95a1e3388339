import { describe, expect, it } from 'vitest';
import { fieldForKey, keyFor, VARS_FIELD_IDS, VARS_KEYS, VARS_TARGETS } from './keys';
import { VARS_FIELDS } from './vars-fields';

describe('vars.yml key table', () => {
  it('names every field once per target', () => {
    for (const target of VARS_TARGETS) {
      const names = VARS_FIELD_IDS.map((id) => VARS_KEYS[target][id]);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it.each([
    ['storage.localVolume.enabled', 'local_volume_provisioner_enabled', 'local_volume_enabled'],
    ['storage.localVolume.storageClass', 'local_volume_provisioner_storage_class', 'local_volume_storage_class'],
    ['storage.nfs.enabled', 'nfs_client_enable', 'nfs_client_enabled'],
    ['qingcloud.lbEnabled', 'qingcloud_lb_enable', 'qingcloud_lb_enabled'],
    ['options.harbor.enabled', 'harbor_enable', 'harbor_enabled'],
    ['options.gitlab.enabled', 'gitlab_enable', 'gitlab_enabled'],
    ['options.devops.sonarqubeEnabled', 'sonarqube_enable', 'sonarqube_enabled'],
    ['options.logging.kibanaEnabled', 'kibana_enable', 'kibana_enabled'],
    ['options.logging.keepLogDays', 'keep_log_days', 'log_max_age'],
    ['options.monitoring.prometheusMemory', 'prometheus_memory_size', 'prometheus_memory_request'],
  ] as const)('%s is %s in 2.0.2 and %s in 2.1; both import', (field, v20, v21) => {
    expect(keyFor('2.0.2', field)).toBe(v20);
    expect(keyFor('2.1', field)).toBe(v21);
    expect(fieldForKey(v20)?.field).toBe(field);
    expect(fieldForKey(v21)?.field).toBe(field);
  });

  it('keeps the unchanged names identical across targets', () => {
    expect(keyFor('2.1', 'storage.localVolume.isDefault')).toBe('local_volume_is_default_class');
    expect(fieldForKey('ceph_rbd_monitors')?.targets).toEqual(['2.0.2', '2.1']);
  });

  it('has a model accessor for every scalar field', () => {
    for (const id of VARS_FIELD_IDS) {
      if (id === 'loadBalancer.domain' || id === 'loadBalancer.apiserver') continue;
      expect(VARS_FIELDS[id], id).toBeDefined();
    }
  });
});
