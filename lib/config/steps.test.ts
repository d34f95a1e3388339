import { describe, expect, it } from 'vitest';
import { stepForPath } from './steps';

describe('stepForPath', () => {
  it.each([
    ['hosts', 'hosts'],
    ['hosts.2.ip', 'hosts'],
    ['hosts.2.auth', 'hosts'],
    ['hosts.2.roles.etcd', 'roles'],
    ['roles.etcd', 'roles'],
    ['loadBalancer.address', 'loadBalancer'],
    ['storage.nfs.server', 'storage'],
    ['qingcloud.zone', 'storage'],
    ['network.podCidr', 'network'],
    ['options.console.port', 'network'],
    ['clusterName', 'network'],
    ['installer.machine.auth', 'network'],
    ['hosts.0.taskbox', 'hosts'],
  ])('%s is fixed on the %s step', (path, step) => {
    expect(stepForPath(path)).toBe(step);
  });
});
