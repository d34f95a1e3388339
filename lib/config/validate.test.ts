import { describe, expect, it } from 'vitest';
import { assertValid, ConfigInvalidError, installConfigSchema, isValidConfig, issuePathSegments, validateConfig, type ValidInstallConfig } from './validate';
import { seedConfig } from './fixtures';
import * as publicApi from './index';

describe('validateConfig', () => {
  it('finds nothing wrong with the seed', () => {
    expect(validateConfig(seedConfig())).toEqual({ errors: [], warnings: [] });
  });

  it('splits errors from warnings and gives each its wizard step', () => {
    const config = seedConfig();
    config.network.maxPods = 0; // error, network step
    config.options.harbor.enabled = true; // warning, network step
    config.hosts.forEach((h) => void (h.roles.master = h.name === 'master1' || h.name === 'master2')); // warning, roles step
    const { errors, warnings } = validateConfig(config);
    expect(errors.map((e) => [e.code, e.step])).toEqual([['network.max-pods-range', 'network']]);
    expect(warnings.map((w) => [w.code, w.step])).toEqual([
      ['roles.two-masters', 'roles'],
      ['options.harbor-gitlab-memory', 'network'],
    ]);
  });
});

describe('issuePathSegments', () => {
  it('turns numeric segments into numbers', () => {
    expect(issuePathSegments('hosts.1.ip')).toEqual(['hosts', 1, 'ip']);
    expect(issuePathSegments('storage.cephRbd.monitors.10')).toEqual(['storage', 'cephRbd', 'monitors', 10]);
    expect(issuePathSegments('roles.etcd')).toEqual(['roles', 'etcd']);
  });
});

describe('installConfigSchema', () => {
  it('accepts the seed', () => {
    expect(installConfigSchema.safeParse(seedConfig()).success).toBe(true);
  });

  it('reports each rule error at its field, with array paths', () => {
    const config = seedConfig();
    const node2 = config.hosts[4];
    if (!node2) throw new Error('seed has node2');
    node2.ip = '192.168.0.4';
    const master3 = config.hosts[2];
    if (!master3) throw new Error('seed has master3');
    master3.roles.etcd = false;
    const result = installConfigSchema.safeParse(config);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path);
    expect(paths).toEqual([
      ['hosts', 4, 'ip'],
      ['roles', 'etcd'],
    ]);
    expect(result.error?.issues[1]?.message).toContain('etcd needs an odd number of members: you have 2 (master1, master2)');
  });

  it('leaves warnings out', () => {
    const config = seedConfig();
    config.loadBalancer = { kind: 'none' };
    expect(installConfigSchema.safeParse(config).success).toBe(true);
  });

  it('still rejects a wrong shape', () => {
    const result = installConfigSchema.safeParse({ ...seedConfig(), hosts: 'none' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['hosts']);
  });
});

describe('assertValid', () => {
  it('brands a valid config', () => {
    const config = seedConfig();
    const valid: ValidInstallConfig = assertValid(config);
    expect(valid).toBe(config);
    expect(isValidConfig(config)).toBe(true);
  });

  it('throws a ConfigInvalidError carrying every error', () => {
    const config = seedConfig();
    config.network.maxPods = 0;
    config.options.console.port = 30180;
    let thrown: unknown;
    try {
      assertValid(config);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigInvalidError);
    if (!(thrown instanceof ConfigInvalidError)) return;
    expect(thrown.errors.map((e) => e.path)).toEqual(['network.maxPods', 'options.console.port']);
    expect(thrown.message).toContain('(and 1 more)');
    expect(isValidConfig(config)).toBe(false);
  });
});

describe('lib/config public API', () => {
  it('re-exports the model, the rules and the helpers', () => {
    for (const name of [
      'installConfigShape',
      'installConfigSchema',
      'defaultConfig',
      'secretOf',
      'stepForPath',
      'withStep',
      'validateConfig',
      'assertValid',
      'collectIssues',
      'parseCidr',
      'unsafeValueProblem',
    ]) {
      expect(publicApi).toHaveProperty(name);
    }
  });
});
