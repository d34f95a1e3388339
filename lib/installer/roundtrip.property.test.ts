/**
 * Property tests: (a) render(reveal) → import → render(reveal) is byte-identical for any valid
 * config; (b) hostile strings in host fields or secrets are refused, or come back exactly with
 * no extra host, group or variable.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedConfig } from '../config/fixtures';
import type { Host } from '../config/schema';
import type { ValidInstallConfig } from '../config/validate';
import { InstallerRenderError } from './errors';
import { hostFields, renderHostsIni } from './hosts-ini';
import { importInstallerFiles } from './import';
import { reporter, type ImportProblem } from './import-problem';
import { parseHostsIni } from './parse-hosts-ini';
import { MASK } from './placeholders';
import { hostileString, validConfig } from './test-support/arbitraries';
import { renderVarsYml } from './vars-yml';

const REVEAL = { secrets: 'reveal' } as const;

describe('installer files round trip', () => {
  it('(a) render → import → render is the identity for valid configs', () => {
    fc.assert(
      fc.property(validConfig, (config) => {
        const hostsIni = renderHostsIni(config, REVEAL);
        const varsYml = renderVarsYml(config, REVEAL);
        const { config: back, problems } = importInstallerFiles({ hostsIni, varsYml });
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const again = back as ValidInstallConfig;
        expect(renderHostsIni(again, REVEAL)).toBe(hostsIni);
        expect(renderVarsYml(again, REVEAL)).toBe(varsYml);
      }),
      { numRuns: 150 },
    );
  });

  type Target = 'name' | 'address' | 'ip' | 'user' | 'sshPass' | 'becomePass' | 'keyFile';
  const inject = (host: Host, target: Target, value: string): Host => {
    switch (target) {
      case 'name':
        return { ...host, name: value };
      case 'address':
        return { ...host, address: value };
      case 'ip':
        return { ...host, ip: value };
      case 'user':
        return { ...host, user: value, becomePassword: { set: true, value: 'sudo' } };
      case 'sshPass':
        return { ...host, auth: { kind: 'password', password: { set: true, value } } };
      case 'becomePass':
        return { ...host, user: 'ops', becomePassword: { set: true, value } };
      case 'keyFile':
        return { ...host, auth: { kind: 'key', privateKey: { set: true }, passphrase: { set: false } } };
    }
  };

  it('(b) hostile strings are refused or read back exactly, never adding a host, group or variable', () => {
    let accepted = 0;
    const targets: Target[] = ['name', 'address', 'ip', 'user', 'sshPass', 'becomePass', 'keyFile'];
    fc.assert(
      fc.property(hostileString, fc.constantFrom(...targets), fc.integer({ min: 1, max: 5 }), (value, target, index) => {
        const config = seedConfig();
        config.hosts = config.hosts.map((h) => (h.auth.kind === 'password' ? { ...h, auth: { kind: 'password', password: { set: true, value: 'pw' } } } : h));
        const original = config.hosts[index];
        if (!original) return;
        config.hosts[index] = inject(original, target, value);
        const opts = { ...REVEAL, keyFileFor: (h: Host) => (target === 'keyFile' && h.name === config.hosts[index]?.name ? value : `/k/${h.name}`) };
        let ini: string;
        try {
          ini = renderHostsIni(config as ValidInstallConfig, opts);
        } catch (e) {
          expect(e).toBeInstanceOf(InstallerRenderError);
          return;
        }
        accepted += 1;
        const problems: ImportProblem[] = [];
        const inventory = parseHostsIni(ini, reporter('hosts.ini', problems));
        expect(problems).toEqual([]);
        expect(inventory.hosts.map((h) => h.name)).toEqual(config.hosts.map((h) => h.name));
        expect([...inventory.groups.keys()]).toEqual(['kube-master', 'kube-node', 'etcd']);
        expect([...inventory.children.entries()]).toEqual([['k8s-cluster', ['kube-node', 'kube-master']]]);
        config.hosts.forEach((host, i) => {
          const expected = hostFields(host, { ...opts, secrets: 'reveal' });
          const got = inventory.hosts[i]?.vars;
          expect(got && [...got.keys()]).toEqual(expected.map(([k]) => k));
          const values = Object.fromEntries([...(got ?? new Map()).entries()].map(([k, v]) => [k, v.value]));
          if (i === index && target !== 'name') {
            const key = {
              address: 'ansible_host',
              ip: 'ip',
              user: 'ansible_user',
              sshPass: 'ansible_ssh_pass',
              becomePass: 'ansible_become_pass',
              keyFile: 'ansible_ssh_private_key_file',
            }[target];
            const secret = target === 'sshPass' || target === 'becomePass';
            expect(values[key]).toBe(secret && value === '' ? MASK : value);
          }
        });
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(40);
  });
});
