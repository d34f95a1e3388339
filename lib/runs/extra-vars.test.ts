import { describe, expect, it } from 'vitest';
import { ANSIBLE_RESERVED_VARS, extraVarProblem, parseExtraVarsText } from './extra-vars';

describe('parseExtraVarsText', () => {
  it('reads key=value lines, skipping blanks and comments', () => {
    expect(parseExtraVarsText('lab_fail_at=kubesphere:lab2\n\n# note\n lines = 10 ')).toEqual({
      ok: true,
      vars: { lab_fail_at: 'kubesphere:lab2', lines: '10' },
    });
    expect(parseExtraVarsText('')).toEqual({ ok: true, vars: {} });
    expect(parseExtraVarsText('a=x=y')).toEqual({ ok: true, vars: { a: 'x=y' } });
  });

  it('refuses malformed lines, bad names, credentials, reserved and repeated keys', () => {
    expect(parseExtraVarsText('justtext')).toEqual({ ok: false, error: 'line 1: write key=value' });
    expect(parseExtraVarsText('ok=1\n9x=2')).toMatchObject({ ok: false, error: expect.stringContaining('line 2') });
    expect(parseExtraVarsText('become_password=x')).toMatchObject({ ok: false, error: expect.stringContaining('looks like a credential') });
    expect(parseExtraVarsText('ssh_private_key=x')).toMatchObject({ ok: false, error: expect.stringContaining('credential') });
    expect(parseExtraVarsText('ksw_x=1')).toMatchObject({ ok: false, error: expect.stringContaining('reserved') });
    expect(parseExtraVarsText('a=1\na=2')).toMatchObject({ ok: false, error: expect.stringContaining('twice') });
  });

  it('refuses what the API refuses, naming the variable and the line', () => {
    expect(parseExtraVarsText('lab_fail_at=x\nansible_ssh_common_args=-o ProxyCommand=id')).toEqual({
      ok: false,
      error: `line 2: ${extraVarProblem('ansible_ssh_common_args', '-o ProxyCommand=id')}`,
    });
    expect(parseExtraVarsText('note={{ lookup("pipe", "id") }}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^line 1: extra var "note".*template/),
    });
  });
});

describe('extraVarProblem', () => {
  const connectionAndBecome = [
    'ansible_ssh_common_args',
    'ansible_ssh_extra_args',
    'ansible_ssh_executable',
    'ansible_connection',
    'ansible_host',
    'ansible_port',
    'ansible_user',
    'ansible_python_interpreter',
    'ansible_shell_executable',
    'ansible_become',
    'ansible_become_method',
    'ansible_become_exe',
    'ansible_become_flags',
    'ansible_become_user',
    'ansible_ssh_private_key_file',
    'ansible_paramiko_proxy_command',
    'ANSIBLE_SSH_ARGS',
    'ansible_whatever_comes_next',
  ];
  it.each(connectionAndBecome)('refuses %s (every ansible_* name), naming it', (name) => {
    const problem = extraVarProblem(name, 'x');
    expect(problem).toContain(`"${name}"`);
    expect(problem).toMatch(/Ansible/);
  });

  const magic = [
    'hostvars',
    'groups',
    'group_names',
    'inventory_hostname',
    'inventory_hostname_short',
    'inventory_dir',
    'inventory_file',
    'playbook_dir',
    'role_path',
    'role_name',
    'role_names',
    'omit',
    'environment',
    'vars',
    'play_hosts',
    'become',
    'become_user',
    'become_method',
    'connection',
    'remote_user',
    'port',
    'delegate_to',
    'gather_facts',
    'hosts',
  ];
  it.each(magic)("refuses Ansible's own variable %s", (name) => {
    expect(extraVarProblem(name, '1')).toContain(`"${name}"`);
  });

  it('knows every name Ansible 2.7.6 reserves and its magic variables', () => {
    for (const name of magic) expect(ANSIBLE_RESERVED_VARS.has(name) || name.startsWith('ansible_'), name).toBe(true);
  });

  it.each(['{{ lookup("pipe", "id") }}', '{% if true %}x{% endif %}', 'a{#b', 'line\nbreak', 'sep\u2028arator'])(
    'refuses the value %j (a template or a line break), naming the variable',
    (value) => {
      expect(extraVarProblem('lab_fail_at', value)).toMatch(/^extra var "lab_fail_at"/);
    },
  );

  it('accepts the settings a bundle reads, with plain values', () => {
    expect(extraVarProblem('lab_fail_at', 'kubesphere:lab2')).toBeUndefined();
    expect(extraVarProblem('lab_silent_seconds', 60)).toBeUndefined();
    expect(extraVarProblem('keep_going', true)).toBeUndefined();
  });
});
