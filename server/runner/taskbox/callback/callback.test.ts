/**
 * The ksw_events callback plugin under both Pythons a taskbox may have: it compiles under Python 2.7
 * and 3, and its unittest module (pure helpers + a real playbook with that Python's Ansible: 2.7.6
 * from ../shared/upstream, or Debian's ansible-core) passes. Where that Ansible is present, the real
 * case must have run (not been skipped), and the events file it wrote is read back the way the wizard
 * will: chunks → EventLineSplitter → parseEventLine → translateEvent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { translateEvent, type JobEvent } from '../../translate-event';
import { EventLineSplitter, parseEventLine } from '../parse-event-line';

const HERE = import.meta.dirname;
const SHARED = path.resolve(HERE, '../../../..', '../shared');
const ANSIBLE_276 = path.join(SHARED, 'upstream', 'ansible-2.7.6-py27.tar.gz');
const ANSIBLE_CORE = '/usr/bin/ansible-playbook';

function pyenvRoot(): string | undefined {
  try {
    return execFileSync('pyenv', ['root'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function firstExisting(candidates: (string | undefined)[]): string | undefined {
  return candidates.find((c): c is string => c !== undefined && fs.existsSync(c));
}

const root = pyenvRoot();
const python2 = firstExisting(['/root/.pyenv/versions/2.7.18/bin/python2.7', root && path.join(root, 'versions/2.7.18/bin/python2.7')]);
const python3 = firstExisting(['/usr/bin/python3', '/usr/local/bin/python3']);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'ksw-callback-test-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function run(python: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(python, args, {
    cwd: HERE,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', KSW_SHARED_DIR: SHARED, ...env },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? `\n${result.error.message}` : ''}`;
  expect(result.status, `${python} ${args.join(' ')} failed:\n${output}`).toBe(0);
  return output;
}

function checkPython(python: string, label: string, ansiblePresent: boolean): void {
  run(python, [
    '-c',
    'import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)',
    'ksw_events.py',
    path.join(work, `${label}.pyc`),
  ]);
  const copy = path.join(work, `${label}-events.jsonl`);
  const output = run(python, ['-m', 'unittest', '-v', 'test_ksw_events'], { KSW_EVENTS_COPY_TO: copy });
  const realCase = /^test_a_real_playbook_writes_one_line_per_event .*\.\.\. (.*)$/m.exec(output)?.[1] ?? 'not found';
  if (!ansiblePresent) {
    console.warn(`ksw_events under ${label}: the real-playbook case was skipped (its Ansible is absent):\n${output}`);
    expect(realCase, output).toMatch(/^skipped/);
    return;
  }
  expect(realCase, output).toBe('ok');
  readBackLikeTheWizard(fs.readFileSync(copy, 'utf8'));
}

/** The file through the wizard's reading path: in 100-character chunks, line by line, translated. */
function readBackLikeTheWizard(file: string): void {
  const splitter = new EventLineSplitter();
  const events: JobEvent[] = [];
  const rejected: string[] = [];
  for (let i = 0; i < file.length; i += 100) {
    for (const line of splitter.push(file.slice(i, i + 100))) {
      const parsed = parseEventLine(line);
      if (parsed.ok) events.push(parsed.event);
      else rejected.push(parsed.reason);
    }
  }
  expect(splitter.offset).toBe(Buffer.byteLength(file));
  expect(rejected).toEqual([expect.stringMatching(/^not JSON/)]); // the line the test cut short
  expect(events.map((e) => e.counter)).toEqual(events.map((_, i) => i + 1));
  const translated = events.map(translateEvent);
  const firstRecap = translated.find((t) => t.recap)?.recap;
  expect(firstRecap).toEqual({ 'ksw-local': { ok: 7, changed: 4, failed: 1, skipped: 1, unreachable: 0 } });
  const errors = translated.flatMap((t) => (t.error ? [t.error] : []));
  expect(errors).toEqual([{ host: 'ksw-local', error: expect.objectContaining({ task: 'a real failure', msg: 'final failure of the test' }) }]);
  expect(translated.find((t) => t.role)?.role).toBe('ksw_role');
  const lines = translated.flatMap((t) => t.lines);
  expect(lines).toEqual(expect.arrayContaining(['TASK [a change] ' + '*'.repeat(64), 'changed: [ksw-local]', 'first line', 'second line', '...ignoring']));
  expect(translated.filter((t) => t.failed).map((t) => t.counter)).toEqual([
    events.find((e) => e.event_data?.task === 'a real failure' && e.event === 'runner_on_failed')?.counter,
  ]);
}

describe('ksw_events callback plugin', () => {
  it.skipIf(python2 === undefined)(
    `under Python 2.7 with Ansible 2.7.6${python2 ? '' : ' (skipped: no python2.7 under /root/.pyenv or `pyenv root`)'}`,
    () => checkPython(python2 ?? '', 'py27', fs.existsSync(ANSIBLE_276)),
    300_000,
  );
  it.skipIf(python3 === undefined)(
    `under Python 3 with ansible-core${python3 ? '' : ' (skipped: no /usr/bin/python3)'}`,
    () => checkPython(python3 ?? '', 'py3', fs.existsSync(ANSIBLE_CORE)),
    300_000,
  );
});
