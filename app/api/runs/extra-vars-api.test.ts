/** POST /api/installs/:id/runs refuses Ansible's own variables and templates in extra vars with a 422 naming them. */
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCookie, callRoute } from '@/server/test-support/api-client';
import { useFreshDatabase } from '@/server/test-support/fresh-db';
import { POST as startRun } from '../installs/[id]/runs/route';

useFreshDatabase();
let cookie = '';
beforeAll(async () => {
  cookie = await adminCookie();
});

describe('extra vars of a run', () => {
  it.each([
    ['ansible_ssh_common_args', '-o ProxyCommand=id'],
    ['ansible_python_interpreter', '/tmp/evil'],
    ['ansible_become_exe', 'sh -c id'],
    ['hostvars', 'x'],
    ['playbook_dir', '/tmp'],
    ['lab_fail_at', '{{ lookup("pipe", "id") }}'],
  ])('%s=%s is refused with 422 naming the variable', async (name, value) => {
    const res = await callRoute(startRun, { method: 'POST', cookie, params: { id: 'any' }, body: { extraVars: { [name]: value } } });
    expect(res.status).toBe(422);
    const { errors } = res.json as { errors: { path: string; message: string }[] };
    expect(errors).toEqual([{ path: `extraVars.${name}`, message: expect.stringContaining(`"${name}"`) }]);
    expect(res.text).not.toContain('ProxyCommand');
  });

  it('a plain setting passes validation (then the unknown install is 404)', async () => {
    const res = await callRoute(startRun, { method: 'POST', cookie, params: { id: 'any' }, body: { extraVars: { lab_fail_at: 'kubesphere:lab2' } } });
    expect(res.status).toBe(404);
  });
});
