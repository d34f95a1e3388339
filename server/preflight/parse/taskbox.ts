/** The taskbox script's output (taskbox-script.ts) as facts for the installer checks. Pure. */
import type { TaskboxProbeSpec } from '../taskbox-script';
import { parseDf } from './resources';
import { parseKeyValues, splitSections } from './sections';

/** ok; missing (or a parent is not a folder); wrong-kind (a file where a folder belongs, or the reverse); unreadable. */
export type PathState = 'ok' | 'missing' | 'wrong-kind' | 'unreadable';
export type BundleEntryKind = 'dir' | 'file';

export interface BundleEntry {
  /** Bundle-relative. */
  path: string;
  kind: BundleEntryKind;
  state: PathState;
}

export interface BundleVersionFact {
  /** The config file that states the version (profile data), and the key. */
  file: string;
  key: string;
  /** Read from the shipped copy write-config kept (true), or from `file` itself. */
  shipped: boolean;
  /** Bundle-relative path of the file read. */
  readFrom: string;
  value?: string;
  line?: number;
  unreadable?: boolean;
}

export interface AnsibleFact {
  /** The command looked up on the taskbox PATH. */
  command: string;
  /** Where it was found; undefined: not on that PATH. */
  path?: string;
  /** `--version`'s exit code (124: timed out). */
  exitCode?: number;
  /** Its first line naming the version ("ansible-playbook 2.7.6", "ansible-playbook [core 2.14.18]"). */
  firstLine?: string;
  version?: string;
  /** "python version = …" of the output, e.g. "2.7.18". */
  python?: string;
  /** The whole output (evidence). */
  output: string;
}

export interface PythonFact {
  command: string;
  path?: string;
  /** First line of `--version`, e.g. "Python 2.7.18". */
  version?: string;
}

export interface TaskboxBundleFacts {
  path: string;
  root: PathState;
  /** Only when root is ok. */
  entries: BundleEntry[];
  version?: BundleVersionFact;
  bootstrapScript?: PathState;
  /** The file system that holds `<bundle>/logs` (or the bundle while logs/ does not exist). */
  disk?: { dir: string; availKb: number; mount: string };
}

export interface TaskboxFacts {
  /** Who looked: readability is as this user ("root" under sudo). */
  user: string;
  bundle?: TaskboxBundleFacts;
  ansible?: AnsibleFact;
  python: PythonFact[];
  /** False when the output ended early. */
  complete: boolean;
  raw: ReadonlyMap<string, string>;
}

const STATES: readonly PathState[] = ['ok', 'missing', 'wrong-kind', 'unreadable'];
const asState = (text: string | undefined): PathState => STATES.find((s) => s === text?.trim()) ?? 'missing';

/** A top-level `key: value` line (not indented); the value without quotes or a trailing comment. */
export function findTopLevelKey(text: string, key: string): { value?: string; line: number } | undefined {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith(`${key}:`) && !line.startsWith(`${key} :`)) continue;
    const raw = line.slice(line.indexOf(':') + 1).trim();
    const quoted = /^(["'])(.*?)\1/.exec(raw);
    const value = (quoted ? (quoted[2] ?? '') : raw.replace(/(^|\s+)#.*$/, '')).trim();
    return { value: value === '' ? undefined : value, line: i + 1 };
  }
  return undefined;
}

/** Ansible's version from the first line of `ansible-playbook --version` ("ansible-playbook [core 2.14.18]", "ansible-playbook 2.7.6"). */
export function parseAnsibleVersion(firstLine: string): { version: string; major: number; minor: number; core: boolean } | undefined {
  const core = /\[core (\d+)\.(\d+)(\.\d+)?[^\]]*\]/.exec(firstLine);
  const m = core ?? /(?:^|\s)v?(\d+)\.(\d+)(\.\d+)?/.exec(firstLine);
  if (!m) return undefined;
  return { version: `${m[1]}.${m[2]}${m[3] ?? ''}`, major: Number(m[1]), minor: Number(m[2]), core: core !== null };
}

function parseEntries(text: string): BundleEntry[] {
  const out: BundleEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+) ([df]):(.+)$/.exec(line.trim());
    if (m) out.push({ state: asState(m[1]), kind: m[2] === 'd' ? 'dir' : 'file', path: m[3] ?? '' });
  }
  return out;
}

function parseVersion(text: string | undefined, spec: TaskboxProbeSpec['version']): BundleVersionFact | undefined {
  if (text === undefined || !spec) return undefined;
  const kv = parseKeyValues(text);
  const shipped = kv.get('from') === 'shipped';
  const fact: BundleVersionFact = { file: spec.file, key: spec.key, shipped, readFrom: shipped ? spec.shippedFile : spec.file };
  if (kv.get('state') === 'unreadable') return { ...fact, unreadable: true };
  // `text=` keeps the line as the file has it (parseKeyValues trims: take it raw)
  const textLine = text.split('\n').find((l) => l.startsWith('text='));
  const found = textLine === undefined ? undefined : findTopLevelKey(textLine.slice('text='.length), spec.key);
  const line = Number(kv.get('line'));
  return { ...fact, value: found?.value, line: Number.isInteger(line) && line > 0 ? line : undefined };
}

function parseDisk(text: string | undefined): TaskboxBundleFacts['disk'] {
  if (!text) return undefined;
  const dir = parseKeyValues(text).get('dir');
  const df = parseDf(text)[0];
  return dir && df ? { dir, availKb: df.availKb, mount: df.mount } : undefined;
}

function parseAnsible(text: string | undefined, command: string | undefined): AnsibleFact | undefined {
  if (text === undefined || command === undefined) return undefined;
  if (text.trim() === 'missing') return { command, output: '' };
  const lines = text.split('\n');
  const path = lines.find((l) => l.startsWith('path='))?.slice('path='.length);
  const rc = Number(lines.find((l) => l.startsWith('rc='))?.slice('rc='.length));
  const output = lines
    .filter((l) => !/^(path|rc)=/.test(l))
    .join('\n')
    .trim();
  const firstLine = output
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /^\S*ansible\S*\s+(\[core\s+)?v?\d+\.\d+/.test(l));
  return {
    command,
    ...(path ? { path } : {}),
    ...(Number.isInteger(rc) ? { exitCode: rc } : {}),
    ...(firstLine ? { firstLine, version: parseAnsibleVersion(firstLine)?.version } : {}),
    ...(/python version = (\S+)/.exec(output) ? { python: /python version = (\S+)/.exec(output)?.[1] } : {}),
    output,
  };
}

function parsePython(text: string | undefined): PythonFact[] {
  if (text === undefined) return [];
  return [...parseKeyValues(text)].map(([command, value]) => {
    if (value === 'missing') return { command };
    const tab = value.indexOf('\t');
    const path = tab < 0 ? value : value.slice(0, tab);
    const version = tab < 0 ? undefined : value.slice(tab + 1).trim() || undefined;
    return { command, path, ...(version ? { version } : {}) };
  });
}

export function parseTaskboxOutput(stdout: string, spec: TaskboxProbeSpec): TaskboxFacts {
  const raw = splitSections(stdout);
  const bundle: TaskboxBundleFacts | undefined =
    spec.bundle === undefined || !raw.has('tb-root')
      ? undefined
      : {
          path: spec.bundle,
          root: asState(raw.get('tb-root')),
          entries: parseEntries(raw.get('tb-entries') ?? ''),
          version: parseVersion(raw.get('tb-version'), spec.version),
          ...(raw.has('tb-bootstrap') ? { bootstrapScript: asState(raw.get('tb-bootstrap')) } : {}),
          disk: parseDisk(raw.get('tb-df')),
        };
  if (bundle && bundle.root !== 'ok') bundle.entries = [];
  return {
    user: (raw.get('tb-user') ?? '').split('\n')[0]?.trim() || 'unknown',
    bundle,
    ansible: parseAnsible(raw.get('tb-ansible'), spec.ansibleProbe),
    python: parsePython(raw.get('tb-python')),
    complete: raw.has('tb-end'),
    raw,
  };
}
