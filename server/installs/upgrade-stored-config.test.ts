import { describe, expect, it } from 'vitest';
import { installConfigShape } from '@/lib/config/schema';
import { seedConfig } from '@/lib/config/fixtures';
import { collectIssues } from '@/lib/config/rules';
import { parseStoredConfig } from './parse-stored-config';
import { upgradeStoredConfig } from './upgrade-stored-config';

/** The seed as an earlier wizard stored it: no installer.machine, and a taskbox with auth 'none'. */
function legacyJson(): string {
  const { installer, hosts, ...rest } = seedConfig();
  const legacyHosts = hosts.map((h) => (h.taskbox ? { ...h, auth: { kind: 'none' } } : h));
  return JSON.stringify({ ...rest, installer: { profile: installer.profile, bundlePath: installer.bundlePath }, hosts: legacyHosts });
}

describe('upgradeStoredConfig', () => {
  it('reads a legacy config: the installer on the taskbox host, whose password the operator must now enter', () => {
    expect(installConfigShape.safeParse(JSON.parse(legacyJson())).success).toBe(false);
    const config = parseStoredConfig({ id: 'old', configJson: legacyJson() });
    expect(config.installer.machine).toEqual({ kind: 'taskbox' });
    expect(config.hosts[0]?.auth).toEqual({ kind: 'password', password: { set: false } });
    expect(config.hosts[1]?.auth).toEqual({ kind: 'password', password: { set: true } });
    expect(
      collectIssues(config)
        .filter((i) => i.severity === 'error')
        .map((i) => [i.code, i.path]),
    ).toEqual([['host.auth-missing', 'hosts.0.auth']]);
  });

  it('leaves a current config as it is', () => {
    const current = JSON.parse(JSON.stringify(seedConfig())) as unknown;
    expect(upgradeStoredConfig(current)).toEqual(current);
  });

  it('leaves what it does not recognise for the schema to refuse', () => {
    expect(upgradeStoredConfig(null)).toBeNull();
    expect(upgradeStoredConfig({ hosts: 'x' })).toEqual({ hosts: 'x' });
    expect(() => parseStoredConfig({ id: 'bad', configJson: '{"hosts":[]}' })).toThrow('stored config of install bad does not match the config model');
  });
});
