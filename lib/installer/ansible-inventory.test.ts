/**
 * The rendered inventory, read by the real Ansible INI parser (`ansible-inventory --list`), has the
 * same hosts, groups and host variables as intended. Skipped only when ansible-inventory is absent.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seedConfig } from '../config/fixtures';
import type { Host } from '../config/schema';
import { assertValid } from '../config/validate';
import { hostFields, renderHostsIni } from './hosts-ini';
import { iniToken } from './ini-token';
import { secretText } from './test-support/arbitraries';

function ansibleInventoryPath(): string | undefined {
  try {
    return execFileSync('which', ['ansible-inventory'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const binary = ansibleInventoryPath();

interface AnsibleList {
  _meta: { hostvars: Record<string, Record<string, unknown>> };
  [group: string]: unknown;
}

function ansibleList(ini: string): AnsibleList {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-inv-'));
  try {
    const file = path.join(dir, 'hosts.ini');
    fs.writeFileSync(file, ini);
    const out = execFileSync(binary ?? 'ansible-inventory', ['-i', file, '--list'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        ANSIBLE_INVENTORY_ENABLED: 'ini',
        ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
        ANSIBLE_LOCALHOST_WARNING: 'false',
        ANSIBLE_HOME: dir,
      },
    });
    return JSON.parse(out) as AnsibleList;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const hostsOf = (list: AnsibleList, group: string) => (list[group] as { hosts?: string[] } | undefined)?.hosts ?? [];

describe.skipIf(binary === undefined)('ansible-inventory reads the rendered hosts.ini', () => {
  it('with tricky passwords, users and key paths, exactly as intended', () => {
    const values = [
      ...fc.sample(secretText('ini-token'), { numRuns: 40, seed: 7 }),
      '1e3',
      'None',
      'True',
      '[1,2]',
      "b'x'",
      '0x10',
      'p#ss;w=rd',
      `it's"q"`,
      'pässwörd✓',
      '123456',
    ].filter((v) => {
      try {
        iniToken(v);
        return true;
      } catch {
        return false;
      }
    });
    const config = seedConfig();
    const extra: Host[] = values.map((v, i) => ({
      ...(config.hosts[3] as Host),
      name: `x${i}`,
      address: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      ip: `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`,
      user: i % 2 === 0 ? 'root' : 'ops',
      port: i % 3 === 0 ? 2222 : 22,
      becomePassword: { set: true, value: v },
      auth: i % 5 === 4 ? { kind: 'key', privateKey: { set: true }, passphrase: { set: false } } : { kind: 'password', password: { set: true, value: v } },
    }));
    config.hosts = [
      ...config.hosts.map((h) => (h.auth.kind === 'password' ? { ...h, auth: { kind: 'password' as const, password: { set: true, value: 'pw' } } } : h)),
      ...extra,
    ];
    const valid = assertValid(config);
    const opts = { secrets: 'reveal' as const, keyFileFor: (h: Host) => `/tmp/keys dir'/${h.name}#1`.replace(' ', '_') };
    const list = ansibleList(renderHostsIni(valid, opts));
    expect(Object.keys(list._meta.hostvars).sort()).toEqual(config.hosts.map((h) => h.name).sort());
    expect(hostsOf(list, 'kube-master')).toEqual(config.hosts.filter((h) => h.roles.master).map((h) => h.name));
    expect(hostsOf(list, 'etcd')).toEqual(config.hosts.filter((h) => h.roles.etcd).map((h) => h.name));
    expect(hostsOf(list, 'kube-node')).toEqual(config.hosts.filter((h) => h.roles.worker).map((h) => h.name));
    for (const host of config.hosts) {
      const expected = Object.fromEntries(
        hostFields(host, opts).map(([k]) => {
          const value = {
            ansible_connection: 'local',
            ansible_host: host.address,
            ip: host.ip,
            ansible_user: host.user,
            ansible_port: String(host.port),
            ansible_ssh_private_key_file: opts.keyFileFor(host),
            ansible_become_pass: host.becomePassword.value,
            ansible_ssh_pass: host.auth.kind === 'password' ? host.auth.password.value : undefined,
          }[k];
          return [k, value];
        }),
      );
      const got = Object.fromEntries(Object.entries(list._meta.hostvars[host.name] ?? {}).map(([k, v]) => [k, String(v)]));
      expect(got, host.name).toEqual(expected);
    }
  });
});
