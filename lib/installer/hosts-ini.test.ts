import { describe, expect, it } from 'vitest';
import { defaultExternalInstallerMachine, defaultHost } from '../config/defaults';
import { seedConfig, seedInternalLbConfig } from '../config/fixtures';
import type { Host } from '../config/schema';
import { assertValid, type ValidInstallConfig } from '../config/validate';
import { InstallerRenderError } from './errors';
import { hostFields, renderHostsIni } from './hosts-ini';

const PH = { secrets: 'placeholder' } as const;
const REVEAL = { secrets: 'reveal' } as const;
const allLines = (ini: string) => {
  const lines = ini.split('\n');
  const start = lines.indexOf('[all]') + 1;
  return lines.slice(start, lines.indexOf('', start));
};
const keys = (host: Host) => hostFields(host, PH).map(([k]) => k);

describe('renderHostsIni', () => {
  it('writes the docs HA layout for the seed config', () => {
    const ini = renderHostsIni(assertValid(seedConfig()), PH);
    expect(allLines(ini)).toEqual([
      'master1  ansible_connection=local  ip=192.168.0.1',
      'master2  ansible_host=192.168.0.2  ip=192.168.0.2  ansible_ssh_pass=********',
      'master3  ansible_host=192.168.0.3  ip=192.168.0.3  ansible_ssh_pass=********',
      'node1    ansible_host=192.168.0.4  ip=192.168.0.4  ansible_ssh_pass=********',
      'node2    ansible_host=192.168.0.5  ip=192.168.0.5  ansible_ssh_pass=********',
      'node3    ansible_host=192.168.0.6  ip=192.168.0.6  ansible_ssh_pass=********',
    ]);
    expect(ini).toContain(
      '\n\n[kube-master]\nmaster1\nmaster2\nmaster3\n\n[kube-node]\nnode1\nnode2\nnode3\n\n[etcd]\nmaster1\nmaster2\nmaster3\n\n[k8s-cluster:children]\nkube-node\nkube-master\n',
    );
    expect(ini.startsWith('# ')).toBe(true);
    expect(ini.endsWith('kube-master\n')).toBe(true);
    expect(ini.split('\n').some((l) => / $/.test(l))).toBe(false);
  });

  it('puts ansible_user 4th and ansible_become_pass 5th for a non-root host (the script copies field 5)', () => {
    const host = defaultHost({
      name: 'node1',
      address: '10.0.0.6',
      ip: '10.0.0.6',
      user: 'ubuntu',
      becomePassword: { set: true, value: 's3cret' },
      auth: { kind: 'password', password: { set: true, value: 's3cret' } },
    });
    const [fields] = [hostFields(host, REVEAL)];
    expect(['node1', ...fields.map(([k, v]) => `${k}=${v}`)]).toEqual([
      'node1',
      'ansible_host=10.0.0.6',
      'ip=10.0.0.6',
      'ansible_user=ubuntu',
      'ansible_become_pass=s3cret',
    ]);
  });

  it('never writes ansible_ssh_pass for a non-root host: the installer copies the sudo password into it', () => {
    const host = defaultHost({
      name: 'n',
      address: 'a',
      ip: '10.0.0.1',
      user: 'ops',
      becomePassword: { set: true, value: 'sudo' },
      auth: { kind: 'password', password: { set: true, value: 'sudo' } },
    });
    expect(hostFields(host, REVEAL)).toEqual([
      ['ansible_host', 'a'],
      ['ip', '10.0.0.1'],
      ['ansible_user', 'ops'],
      ['ansible_become_pass', 'sudo'],
    ]);
    expect(hostFields(host, PH)).toEqual([
      ['ansible_host', 'a'],
      ['ip', '10.0.0.1'],
      ['ansible_user', 'ops'],
      ['ansible_become_pass', '********'],
    ]);
  });

  it('writes ansible_port only when not 22, then the key file for key auth', () => {
    const host = defaultHost({
      name: 'k1',
      address: 'k1.example.com',
      ip: '10.0.0.2',
      port: 2222,
      auth: { kind: 'key', privateKey: { set: true }, passphrase: { set: false } },
    });
    expect(hostFields(host, PH)).toEqual([
      ['ansible_host', 'k1.example.com'],
      ['ip', '10.0.0.2'],
      ['ansible_port', '2222'],
      ['ansible_ssh_private_key_file', '~/.ssh/ks-wizard/k1'],
    ]);
    expect(hostFields(host, { ...PH, keyFileFor: (h) => `/run/keys/${h.name}` }).at(-1)).toEqual(['ansible_ssh_private_key_file', '/run/keys/k1']);
    expect(keys({ ...host, port: 22 })).toEqual(['ansible_host', 'ip', 'ansible_ssh_private_key_file']);
  });

  it('gives the taskbox ansible_connection=local and no SSH credentials, but keeps sudo for non-root', () => {
    const box = defaultHost({
      name: 'm',
      address: '10.0.0.5',
      ip: '10.0.0.5',
      taskbox: true,
      port: 2200,
      auth: { kind: 'password', password: { set: true, value: 'x' } },
    });
    expect(keys(box)).toEqual(['ansible_connection', 'ip']);
    expect(keys({ ...box, user: 'ubuntu', becomePassword: { set: true } })).toEqual(['ansible_connection', 'ip', 'ansible_user', 'ansible_become_pass']);
  });

  it('writes every host as an SSH line when the installer runs outside the cluster, and nothing of that machine', () => {
    const config = seedConfig();
    config.hosts.forEach((h) => (h.taskbox = false));
    config.installer.machine = { ...defaultExternalInstallerMachine(), address: '192.168.0.100', auth: { kind: 'password', password: { set: true } } };
    const ini = renderHostsIni(assertValid(config), PH);
    expect(allLines(ini)[0]).toBe('master1  ansible_host=192.168.0.1  ip=192.168.0.1  ansible_ssh_pass=********');
    expect(allLines(ini).join('\n')).not.toContain('ansible_connection');
    expect(ini).not.toContain('192.168.0.100');
  });

  it('masks secrets in placeholder mode and writes them in reveal mode', () => {
    const config = seedConfig();
    config.hosts = config.hosts.map((h) =>
      h.auth.kind === 'password' ? { ...h, auth: { kind: 'password', password: { set: true, value: `pw-${h.name}` } } } : h,
    );
    const valid = assertValid(config);
    expect(renderHostsIni(valid, PH)).not.toContain('pw-');
    expect(renderHostsIni(valid, REVEAL)).toContain('ansible_ssh_pass=pw-node3');
  });

  it('throws instead of writing an unresolved secret in reveal mode', () => {
    expect(() => renderHostsIni(assertValid(seedConfig()), REVEAL)).toThrow(InstallerRenderError);
  });

  it('refuses unsafe values even when handed an unvalidated config', () => {
    const bad = (patch: Partial<Host>) => {
      const config = seedConfig();
      config.hosts[1] = { ...(config.hosts[1] ?? defaultHost()), ...patch };
      return config as ValidInstallConfig;
    };
    for (const patch of [{ name: 'Node[1:3]' }, { address: 'a b' }, { ip: '1.2.3.4\n[kube-master]' }, { user: 'x{{y}}' }]) {
      expect(() => renderHostsIni(bad(patch), PH), JSON.stringify(patch)).toThrow(InstallerRenderError);
    }
    expect(() => renderHostsIni(bad({ auth: { kind: 'password', password: { set: true, value: 'a b' } } }), REVEAL)).toThrow(InstallerRenderError);
  });
});

describe('renderHostsIni with the internal load balancer', () => {
  it('leaves the LB hosts out: they are no cluster members', () => {
    const ini = renderHostsIni(assertValid(seedInternalLbConfig()), PH);
    expect(ini).toBe(renderHostsIni(assertValid(seedConfig()), PH));
    expect(ini).not.toMatch(/lb1|lb2|192\.168\.0\.2[12]/);
  });
});
