import { describe, expect, it } from 'vitest';
import { collectIssues } from './index';
import { defaultExternalInstallerMachine } from '../defaults';
import { seedConfig } from '../fixtures';
import type { ExternalInstallerMachine, InstallConfig } from '../schema';

/** The seed with the installer on a complete outside machine and no taskbox host: passes every rule. */
function externalSeed(over: Partial<ExternalInstallerMachine> = {}): InstallConfig {
  const config = seedConfig();
  config.hosts.forEach((h) => (h.taskbox = false));
  config.installer.machine = {
    ...defaultExternalInstallerMachine(),
    address: '192.168.0.100',
    auth: { kind: 'password', password: { set: true } },
    ...over,
  };
  return config;
}

const issuesAt = (config: InstallConfig, path: string) => collectIssues(config).filter((i) => i.path === path);

describe('an installer machine outside the cluster', () => {
  it('passes with a complete login and no taskbox host (every host an SSH line)', () => {
    expect(collectIssues(externalSeed())).toEqual([]);
    expect(
      collectIssues(
        externalSeed({ user: 'deploy', becomePassword: { set: true }, auth: { kind: 'key', privateKey: { set: true }, passphrase: { set: false } } }),
      ),
    ).toEqual([]);
  });

  it("may be the wizard's own machine, by its SSH address like any other", () => {
    expect(collectIssues(externalSeed({ address: '127.0.0.1' }))).toEqual([]);
  });

  const cases: { name: string; over: Partial<ExternalInstallerMachine>; code: string; path: string; mentions: string[] }[] = [
    {
      name: 'no address',
      over: { address: '' },
      code: 'installer.machine.address-required',
      path: 'installer.machine.address',
      mentions: ['The installer machine has no SSH address', 'The wizard logs in to the installer machine over SSH to run the installer there.'],
    },
    {
      name: 'bad address',
      over: { address: 'a b' },
      code: 'installer.machine.address-invalid',
      path: 'installer.machine.address',
      mentions: ['"a b"', 'the installer machine'],
    },
    {
      name: 'port 0',
      over: { port: 0 },
      code: 'installer.machine.port-invalid',
      path: 'installer.machine.port',
      mentions: ['SSH port 0 of the installer machine'],
    },
    {
      name: 'no user',
      over: { user: '' },
      code: 'installer.machine.user-required',
      path: 'installer.machine.user',
      mentions: ['The installer machine has no SSH user'],
    },
    {
      name: 'non-root without sudo password',
      over: { user: 'deploy' },
      code: 'installer.machine.become-password-required',
      path: 'installer.machine.becomePassword',
      mentions: ['"deploy"', 'sudo password', 'runs as root there'],
    },
    {
      name: 'password not set',
      over: { auth: { kind: 'password', password: { set: false } } },
      code: 'installer.machine.auth-missing',
      path: 'installer.machine.auth',
      mentions: ['The SSH password of the installer machine is not set', 'over SSH to run the installer there'],
    },
    {
      name: 'key not set',
      over: { auth: { kind: 'key', privateKey: { set: false }, passphrase: { set: false } } },
      code: 'installer.machine.auth-missing',
      path: 'installer.machine.auth',
      mentions: ['The private key of the installer machine is not set'],
    },
  ];

  it.each(cases)('refuses $name, at $path', ({ over, code, path, mentions }) => {
    const found = issuesAt(externalSeed(over), path);
    expect(found.map((i) => [i.severity, i.code])).toEqual([['error', code]]);
    for (const text of mentions) expect(found[0]?.message).toContain(text);
  });

  it("refuses a host marked taskbox, at that host's flag", () => {
    const config = externalSeed();
    const master1 = config.hosts[0];
    if (!master1) throw new Error('seed has master1');
    master1.taskbox = true;
    const issues = collectIssues(config).filter((i) => i.severity === 'error');
    expect(issues.map((i) => [i.code, i.path])).toEqual([['host.taskbox-with-external-machine', 'hosts.0.taskbox']]);
    expect(issues[0]?.message).toContain('unmark master1, or run the installer on the taskbox host');
  });

  it('warns when it is in fact a cluster host (same SSH address and port)', () => {
    const issues = collectIssues(externalSeed({ address: '192.168.0.2' }));
    expect(issues.map((i) => [i.severity, i.code, i.path])).toEqual([['warning', 'installer.machine-is-cluster-host', 'installer.machine.address']]);
    expect(issues[0]?.message).toContain('mark master2 as the taskbox');
    expect(collectIssues(externalSeed({ address: '192.168.0.2', port: 2222 }))).toEqual([]);
  });

  it('checks nothing of the machine while the installer runs on the taskbox', () => {
    const config = seedConfig();
    expect(config.installer.machine).toEqual({ kind: 'taskbox' });
    expect(collectIssues(config).filter((i) => i.path.startsWith('installer'))).toEqual([]);
  });
});
