import { describe, expect, it } from 'vitest';
import { seedConfig } from './fixtures';
import { clusterConfigResolver, wizardCheck } from './wizard-check';
import type { InstallConfig } from './schema';

const resolve = (config: InstallConfig) => clusterConfigResolver([])(config, undefined, { fields: {}, shouldUseNativeValidation: false });
/** What reaches the browser: the page's props cross as data (no functions, no DOM refs). */
const overTheWire = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe("the wizard's first verdict, computed on the server", () => {
  it('puts a rule error at its field, as the form resolver does, and lists it under its step', async () => {
    const config = seedConfig();
    const second = config.hosts[1];
    if (!second) throw new Error('the seed config has hosts');
    config.hosts[1] = { ...second, ip: '10.0.0.300' };
    const check = await wizardCheck(config, []);
    const error = check.errors.find((e) => e.path === 'hosts.1.ip');
    expect(error?.step).toBe('hosts');
    expect(check.fieldErrors.hosts?.[1]?.ip?.message).toBe(error?.message);
    expect(overTheWire(check.fieldErrors)).toEqual(overTheWire((await resolve(config)).errors));
  });

  it('puts a shape error (an emptied number field) at its field', async () => {
    const config = seedConfig();
    const first = config.hosts[0];
    if (!first) throw new Error('the seed config has hosts');
    config.hosts[0] = { ...first, port: '' as unknown as number };
    const check = await wizardCheck(config, []);
    expect(check.fieldErrors.hosts?.[0]?.port?.type).toBe('invalid_type');
    expect(overTheWire(check.fieldErrors)).toEqual(overTheWire((await resolve(config)).errors));
  });

  it('has nothing to say about a valid config', async () => {
    const check = await wizardCheck(seedConfig(), []);
    expect(check.errors).toEqual([]);
    expect(check.fieldErrors).toEqual({});
  });
});
