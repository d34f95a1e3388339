import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { seedConfig, seedInternalLbConfig } from '../config/fixtures';
import type { InstallConfig } from '../config/schema';
import { assertValid, type ValidInstallConfig } from '../config/validate';
import { InstallerRenderError } from './errors';
import { FIELD_CATALOGUE, keyOf } from '../config/fields/catalogue';
import { renderVarsYml } from './vars-yml';

const PH = { secrets: 'placeholder' } as const;
const render = (patch: (c: InstallConfig) => void = () => undefined, opts: { secrets: 'placeholder' | 'reveal' } = PH) => {
  const c = seedConfig();
  patch(c);
  return renderVarsYml(assertValid(c), opts);
};
const load = (text: string) => parse(text, { version: '1.1' }) as Record<string, unknown>;

describe('renderVarsYml', () => {
  it('writes every key with its 2.0.2 name, in the shipped section order', () => {
    const text = render();
    const data = load(text);
    for (const entry of FIELD_CATALOGUE) {
      if (entry.path === 'storage.cephRbd.imageFeatures' || entry.path === 'options.registryMirrors') continue;
      expect(data, entry.path).toHaveProperty(keyOf(entry.keys, '2.0.2'));
    }
    expect(data).toHaveProperty('loadbalancer_apiserver');
    const order = [
      '##config',
      'qingcloud_lb_enable',
      '# Storage configuration',
      'local_volume_provisioner_enabled',
      'qingcloud_csi_enabled',
      'ceph_rbd_enabled',
      'nfs_client_enable',
      'neonsan_csi_enabled',
      'glusterfs_provisioner_enabled',
      '# Cluster configuration',
      'ks_version: 2.0.2',
      'kube_version: v1.13.5',
      'etcd_version: v3.2.18',
      'openpitrix_version: v0.3.5',
      'kube_network_plugin',
      'dns_mode: coredns',
      '## External LB example config',
      'docker_registry_mirrors',
      'periodic_cleaning_time',
      'etcd_backup_period',
      'console_port',
      'prometheus_replica',
      'keep_log_days',
      'jenkins_memory_lim',
      'EMAIL_SMTP_HOST',
      'harbor_enable',
      'gitlab_enable',
      'sonarqube_enable',
      'nvidia_gpu_nodes',
    ];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('uncomments loadbalancer_apiserver (two-space indent) only for an external LB, the domain only when not default', () => {
    expect(render()).toContain(
      '## External LB example config\n## apiserver_loadbalancer_domain_name: "lb.kubesphere.local"\nloadbalancer_apiserver:\n  address: 192.168.0.10\n  port: 6443\n',
    );
    const none = render((c) => {
      c.loadBalancer = { kind: 'none' };
    });
    expect(none).toContain('#loadbalancer_apiserver:\n#  address: 192.168.0.10\n#  port: 6443\n');
    expect(load(none)).not.toHaveProperty('loadbalancer_apiserver');
    const custom = render((c) => {
      c.loadBalancer = { kind: 'external', address: '192.168.0.10', port: 8443, domain: 'api.example.com' };
    });
    expect(custom).toContain('apiserver_loadbalancer_domain_name: "api.example.com"\nloadbalancer_apiserver:\n  address: 192.168.0.10\n  port: 8443\n');
  });

  it('comments registry mirrors and image features out when empty', () => {
    expect(load(render())).not.toHaveProperty('docker_registry_mirrors');
    const withMirrors = load(
      render((c) => {
        c.options.registryMirrors = ['https://mirror.example.com'];
      }),
    );
    expect(withMirrors.docker_registry_mirrors).toEqual(['https://mirror.example.com']);
    expect(render()).toContain('# ceph_rbd_imageFeatures: layering');
    expect(render()).toContain('ceph_rbd_monitors:\n  - SHOULD_BE_REPLACED\n');
  });

  it('writes installer placeholders for empty values and masks or reveals secrets', () => {
    const data = load(render());
    expect(data).toMatchObject({
      qingcloud_access_key_id: 'ACCESS_KEY_ID',
      qingcloud_secret_access_key: 'ACCESS_KEY_SECRET',
      qingcloud_zone: 'ZONE',
      ceph_rbd_admin_secret: 'SHOULD_BE_REPLACED',
      neonsan_server_address: 'IP:PORT',
      ceph_rbd_imageFormat: '1',
    });
    const setSecret = (c: InstallConfig) => {
      c.storage.cephRbd.adminSecret = { set: true, value: 'AQB==' };
      c.options.email.password = { set: true, value: 'yes' };
    };
    expect(load(render(setSecret)).ceph_rbd_admin_secret).toBe('********');
    const revealed = load(render(setSecret, { secrets: 'reveal' }));
    expect(revealed.ceph_rbd_admin_secret).toBe('AQB==');
    expect(revealed.EMAIL_FROM_PASS).toBe('yes');
  });

  it('refuses values YAML cannot carry safely, even unvalidated', () => {
    const c = seedConfig();
    c.options.email.fromName = 'x\nevil: 1';
    expect(() => renderVarsYml(c as ValidInstallConfig, PH)).toThrow(InstallerRenderError);
    c.options.email.fromName = '{{ lookup("pipe", "id") }}';
    expect(() => renderVarsYml(c as ValidInstallConfig, PH)).toThrow(InstallerRenderError);
  });

  it('loads in PyYAML (what Ansible uses) to the same data as the yaml library', () => {
    const text = render(
      (c) => {
        c.options.email.fromName = 'yes';
        c.options.email.password = { set: true, value: '=' };
        c.storage.cephRbd.adminSecret = { set: true, value: '0777' };
        c.storage.cephRbd.userSecret = { set: true, value: '12:30' };
        c.storage.glusterfs.jwtAdminKey = { set: true, value: 'a: b #c \'d"' };
      },
      { secrets: 'reveal' },
    );
    const py = execFileSync('/usr/bin/python3', ['-c', 'import sys, json, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())))'], {
      input: text,
      encoding: 'utf8',
    });
    expect(JSON.parse(py)).toEqual(load(text));
  });
});

describe('renderVarsYml with the internal load balancer', () => {
  it('writes the VIP and listen port as loadbalancer_apiserver, exactly as for an external LB', () => {
    const internalLb = seedInternalLbConfig();
    const external = seedConfig();
    if (internalLb.loadBalancer.kind !== 'internal') throw new Error('internal fixture');
    internalLb.loadBalancer.port = 8443;
    external.loadBalancer = { kind: 'external', address: internalLb.loadBalancer.vip, port: 8443, domain: internalLb.loadBalancer.domain };
    const text = renderVarsYml(assertValid(internalLb), PH);
    expect(text).toBe(renderVarsYml(assertValid(external), PH));
    expect(load(text).loadbalancer_apiserver).toEqual({ address: '192.168.0.10', port: 8443 });
  });
});
