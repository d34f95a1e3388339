# ks-wizard: structured install events for the wizard, one JSON line per event.
#
# Runs unchanged under Ansible 2.7 on Python 2.7 and ansible-core 2.14+ on Python 3. Enabled beside
# the bundle's own callbacks (ANSIBLE_CALLBACK_PLUGINS=<this dir>, ANSIBLE_CALLBACKS_ENABLED and
# ANSIBLE_CALLBACK_WHITELIST listing ksw_events); writes to the file named by KSW_EVENTS_FILE.
#
# Invariants:
# - every line is one ASCII JSON object in ansible-runner's job-event shape: counter, event, uuid,
#   created (UTC, no zone suffix), stdout (default-callback-like text), event_data;
# - counters start after the last one already in the file (1 for a new file), grow by one per line
#   and are never reused (a failed write leaves a gap, not a duplicate); a partial last line left by
#   a killed process is terminated first, so it stays one bad line;
# - result values are never written under no_log, nor invocation/module_args, ansible_facts or play
#   vars: results are reduced to a fixed set of keys, and text to its last 20 lines and 8 KiB;
# - no callback method raises: a failure is reported once as an Ansible warning and the run goes on.
from __future__ import (absolute_import, division, print_function)
__metaclass__ = type

import json
import os
import re
import threading
import time
import uuid

try:
    from ansible.playbook.task_include import TaskInclude
    from ansible.plugins.callback import CallbackBase
except ImportError:  # the pure helpers below are unit-tested without Ansible
    CallbackBase = object
    TaskInclude = ()

DOCUMENTATION = '''
    name: ksw_events
    callback: ksw_events  # the name key of Ansible 2.7's documentation format
    type: notification
    short_description: ks-wizard's structured event stream (JSON lines)
    description:
      - Appends one JSON object per playbook event to the file named by the KSW_EVENTS_FILE environment
        variable, in ansible-runner's job-event shape, for the ks-wizard installer to follow.
      - Disables itself with a warning when KSW_EVENTS_FILE is not set.
    requirements:
      - enable in the callbacks whitelist / callbacks_enabled
'''

try:
    TEXT_TYPES = (str, unicode)  # noqa: F821 (Python 2)
except NameError:
    TEXT_TYPES = (str,)

TAIL_LINES = 20
TEXT_BYTES = 8192
CENSORED = "the output has been hidden due to the fact that 'no_log: true' was specified for this result"
TEXT_TAIL_KEYS = ('stdout', 'stderr', 'module_stdout', 'module_stderr')
SCALAR_KEYS = ('rc', 'changed', 'unreachable', 'skip_reason', 'attempts', 'retries')
COUNTER_AT_LINE_START = re.compile(br'^\{"counter":(\d+)[,}]')


def as_text(value):
    """Any value as text: bytes decoded (invalid UTF-8 replaced), containers as JSON."""
    if isinstance(value, TEXT_TYPES):
        return value if not isinstance(value, bytes) else value.decode('utf-8', 'replace')
    if isinstance(value, bytes):
        return value.decode('utf-8', 'replace')
    if value is None:
        return u''
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True, default=repr)
    return u'%s' % (value,)


def tail_text(value, max_lines=TAIL_LINES, max_bytes=TEXT_BYTES):
    """The last max_lines lines of value, then at most its last max_bytes bytes of UTF-8."""
    text = as_text(value)
    parts = text.rsplit(u'\n', max_lines)
    if len(parts) > max_lines:
        text = u'\n'.join(parts[-max_lines:])
    if len(text) * 4 > max_bytes:
        raw = text.encode('utf-8')
        if len(raw) > max_bytes:
            text = raw[-max_bytes:].decode('utf-8', 'ignore')
    return text


def head_text(value, max_bytes=TEXT_BYTES):
    """At most the first max_bytes bytes (UTF-8) of value as text; a list is one item per line."""
    text = u'\n'.join(message_lines(value)) if isinstance(value, list) else as_text(value)
    if len(text) * 4 > max_bytes:
        raw = text[:max_bytes].encode('utf-8')
        if len(raw) > max_bytes:
            text = raw[:max_bytes].decode('utf-8', 'ignore')
        else:
            text = raw.decode('utf-8')
    return text


def is_censored(res):
    return bool(res.get('_ansible_no_log')) or 'censored' in res


def trim_result(res):
    """The part of a task result the wizard keeps: no module args, facts or no_log values."""
    if not isinstance(res, dict):
        return {}
    if is_censored(res):
        return {'censored': as_text(res.get('censored') or CENSORED), 'changed': bool(res.get('changed'))}
    out = {}
    if 'msg' in res:
        out['msg'] = head_text(res['msg'])
    for key in SCALAR_KEYS:
        value = res.get(key)
        if isinstance(value, (bool, int)) or value is None and key in res:
            out[key] = value
        elif value is not None:
            out[key] = head_text(value, 1024)
    for key in TEXT_TAIL_KEYS:
        if key in res:
            out[key] = tail_text(res[key])
    return out


def message_lines(msg):
    """A debug message as display lines: a list one item per line, a string as its lines."""
    if isinstance(msg, list):
        return [m if isinstance(m, TEXT_TYPES) and not isinstance(m, bytes) else as_text(m) for m in msg]
    return as_text(msg).split(u'\n')


def item_label(res):
    if is_censored(res):
        return u'(censored due to no_log)'
    return as_text(res.get('_ansible_item_label', res.get('item')))


def banner(title):
    """Ansible's banner on an 80-column terminal, with the blank line before it."""
    return u'\n%s %s' % (title, u'*' * max(3, 79 - len(title)))


def host_label(host, res):
    delegated = res.get('_ansible_delegated_vars') if isinstance(res, dict) else None
    if isinstance(delegated, dict) and delegated.get('ansible_host'):
        return u'[%s -> %s]' % (host, as_text(delegated['ansible_host']))
    return u'[%s]' % (host,)


def verbose_part(res, trimmed):
    """What the default callback appends after '=>' for debug-like (verbose-always) results."""
    if '_ansible_verbose_always' not in res or '_ansible_verbose_override' in res or is_censored(res):
        return None
    if 'msg' in res:
        return message_lines(res['msg'])
    shown = dict((k, v) for k, v in res.items() if not k.startswith('_ansible') and k not in
                 ('invocation', 'ansible_facts', 'changed', 'failed', 'item', 'ansible_loop_var'))
    return json.dumps(shown or trimmed, indent=4, sort_keys=True, default=repr).split('\n')


def format_result(status, host, res, item=False):
    """Default-callback-like text for one host result; status is ok, changed, failed, skipping or unreachable."""
    res = res if isinstance(res, dict) else {}
    trimmed = trim_result(res)
    who = host_label(host, res)
    label = u' (item=%s)' % item_label(res) if item else u''
    if status == 'failed' or status == 'unreachable':
        lines = []
        if 'exception' in res and not is_censored(res):
            error = as_text(res['exception']).strip().split(u'\n')[-1]
            lines.append(u'An exception occurred during task execution. To see the full traceback, use -vvv. '
                         u'The error was: %s' % error)
        dump = json.dumps(trimmed, sort_keys=True, default=repr)
        if item:
            lines.append(u'failed: %s%s => %s' % (who, label, dump))
        else:
            lines.append(u'fatal: %s: %s! => %s' % (who, 'UNREACHABLE' if status == 'unreachable' else 'FAILED', dump))
        return u'\n'.join(lines)
    head = u'%s: %s' % (status, who) + (u' =>' + label if item else u'')
    if status == 'skipping':
        return head + (u' ' if item else u'')
    extra = verbose_part(res, trimmed)
    if extra is None:
        return head
    if len(extra) == 1:
        return head + u' => ' + extra[0]
    return head + u' =>\n' + u'\n'.join(extra)


def format_recap(stats):
    """PLAY RECAP as the default callback prints it; stats maps ok/changed/... to host -> count."""
    lines = [banner(u'PLAY RECAP')]
    hosts = set()
    for counts in stats.values():
        hosts.update(counts)
    for h in sorted(hosts):
        n = dict((key, stats.get(key, {}).get(h, 0)) for key in stats)
        lines.append(u'%-26s : ok=%-4s changed=%-4s unreachable=%-4s failed=%-4s skipped=%-4s rescued=%-4s ignored=%-4s' % (
            h, n.get('ok', 0), n.get('changed', 0), n.get('dark', 0), n.get('failures', 0), n.get('skipped', 0),
            n.get('rescued', 0), n.get('ignored', 0)))
    return u'\n'.join(lines)


def last_counter_in(path, block=65536):
    """(last counter in path or 0, whether path ends inside a line); a missing file is (0, False)."""
    try:
        f = open(path, 'rb')
    except (IOError, OSError):
        return 0, False
    with f:
        f.seek(0, 2)
        pos = f.tell()
        if pos == 0:
            return 0, False
        f.seek(pos - 1)
        partial = f.read(1) != b'\n'
        carry = b''  # the start of a line that may begin in an earlier block
        tail_open = True  # until the first newline from the end: bytes after it are no line yet
        while pos > 0:
            step = min(block, pos)
            pos -= step
            f.seek(pos)
            lines = (f.read(step) + carry).split(b'\n')
            if tail_open:
                if len(lines) == 1:
                    carry = b''
                    continue
                lines.pop()
                tail_open = False
            carry = lines[0] if pos > 0 else b''
            for line in reversed(lines[1:] if pos > 0 else lines):
                m = COUNTER_AT_LINE_START.match(line)
                if m:
                    return int(m.group(1)), partial
        return 0, partial


def utc_now():
    t = time.time()
    return time.strftime('%Y-%m-%dT%H:%M:%S', time.gmtime(t)) + '.%06d' % int((t % 1) * 1000000)


def encode_event(counter, event, stdout, event_data):
    """One event line without its newline; built by hand so that it starts with the counter on Python 2 too."""
    def dump(value):
        return json.dumps(value, sort_keys=False, separators=(',', ':'), ensure_ascii=True, default=as_text)
    return u'{"counter":%d,"event":%s,"uuid":"%s","created":"%s","stdout":%s,"event_data":%s}' % (
        counter, dump(event), uuid.uuid4(), utc_now(), dump(stdout), dump(event_data))


class EventsFile:
    """Appends numbered event lines to one file; failures are reported once through warn."""

    def __init__(self, path, warn):
        self.path = path
        self.warn = warn
        self.counter, self.needs_newline = last_counter_in(path)
        self.file = None
        self.warned = False
        self.lock = threading.Lock()

    def write(self, event, stdout, event_data):
        with self.lock:
            self.counter += 1
            try:
                line = encode_event(self.counter, event, stdout, event_data)
                raw = (u'\n' if self.needs_newline else u'') + line + u'\n'
                if self.file is None:
                    self.file = open(self.path, 'ab')
                self.needs_newline = True
                self.file.write(raw.encode('ascii') if not isinstance(raw, bytes) else raw)
                self.file.flush()
                self.needs_newline = False
            except Exception as e:  # a broken events file must never fail the install
                self.report(e)

    def close(self):
        if self.file is not None:
            self.file.close()
            self.file = None

    def report(self, error):
        if not self.warned:
            self.warned = True
            self.warn(u'ksw_events: cannot write %s (%s); the wizard will miss events of this run' % (self.path, error))


def guarded(method):
    """Runs a callback method so that no exception reaches Ansible (it would only warn, every time)."""
    def run(self, *args, **kwargs):
        try:
            method(self, *args, **kwargs)
        except Exception as e:
            self._report(e)
    run.__name__ = method.__name__
    return run


def task_fields(task):
    role = getattr(task, '_role', None)
    try:
        path = task.get_path() or ''
    except Exception:
        path = ''
    return {'task': as_text(task.name or task.action), 'role': as_text(getattr(role, '_role_name', '') or ''),
            'task_path': as_text(path), 'task_action': as_text(task.action)}


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'notification'
    CALLBACK_NAME = 'ksw_events'
    CALLBACK_NEEDS_WHITELIST = True
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super(CallbackModule, self).__init__(*args, **kwargs)
        self._warned = False
        self._events = None
        path = os.environ.get('KSW_EVENTS_FILE')
        if not path:
            self.disabled = True
            self._display.warning(u'ksw_events: KSW_EVENTS_FILE is not set; this run writes no wizard events')
            return
        try:
            self._events = EventsFile(path, self._display.warning)
        except Exception as e:
            self.disabled = True
            self._report(e)

    def _report(self, error):
        if not self._warned:
            self._warned = True
            self._display.warning(u'ksw_events: %s: %s (later errors are not shown)' % (type(error).__name__, error))

    def _emit(self, event, stdout, event_data):
        if self._events is not None:
            self._events.write(event, stdout, event_data)

    def _result(self, event, status, result, ignore_errors=False, item=False):
        res = result._result if isinstance(result._result, dict) else {}
        host = as_text(result._host.get_name())
        data = task_fields(result._task)
        data.update(host=host, ignore_errors=bool(ignore_errors), res=trim_result(res))
        if item:
            data['item'] = item_label(res)
            stdout = format_result(status, host, res, item=True)
        elif isinstance(result._task, TaskInclude) and status in ('ok', 'changed'):
            stdout = u''
        elif getattr(result._task, 'loop', None) and 'results' in res:
            stdout = u''  # each item was shown by its own event
        else:
            stdout = format_result(status, host, res)
        if ignore_errors:
            stdout += u'\n...ignoring'
        self._emit(event, stdout, data)

    @guarded
    def v2_playbook_on_start(self, playbook):
        self._emit('playbook_on_start', u'', {'playbook': as_text(getattr(playbook, '_file_name', ''))})

    @guarded
    def v2_playbook_on_play_start(self, play):
        hosts = getattr(play, 'hosts', '')
        pattern = as_text(u','.join(as_text(h) for h in hosts) if isinstance(hosts, list) else hosts)
        name = as_text(play.get_name()).strip() or pattern
        self._emit('playbook_on_play_start', banner(u'PLAY [%s]' % name),
                   {'play': name, 'name': name, 'pattern': pattern})

    def _task_start(self, task, is_conditional, prefix):
        data = task_fields(task)
        data.update(name=as_text(task.get_name()).strip(), is_conditional=bool(is_conditional))
        self._emit('playbook_on_task_start', banner(u'%s [%s]' % (prefix, data['name'])), data)

    @guarded
    def v2_playbook_on_task_start(self, task, is_conditional):
        self._task_start(task, is_conditional, u'TASK')

    @guarded
    def v2_playbook_on_handler_task_start(self, task):
        self._task_start(task, True, u'RUNNING HANDLER')

    @guarded
    def v2_runner_on_ok(self, result):
        changed = isinstance(result._result, dict) and result._result.get('changed')
        self._result('runner_on_ok', 'changed' if changed else 'ok', result)

    @guarded
    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._result('runner_on_failed', 'failed', result, ignore_errors=ignore_errors)

    @guarded
    def v2_runner_on_skipped(self, result):
        self._result('runner_on_skipped', 'skipping', result)

    @guarded
    def v2_runner_on_unreachable(self, result):
        self._result('runner_on_unreachable', 'unreachable', result)

    @guarded
    def v2_runner_item_on_ok(self, result):
        changed = isinstance(result._result, dict) and result._result.get('changed')
        self._result('runner_item_on_ok', 'changed' if changed else 'ok', result, item=True)

    @guarded
    def v2_runner_item_on_failed(self, result):
        self._result('runner_item_on_failed', 'failed', result, item=True)

    @guarded
    def v2_runner_item_on_skipped(self, result):
        self._result('runner_item_on_skipped', 'skipping', result, item=True)

    @guarded
    def v2_runner_retry(self, result):
        res = result._result if isinstance(result._result, dict) else {}
        data = task_fields(result._task)
        data.update(host=as_text(result._host.get_name()), res=trim_result(res))
        left = (res.get('retries') or 0) - (res.get('attempts') or 0)
        self._emit('runner_retry', u'FAILED - RETRYING: %s (%d retries left).' % (data['task'], left), data)

    @guarded
    def v2_playbook_on_include(self, included_file):
        hosts = u', '.join(as_text(h.name) for h in included_file._hosts)
        self._emit('playbook_on_include', u'included: %s for %s' % (as_text(included_file._filename), hosts),
                   {'included_file': as_text(included_file._filename), 'hosts': hosts})

    @guarded
    def v2_playbook_on_no_hosts_matched(self):
        self._emit('playbook_on_no_hosts_matched', u'skipping: no hosts matched', {})

    @guarded
    def v2_playbook_on_no_hosts_remaining(self):
        self._emit('playbook_on_no_hosts_remaining', banner(u'NO MORE HOSTS LEFT'), {})

    @guarded
    def v2_playbook_on_stats(self, stats):
        data = {}
        for key in ('ok', 'changed', 'failures', 'skipped', 'dark', 'rescued', 'ignored', 'processed'):
            counts = getattr(stats, key, None)
            data[key] = dict((as_text(h), int(n)) for h, n in counts.items()) if isinstance(counts, dict) else {}
        self._emit('playbook_on_stats', format_recap(data), data)
