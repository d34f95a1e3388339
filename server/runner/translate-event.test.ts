import { describe, expect, it } from 'vitest';
import { stageStatusOf } from './execute-stage';
import { translateEvent } from './translate-event';

describe('translateEvent', () => {
  it('turns a failed task into a failed count, red lines and a first error with a known cause', () => {
    const t = translateEvent({
      counter: 7,
      event: 'runner_on_failed',
      stdout: '\u001b[0;31mfatal: [lab2]: FAILED! => {"msg": "non-zero return code"}\u001b[0m\n',
      created: '2026-11-24T22:55:01.495763',
      event_data: {
        host: 'lab2',
        task: 'Start etcd',
        task_path: '/b/roles/etcd/tasks/main.yml:3',
        res: { msg: 'non-zero return code', stderr: 'bind: address already in use' },
      },
    });
    expect(t.lines).toEqual(['fatal: [lab2]: FAILED! => {"msg": "non-zero return code"}']);
    expect(t.failed).toBe(true);
    expect(t.count).toEqual({ host: 'lab2', field: 'failed' });
    expect(t.error?.error).toMatchObject({
      task: 'Start etcd',
      msg: 'non-zero return code',
      file: '/b/roles/etcd/tasks/main.yml:3',
      known: { id: 'port-in-use' },
    });
    expect(t.createdMs).toBe(Date.parse('2026-11-24T22:55:01.495Z'));
  });
  it('counts ok/changed/skipped/unreachable, honours ignore_errors, reads roles and the recap', () => {
    expect(translateEvent({ counter: 1, event: 'runner_on_ok', event_data: { host: 'h', res: { changed: true } } }).count?.field).toBe('changed');
    expect(translateEvent({ counter: 1, event: 'runner_on_skipped', event_data: { host: 'h' } }).count?.field).toBe('skipped');
    expect(
      translateEvent({ counter: 1, event: 'runner_on_unreachable', event_data: { host: 'h', res: { msg: 'Permission denied (publickey,password).' } } }).error
        ?.error.known?.id,
    ).toBe('ssh-auth');
    const ignored = translateEvent({ counter: 1, event: 'runner_on_failed', event_data: { host: 'h', ignore_errors: true, res: {} } });
    expect([ignored.failed, ignored.count?.field, ignored.error]).toEqual([false, 'ok', undefined]);
    expect(translateEvent({ counter: 2, event: 'playbook_on_task_start', event_data: { role: 'kubernetes/master' } }).role).toBe('kubernetes/master');
    const recap = translateEvent({
      counter: 9,
      event: 'playbook_on_stats',
      event_data: { ok: { a: 3 }, changed: { a: 1 }, failures: { b: 1 }, dark: { c: 1 }, skipped: {} },
    }).recap;
    expect(recap).toEqual({
      a: { ok: 3, changed: 1, failed: 0, skipped: 0, unreachable: 0 },
      b: { ok: 0, changed: 0, failed: 1, skipped: 0, unreachable: 0 },
      c: { ok: 0, changed: 0, failed: 0, skipped: 0, unreachable: 1 },
    });
  });
  it('maps the runner outcome to a stage state', () => {
    expect(stageStatusOf({ status: 'successful', rc: 0 }, false)).toBe('succeeded');
    expect(stageStatusOf({ status: 'failed', rc: 2 }, false)).toBe('failed');
    expect(stageStatusOf({ status: 'canceled', rc: 254 }, true)).toBe('cancelled');
    expect(stageStatusOf({ status: 'missing', rc: null }, false)).toBe('interrupted');
    expect(stageStatusOf({ status: 'missing', rc: null }, true)).toBe('cancelled');
  });
});
