import { describe, expect, it } from 'vitest';
import { decodeHostError, decodeRunColumns } from './run-columns';

describe('run JSON columns', () => {
  it('decodes what the writer wrote, with defaults for empty columns', () => {
    expect(decodeRunColumns({ id: 'r1', hostsJson: '["m1"]', extraVars: '{"lab_fail_at":"init:m1"}', targetsJson: null })).toEqual({
      scope: ['m1'],
      extraVars: { lab_fail_at: 'init:m1' },
      targets: [],
    });
    expect(decodeRunColumns({ id: 'r1', hostsJson: null, extraVars: null, targetsJson: '["w9"]' })).toEqual({ scope: null, extraVars: {}, targets: ['w9'] });
    expect(decodeHostError('{"task":"t","msg":"m","stderr":"","stdout":"","file":"f"}').msg).toBe('m');
  });

  it('refuses a column that does not hold it, naming the run and the column', () => {
    expect(() => decodeRunColumns({ id: 'r2', hostsJson: '{"m1":1}', extraVars: null, targetsJson: null })).toThrow(
      /^run r2: hostsJson does not hold what the wizard wrote/,
    );
    expect(() => decodeRunColumns({ id: 'r2', hostsJson: null, extraVars: 'nope', targetsJson: null })).toThrow('run r2: extraVars is not JSON');
    expect(() => decodeHostError('{"msg":1}')).toThrow(/StageHost.errorJson/);
  });
});
