/** A login secret held back for another endpoint is a warning at its own field, until confirmed or re-entered. */
import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultHost } from '../defaults';
import type { Secret } from '../secret';
import { collectIssues } from './index';

function config(password: Secret, becomePassword: Secret = { set: false }) {
  const c = defaultConfig();
  c.hosts = [
    defaultHost({
      name: 'node9',
      address: '10.0.0.9',
      ip: '10.0.0.9',
      user: 'ops',
      auth: { kind: 'password', password },
      becomePassword,
      roles: { master: true, etcd: true, worker: true },
      taskbox: true,
    }),
  ];
  return c;
}
const held = (password: Secret, become?: Secret) => collectIssues(config(password, become)).filter((i) => i.code === 'host.secret-held');

describe('held login secrets', () => {
  it('warn at the field, naming where the value was entered and where the host points now', () => {
    expect(held({ set: true, enteredFor: '10.0.0.1:22' }, { set: true, enteredFor: '10.0.0.1:22' })).toEqual([
      expect.objectContaining({
        severity: 'warning',
        path: 'hosts.0.auth.password',
        message: expect.stringMatching(/SSH password of node9 was entered for 10\.0\.0\.1:22, and node9 now points at 10\.0\.0\.9:22/),
      }),
      expect.objectContaining({ severity: 'warning', path: 'hosts.0.becomePassword', message: expect.stringMatching(/sudo password of node9/) }),
    ]);
  });

  it('are quiet once confirmed for the endpoint now, re-entered, or bound to it', () => {
    expect(held({ set: true, enteredFor: '10.0.0.1:22', useFor: '10.0.0.9:22' })).toEqual([]);
    expect(held({ set: true, enteredFor: '10.0.0.1:22', useFor: '10.0.0.1:22' })).toHaveLength(1);
    expect(held({ set: true, value: 'typed', enteredFor: '10.0.0.1:22' })).toEqual([]);
    expect(held({ set: true, enteredFor: '10.0.0.9:22' })).toEqual([]);
    expect(held({ set: true })).toEqual([]);
  });
});
