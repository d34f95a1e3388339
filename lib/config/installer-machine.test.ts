import { describe, expect, it } from 'vitest';
import { defaultExternalInstallerMachine } from './defaults';
import { seedConfig } from './fixtures';
import { installerMachine } from './installer-machine';

describe('installerMachine', () => {
  it('is the taskbox host by default, with its own login', () => {
    const config = seedConfig();
    const master1 = config.hosts[0];
    if (!master1) throw new Error('seed has master1');
    Object.assign(master1, { port: 2201, user: 'ops', becomePassword: { set: true, value: 'sudo-pw' } });
    expect(installerMachine(config)).toEqual({
      name: 'master1',
      address: '192.168.0.1',
      port: 2201,
      user: 'ops',
      auth: { kind: 'password', password: { set: true } },
      becomePassword: { set: true, value: 'sudo-pw' },
      clusterHost: true,
    });
  });

  it('follows the taskbox flag to whichever host carries it', () => {
    const config = seedConfig();
    config.hosts.forEach((h, i) => (h.taskbox = i === 4));
    expect(installerMachine(config)?.name).toBe('node2');
    expect(installerMachine(config)?.address).toBe('192.168.0.5');
  });

  it('is undefined while no host is the taskbox', () => {
    const config = seedConfig();
    config.hosts.forEach((h) => (h.taskbox = false));
    expect(installerMachine(config)).toBeUndefined();
  });

  it('is the external machine, named installer, when the installer runs outside the cluster', () => {
    const config = seedConfig();
    config.hosts.forEach((h) => (h.taskbox = false));
    config.installer.machine = {
      ...defaultExternalInstallerMachine(),
      address: 'deploy.example.com',
      port: 2222,
      user: 'deploy',
      auth: { kind: 'key', privateKey: { set: true, value: 'KEY' }, passphrase: { set: false } },
      becomePassword: { set: true },
    };
    expect(installerMachine(config)).toEqual({
      name: 'installer',
      address: 'deploy.example.com',
      port: 2222,
      user: 'deploy',
      auth: { kind: 'key', privateKey: { set: true, value: 'KEY' }, passphrase: { set: false } },
      becomePassword: { set: true },
      clusterHost: false,
    });
  });

  it('takes the external machine even if a host is still marked taskbox (a rule error the operator fixes)', () => {
    const config = seedConfig();
    config.installer.machine = { ...defaultExternalInstallerMachine(), address: '10.0.0.9' };
    expect(installerMachine(config)).toMatchObject({ name: 'installer', address: '10.0.0.9', clusterHost: false });
  });
});
