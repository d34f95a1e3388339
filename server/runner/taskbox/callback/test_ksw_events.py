# Tests of the ksw_events callback plugin, for Python 2.7 and Python 3 alike:
#   cd server/runner/taskbox/callback && python -m unittest -v test_ksw_events
# The end-to-end case runs a real playbook: under Python 2 with Ansible 2.7.6 from
# $KSW_SHARED_DIR/upstream/ansible-2.7.6-py27.tar.gz, under Python 3 with /usr/bin/ansible-playbook;
# it is skipped, saying why, when that Ansible is absent. With KSW_EVENTS_COPY_TO set, the events file
# it produced is copied there (the vitest wrapper feeds it to the TypeScript translator).
from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import ksw_events as k  # noqa: E402

ENVELOPE = ['counter', 'created', 'event', 'event_data', 'stdout', 'uuid']
CREATED = re.compile(r'^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$')
UUID4 = re.compile(r'^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')


class TempDirCase(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix='ksw-cb-')
        self.addCleanup(shutil.rmtree, self.dir, True)

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, 'wb') as f:
            f.write(data)
        return path


class Trimming(unittest.TestCase):
    def test_text_keeps_the_last_20_lines_and_8_kib(self):
        many = u'\n'.join(u'line %d' % i for i in range(30))
        self.assertEqual(k.tail_text(many).split(u'\n'), [u'line %d' % i for i in range(10, 30)])
        wide = u'x' * 20000 + u'\u00e9' * 3000 + u'end'
        kept = k.tail_text(wide)
        self.assertLessEqual(len(kept.encode('utf-8')), 8192)
        self.assertTrue(kept.endswith(u'\u00e9end'))
        self.assertEqual(k.tail_text(b'caf\xc3\xa9 \xff'), u'caf\u00e9 \ufffd')
        self.assertEqual(len(k.head_text(u'y' * 9000).encode('utf-8')), 8192)
        self.assertEqual(k.head_text([u'a', 2, {'b': 1}]), u'a\n2\n{"b": 1}')

    def test_result_keeps_a_fixed_set_of_keys(self):
        res = {'msg': u'non-zero return code', 'rc': 2, 'changed': True, 'stdout': u'out', 'stderr': u'err',
               'stdout_lines': [u'out'], 'invocation': {'module_args': {'password': u'pw'}},
               'ansible_facts': {'x': 1}, 'cmd': u'secret-cmd', 'results': [{'x': 1}], 'module_stderr': u'ms'}
        self.assertEqual(k.trim_result(res), {'msg': u'non-zero return code', 'rc': 2, 'changed': True,
                                              'stdout': u'out', 'stderr': u'err', 'module_stderr': u'ms'})

    def test_no_log_keeps_only_the_censored_notice(self):
        self.assertEqual(k.trim_result({'_ansible_no_log': True, 'msg': u'pw', 'changed': True}),
                         {'censored': k.CENSORED, 'changed': True})
        self.assertEqual(k.trim_result({'censored': u'hidden', 'changed': False}), {'censored': u'hidden', 'changed': False})
        self.assertEqual(k.item_label({'censored': u'hidden', 'item': u'pw'}), u'(censored due to no_log)')
        text = k.format_result('ok', u'h', {'_ansible_no_log': True, '_ansible_verbose_always': True, 'msg': u'pw'})
        self.assertEqual(text, u'ok: [h]')


class Formatting(unittest.TestCase):
    def test_banners_fill_80_columns(self):
        self.assertEqual(k.banner(u'PLAY [x]'), u'\nPLAY [x] ' + u'*' * 71)
        self.assertTrue(k.banner(u'T' * 100).endswith(u' ***'))

    def test_host_results_read_like_the_default_callback(self):
        self.assertEqual(k.format_result('changed', u'h', {'changed': True}), u'changed: [h]')
        self.assertEqual(k.format_result('ok', u'h', {'_ansible_delegated_vars': {'ansible_host': u'd'}}), u'ok: [h -> d]')
        self.assertEqual(k.format_result('skipping', u'h', {}), u'skipping: [h]')
        self.assertEqual(k.format_result('failed', u'h', {'msg': u'boom', 'rc': 1, 'invocation': {}}),
                         u'fatal: [h]: FAILED! => {"msg": "boom", "rc": 1}')
        self.assertEqual(k.format_result('unreachable', u'h', {'msg': u'ssh', 'unreachable': True}),
                         u'fatal: [h]: UNREACHABLE! => {"msg": "ssh", "unreachable": true}')
        self.assertEqual(k.format_result('failed', u'h', {'msg': u'm', 'exception': u'Traceback\n  x\nKeyError: y'}).split(u'\n')[0],
                         u'An exception occurred during task execution. To see the full traceback, use -vvv. The error was: KeyError: y')

    def test_items_and_debug_messages(self):
        self.assertEqual(k.format_result('changed', u'h', {'changed': True, 'item': u'a'}, item=True), u'changed: [h] => (item=a)')
        self.assertEqual(k.format_result('skipping', u'h', {'_ansible_item_label': u'b'}, item=True), u'skipping: [h] => (item=b) ')
        self.assertEqual(k.format_result('failed', u'h', {'item': u'c', 'msg': u'x'}, item=True), u'failed: [h] (item=c) => {"msg": "x"}')
        debug = {'_ansible_verbose_always': True, 'msg': [u'one', 2, u'three']}
        self.assertEqual(k.format_result('ok', u'h', debug), u'ok: [h] =>\none\n2\nthree')
        self.assertEqual(k.format_result('ok', u'h', dict(debug, msg=u'a\nb', item=1), item=True), u'ok: [h] => (item=1) =>\na\nb')
        self.assertEqual(k.format_result('ok', u'h', {'_ansible_verbose_always': True, 'msg': u'hi'}), u'ok: [h] => hi')
        self.assertEqual(k.format_result('ok', u'h', {'_ansible_verbose_always': True, 'v': 1}), u'ok: [h] =>\n{\n    "v": 1\n}')
        self.assertEqual(k.format_result('ok', u'h', {'_ansible_verbose_always': True, '_ansible_verbose_override': True, 'v': 1}), u'ok: [h]')

    def test_recap(self):
        stats = {'ok': {'b': 3, 'a': 1}, 'changed': {'b': 1}, 'failures': {'a': 1}, 'dark': {}, 'skipped': {}, 'processed': {'a': 1, 'b': 1}}
        self.assertEqual(k.format_recap(stats).split(u'\n')[2:], [
            u'a                          : ok=1    changed=0    unreachable=0    failed=1    skipped=0    rescued=0    ignored=0   ',
            u'b                          : ok=3    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   '])


class CounterResume(TempDirCase):
    def lines(self, *counters):
        return b''.join(k.encode_event(n, 'verbose', u'x' * 40, {}).encode('ascii') + b'\n' for n in counters)

    def test_finds_the_last_complete_line(self):
        self.assertEqual(k.last_counter_in(os.path.join(self.dir, 'missing')), (0, False))
        self.assertEqual(k.last_counter_in(self.write('empty', b'')), (0, False))
        self.assertEqual(k.last_counter_in(self.write('a', self.lines(1, 2, 3))), (3, False))
        self.assertEqual(k.last_counter_in(self.write('b', self.lines(1, 2) + b'{"counter":9,"ev')), (2, True))
        self.assertEqual(k.last_counter_in(self.write('c', self.lines(4) + b'garbage\n')), (4, False))
        self.assertEqual(k.last_counter_in(self.write('d', b'{"counter":5}')), (0, True))
        for block in (1, 7, 16, 4096):  # lines spanning many blocks, and a partial tail spanning some
            path = self.write('e', self.lines(1, 2, 3, 12) + b'{"counter":13,' + b'y' * 50)
            self.assertEqual(k.last_counter_in(path, block), (12, True), 'block %d' % block)

    def test_continues_after_the_file_and_terminates_a_partial_line(self):
        path = self.write('events.jsonl', self.lines(41) + b'{"counter":42,"trunc')
        warnings = []
        events = k.EventsFile(path, warnings.append)
        events.write('playbook_on_start', u'caf\u00e9 \u2713', {'playbook': u'p\u00e9.yml'})
        events.close()
        with open(path, 'rb') as f:
            raw = f.read()
        lines = raw.split(b'\n')
        self.assertEqual(lines[1], b'{"counter":42,"trunc')
        event = json.loads(lines[2].decode('ascii'))
        self.assertEqual([event['counter'], event['event'], event['stdout'], lines[3]], [42, 'playbook_on_start', u'caf\u00e9 \u2713', b''])
        self.assertEqual(sorted(event), ENVELOPE)
        self.assertTrue(CREATED.match(event['created']) and UUID4.match(event['uuid']))
        self.assertEqual(warnings, [])

    def test_a_broken_file_warns_once_and_never_raises(self):
        warnings = []
        events = k.EventsFile(self.dir, warnings.append)  # a directory cannot be opened for appending
        events.write('a', u'', {})
        events.write('b', u'', {})
        events.close()
        self.assertEqual(len(warnings), 1)
        self.assertIn(self.dir, warnings[0])


PLAYBOOK = u'''
- name: ksw events test
  hosts: all
  gather_facts: false
  vars: {ksw_play_var: PLAY-VAR-never-written}
  roles: [ksw_role]
  tasks:
    - {name: a change, command: echo changed-output}
    - name: show a list
      debug: {msg: [first line, second line, 3]}
    - {name: fail but ignored, shell: echo to-stdout; echo boom-on-stderr >&2; exit 3, ignore_errors: true}
    - {name: skipped, command: echo never, when: false}
    - {name: a secret, command: echo S3CR3T-NOLOG-value, no_log: true}
    - {name: a loop, command: "echo {{ item }}", loop: [alpha, beta]}
    - {name: a secret loop, debug: {msg: "{{ item }}"}, loop: [S3CR3T-ITEM-value], no_log: true}
    - {name: a real failure, fail: {msg: final failure of the test}}
'''
RESUMED = u'- {hosts: all, gather_facts: false, tasks: [{name: once more, debug: {msg: resumed}}]}\n'
# (event, task, stdout) per line; None: not checked here
EXPECTED = [
    ('playbook_on_start', None, u''),
    ('playbook_on_play_start', None, k.banner(u'PLAY [ksw events test]')),
    ('playbook_on_task_start', u'from the role', k.banner(u'TASK [ksw_role : from the role]')),
    ('runner_on_ok', u'from the role', u'ok: [ksw-local] => hello from the role'),
    ('playbook_on_task_start', u'a change', k.banner(u'TASK [a change]')),
    ('runner_on_ok', u'a change', u'changed: [ksw-local]'),
    ('playbook_on_task_start', u'show a list', None),
    ('runner_on_ok', u'show a list', u'ok: [ksw-local] =>\nfirst line\nsecond line\n3'),
    ('playbook_on_task_start', u'fail but ignored', None),
    ('runner_on_failed', u'fail but ignored', None),
    ('playbook_on_task_start', u'skipped', None),
    ('runner_on_skipped', u'skipped', u'skipping: [ksw-local]'),
    ('playbook_on_task_start', u'a secret', None),
    ('runner_on_ok', u'a secret', u'changed: [ksw-local]'),
    ('playbook_on_task_start', u'a loop', None),
    ('runner_item_on_ok', u'a loop', u'changed: [ksw-local] => (item=alpha)'),
    ('runner_item_on_ok', u'a loop', u'changed: [ksw-local] => (item=beta)'),
    ('runner_on_ok', u'a loop', u''),
    ('playbook_on_task_start', u'a secret loop', None),
    ('runner_item_on_ok', u'a secret loop', u'ok: [ksw-local] => (item=(censored due to no_log))'),
    ('runner_on_ok', u'a secret loop', u'ok: [ksw-local]'),  # censored: no 'results' left, as in the default callback
    ('playbook_on_task_start', u'a real failure', None),
    ('runner_on_failed', u'a real failure', u'fatal: [ksw-local]: FAILED! => {"changed": false, "msg": "final failure of the test"}'),
    ('playbook_on_stats', None, None),
]


def ansible_command(tmp):
    """(argv prefix, extra env, target interpreter) of the Ansible matching this Python, or raise SkipTest."""
    if sys.version_info[0] >= 3:
        if not os.path.exists('/usr/bin/ansible-playbook'):
            raise unittest.SkipTest('/usr/bin/ansible-playbook (ansible-core for Python 3) is not installed')
        return ['/usr/bin/ansible-playbook'], {}, '/usr/bin/python3'
    shared = os.environ.get('KSW_SHARED_DIR', '')
    tarball = os.path.join(shared, 'upstream', 'ansible-2.7.6-py27.tar.gz')
    if not shared or not os.path.exists(tarball):
        raise unittest.SkipTest('Ansible 2.7.6 not found: set KSW_SHARED_DIR to the folder holding '
                                'upstream/ansible-2.7.6-py27.tar.gz (the vitest wrapper does)')
    with tarfile.open(tarball) as tar:
        tar.extractall(tmp)
    py = os.path.join(tmp, 'py')
    for part in ('ansible-2.7.6/lib/ansible', 'jinja-2.10.1/jinja2', 'markupsafe-1.1.1/src/markupsafe', 'pyyaml-5.1.2/lib/yaml'):
        shutil.copytree(os.path.join(tmp, part), os.path.join(py, os.path.basename(part)))
    return [sys.executable, os.path.join(tmp, 'ansible-2.7.6', 'bin', 'ansible-playbook')], {'PYTHONPATH': py}, sys.executable


class PlaybookEndToEnd(TempDirCase):
    @classmethod
    def setUpClass(cls):
        cls.ansible_dir = tempfile.mkdtemp(prefix='ksw-cb-ansible-')
        cls.skip_reason = None
        try:
            cls.argv, cls.extra_env, cls.python = ansible_command(cls.ansible_dir)
        except unittest.SkipTest as e:  # skipped per test, so that each shows its name and the reason
            cls.skip_reason = str(e)
        except BaseException:
            shutil.rmtree(cls.ansible_dir, True)
            raise

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.ansible_dir, True)

    def setUp(self):
        if self.skip_reason:
            self.skipTest(self.skip_reason)
        super(PlaybookEndToEnd, self).setUp()
        for sub in ('home', 'tmp', 'callback', 'roles/ksw_role/tasks'):
            os.makedirs(os.path.join(self.dir, sub))
        shutil.copy(os.path.join(HERE, 'ksw_events.py'), os.path.join(self.dir, 'callback'))
        self.write('roles/ksw_role/tasks/main.yml', b'- {name: from the role, debug: {msg: hello from the role}}\n')
        self.write('hosts', ('ksw-local ansible_connection=local ansible_python_interpreter=%s\n' % self.python).encode('utf-8'))
        # the bundle's scripts/ansible.cfg as far as callbacks go (skippy: see the Python 3 override below)
        self.write('ansible.cfg', b'[defaults]\nstdout_callback = skippy\ncallback_whitelist = profile_tasks\n')
        self.events = os.path.join(self.dir, 'events.jsonl')
        self.env = dict((key, value) for key, value in os.environ.items() if not key.startswith('ANSIBLE_') and key != 'PYTHONPATH')
        self.env.update(self.extra_env, HOME=os.path.join(self.dir, 'home'), ANSIBLE_HOME=os.path.join(self.dir, 'home'),
                        ANSIBLE_LOCAL_TEMP=os.path.join(self.dir, 'tmp'), ANSIBLE_REMOTE_TEMP=os.path.join(self.dir, 'tmp'),
                        ANSIBLE_CONFIG=os.path.join(self.dir, 'ansible.cfg'), ANSIBLE_RETRY_FILES_ENABLED='False',
                        ANSIBLE_CALLBACK_PLUGINS=os.path.join(self.dir, 'callback'), ANSIBLE_DEPRECATION_WARNINGS='False',
                        ANSIBLE_CALLBACK_WHITELIST='profile_tasks,ksw_events', ANSIBLE_CALLBACKS_ENABLED='profile_tasks,ksw_events',
                        KSW_EVENTS_FILE=self.events)
        if sys.version_info[0] >= 3:
            self.env['ANSIBLE_STDOUT_CALLBACK'] = 'default'  # skippy left ansible-core; ansible.posix may lack it

    def play(self, name, text):
        self.write(name, text.encode('utf-8'))
        proc = subprocess.Popen(self.argv + ['-i', 'hosts', name], cwd=self.dir, env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        output = proc.communicate()[0].decode('utf-8', 'replace')
        return proc.returncode, output

    def test_a_real_playbook_writes_one_line_per_event(self):
        rc, output = self.play('site.yml', PLAYBOOK)
        self.assertEqual(rc, 2, output)  # the last task fails
        self.assertNotIn('ksw_events', output)  # no warning of the plugin
        with open(self.events, 'rb') as f:
            raw = f.read()
        for secret in (b'S3CR3T', b'PLAY-VAR', b'invocation', b'module_args', b'ansible_facts', b'to-stdout; echo'):
            self.assertNotIn(secret, raw)
        events = [json.loads(line.decode('ascii')) for line in raw.splitlines()]
        self.assertEqual([e['counter'] for e in events], list(range(1, len(events) + 1)))
        self.assertEqual([(e['event'], e['event_data'].get('task')) for e in events], [x[:2] for x in EXPECTED], output)
        for event, (_, _, stdout) in zip(events, EXPECTED):
            self.assertEqual(sorted(event), ENVELOPE)
            self.assertTrue(CREATED.match(event['created']) and UUID4.match(event['uuid']), event)
            if stdout is not None:
                self.assertEqual(event['stdout'], stdout)
        self.assertEqual(events[0]['event_data'], {'playbook': 'site.yml'})
        self.assertEqual(events[1]['event_data'], {'play': 'ksw events test', 'name': 'ksw events test', 'pattern': 'all'})
        role_task = events[2]['event_data']
        self.assertEqual([role_task['role'], role_task['task_action'], role_task['name']], ['ksw_role', 'debug', 'ksw_role : from the role'])
        self.assertTrue(role_task['task_path'].endswith('roles/ksw_role/tasks/main.yml:1'), role_task)
        ignored = events[9]['event_data']
        self.assertEqual([ignored['host'], ignored['ignore_errors'], ignored['res']['rc'], ignored['res']['stderr'], ignored['res']['stdout']],
                         ['ksw-local', True, 3, 'boom-on-stderr', 'to-stdout'])
        self.assertTrue(ignored['task_path'].endswith('site.yml:11'), ignored)
        self.assertTrue(events[9]['stdout'].startswith('fatal: [ksw-local]: FAILED! => {'), events[9])
        self.assertTrue(events[9]['stdout'].endswith('"stderr": "boom-on-stderr", "stdout": "to-stdout"}\n...ignoring'), events[9])
        self.assertEqual(events[11]['event_data']['res']['skip_reason'], 'Conditional result was False')
        self.assertEqual(events[13]['event_data']['res'], {'censored': k.CENSORED, 'changed': True})
        self.assertEqual([events[15]['event_data']['item'], events[15]['event_data']['res']['stdout']], ['alpha', 'alpha'])
        self.assertEqual(events[22]['event_data']['ignore_errors'], False)
        stats = events[-1]['event_data']
        self.assertEqual([stats['ok'], stats['changed'], stats['failures'], stats['skipped'], stats['dark']],
                         [{'ksw-local': 7}, {'ksw-local': 4}, {'ksw-local': 1}, {'ksw-local': 1}, {}])
        self.assertIn(u'ksw-local                  : ok=7    changed=4    unreachable=0    failed=1    skipped=1', events[-1]['stdout'])

        with open(self.events, 'ab') as f:
            f.write(b'{"counter":999,"event":"cut off by a kill')
        rc, output = self.play('again.yml', RESUMED)
        self.assertEqual(rc, 0, output)
        with open(self.events, 'rb') as f:
            lines = f.read().splitlines()
        self.assertEqual(lines[len(events)], b'{"counter":999,"event":"cut off by a kill')
        resumed = [json.loads(line.decode('ascii')) for line in lines[len(events) + 1:]]
        self.assertEqual([e['counter'] for e in resumed], list(range(len(events) + 1, len(events) + 1 + len(resumed))))
        self.assertEqual(resumed[3]['stdout'], u'ok: [ksw-local] => resumed')
        if os.environ.get('KSW_EVENTS_COPY_TO'):
            shutil.copy(self.events, os.environ['KSW_EVENTS_COPY_TO'])

    def test_without_a_usable_events_file_the_run_goes_on_with_one_warning(self):
        self.env['KSW_EVENTS_FILE'] = os.path.join(self.dir, 'missing-dir', 'events.jsonl')
        rc, output = self.play('again.yml', RESUMED)
        self.assertEqual([rc, output.count('ksw_events:'), 'ksw_events: cannot write' in output], [0, 1, True], output)
        del self.env['KSW_EVENTS_FILE']
        rc, output = self.play('again.yml', RESUMED)
        self.assertEqual([rc, output.count('ksw_events:'), 'KSW_EVENTS_FILE is not set' in output], [0, 1, True], output)

if __name__ == '__main__':
    unittest.main()
