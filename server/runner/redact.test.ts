import { describe, expect, it } from 'vitest';
import { defaultExternalInstallerMachine } from '@/lib/config/defaults';
import { seedConfig, seedInternalLbConfig } from '@/lib/config/fixtures';
import { explainFailure } from './known-failures';
import { MASK, collectSecretValues, createRedactor } from './redact';

describe('createRedactor', () => {
  it('masks raw, JSON-escaped and shell-quoted variants', () => {
    const secret = `pa"ss'w\\rd`;
    const r = createRedactor([secret]);
    expect(r(`raw ${secret} end`)).toBe(`raw ${MASK} end`);
    expect(r(`{"msg": "${JSON.stringify(secret).slice(1, -1)}"}`)).toBe(`{"msg": "${MASK}"}`);
    expect(r(`echo 'pa"ss'"'"'w\\rd'`)).toBe(`echo ${MASK}`);
    expect(r('nothing here')).toBe('nothing here');
  });
  it('masks each line of a multi-line private key and prefers the longest needle', () => {
    const key = '-----BEGIN KEY-----\nAAAAB3NzaC1yc2EAAAADAQAB\n-----END KEY-----';
    const r = createRedactor([key, 'AAAAB3']);
    expect(r(`line AAAAB3NzaC1yc2EAAAADAQAB`)).toBe(`line ${MASK}`);
    expect(r(key)).toBe(MASK);
  });
  it('collects set secret values from a config', () => {
    expect(
      collectSecretValues({ hosts: [{ auth: { kind: 'password', password: { set: true, value: 'pw1' } }, becomePassword: { set: false } }], x: { set: true } }),
    ).toEqual(['pw1']);
  });
  it("collects the secrets of an installer machine outside the cluster, like the hosts'", () => {
    const config = seedConfig();
    config.hosts.forEach((h) => (h.taskbox = false));
    config.installer.machine = {
      ...defaultExternalInstallerMachine(),
      address: '10.0.0.100',
      auth: { kind: 'key', privateKey: { set: true, value: 'KEY-of-installer' }, passphrase: { set: true, value: 'pp-of-installer' } },
      becomePassword: { set: true, value: 'sudo-of-installer' },
    };
    expect(collectSecretValues(config)).toEqual(['KEY-of-installer', 'pp-of-installer', 'sudo-of-installer']);
  });
});

describe('explainFailure', () => {
  it.each([
    ['fatal: Incorrect sudo password', 'sudo-password'],
    ['Missing sudo password', 'sudo-password'],
    ['Stop if ip var does not match local ips', 'ip-not-local'],
    ['Stop if even number of etcd hosts', 'even-etcd'],
    ['listen tcp 0.0.0.0:6443: bind: address already in use', 'port-in-use'],
    ['dial tcp 10.233.0.1:443: connect: no route to host', 'firewall'],
    ['Failed to connect to the host via ssh: root@h: Permission denied (publickey,password).', 'ssh-auth'],
    ['x509: certificate has expired or is not yet valid', 'time-skew'],
    ['Error response from daemon: Get https://registry-1.docker.io/v2/: net/http: request canceled', 'image-pull'],
  ])('%s → %s', (text, id) => {
    expect(explainFailure(text)?.id).toBe(id);
  });
  it('returns undefined for unknown text', () => {
    expect(explainFailure('something odd')).toBeUndefined();
  });
});

describe("the internal load balancer's secrets", () => {
  it("are in the redaction set: the VRRP password and the LB hosts' logins", () => {
    const config = seedInternalLbConfig();
    if (config.loadBalancer.kind !== 'internal') throw new Error('internal');
    config.loadBalancer.vrrpPassword = { set: true, value: 'Vr9-pass' };
    const [lb1] = config.loadBalancer.hosts;
    if (lb1) lb1.auth = { kind: 'password', password: { set: true, value: 'lb1-ssh-pw' } };
    const redact = createRedactor(collectSecretValues(config));
    expect(redact('auth_pass Vr9-pass; ansible_ssh_pass=lb1-ssh-pw')).toBe(`auth_pass ${MASK}; ansible_ssh_pass=${MASK}`);
  });
});
