/**
 * Facts about the install's installer bundle on the wizard's machine, for the "Installer bundle"
 * check (checks/bundle.ts judges them). File system reads only: nothing is written or run.
 *
 * The path is the one the runner will use (bundlePathOf: `installer.bundlePath`, else the profile's
 * default, resolved against the working directory). What is looked for is the profile's data:
 * `layout.dirs`, `layout.files`, the `version` file and, for a bundle used in place
 * (`copyBundle: false`, where write-config writes into it), whether the config files can be written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InstallConfig } from '@/lib/config/schema';
import type { InstallerProfile } from '../runner/profiles';
import { bundlePathOf } from '../runner/run-files';

/** ok; missing (or a parent is not a folder); wrong-kind (a file where a folder belongs, or the reverse); unreadable. */
export type PathState = 'ok' | 'missing' | 'wrong-kind' | 'unreadable';

export interface BundleEntry {
  /** Bundle-relative. */
  path: string;
  kind: 'dir' | 'file';
  state: PathState;
}

export interface BundleFacts {
  /** `installer.bundlePath` as configured ('' = the profile's default). */
  configured: string;
  /** Absolute path the runner will use; undefined when the install has none (`noPath` says why). */
  path?: string;
  noPath?: string;
  /** The wizard's working directory (a relative path is resolved against it). */
  cwd: string;
  /** The wizard's user, e.g. "ksw (uid 998)". */
  user: string;
  /** The bundle directory itself; `rootError` is the system's words when not ok. */
  root?: PathState;
  rootError?: string;
  /** layout.dirs, layout.files and the version file, each once, in that order (only when root is ok). */
  entries: BundleEntry[];
  /** The version line of `profile.version.file`, when that file could be read. */
  version?: { file: string; key: string; value?: string; line?: number };
  /** Config files write-config could not write (bundles used in place only). */
  notWritable: string[];
}

/** At most this much of the version file is read (the shipped vars.yml is ~7 KB). */
const VERSION_READ_LIMIT = 256 * 1024;

function wizardUser(): string {
  try {
    const u = os.userInfo();
    return `${u.username} (uid ${u.uid})`;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

function stateOfError(err: unknown): PathState {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' ? 'missing' : 'unreadable';
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** fs.accessSync's shape: throws when this process may not access `path` with `mode`. */
export type AccessCheck = (path: string, mode: number) => void;

/** Exists with the right kind and readable (folders also searchable) by this process. */
function probe(abs: string, kind: 'dir' | 'file', access: AccessCheck): { state: PathState; error?: string } {
  try {
    const st = fs.statSync(abs);
    if (kind === 'dir' ? !st.isDirectory() : !st.isFile()) return { state: 'wrong-kind' };
    access(abs, kind === 'dir' ? fs.constants.R_OK | fs.constants.X_OK : fs.constants.R_OK);
    return { state: 'ok' };
  } catch (err) {
    return { state: stateOfError(err), error: errorText(err) };
  }
}

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

function readHead(abs: string): string {
  const fd = fs.openSync(abs, 'r');
  try {
    const buf = Buffer.alloc(VERSION_READ_LIMIT);
    const n = fs.readSync(fd, buf, 0, VERSION_READ_LIMIT, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Could write-config write `rel` (mkdir -p of its folder, then write the file)? */
function writable(root: string, rel: string, access: AccessCheck): boolean {
  let target = path.join(root, rel);
  for (;;) {
    if (fs.existsSync(target)) {
      try {
        const isDir = fs.statSync(target).isDirectory();
        access(target, isDir ? fs.constants.W_OK | fs.constants.X_OK : fs.constants.W_OK);
        return true;
      } catch {
        return false;
      }
    }
    const parent = path.dirname(target);
    if (parent === target || !parent.startsWith(root)) return false;
    target = parent;
  }
}

/**
 * `access` is fs.accessSync; tests pass their own to see how refusals are reported, since root (as
 * tests run) may read and write everything.
 */
export function gatherBundleFacts(config: InstallConfig, profile: InstallerProfile, access: AccessCheck = fs.accessSync): BundleFacts {
  const facts: BundleFacts = { configured: config.installer.bundlePath.trim(), cwd: process.cwd(), user: wizardUser(), entries: [], notWritable: [] };
  try {
    facts.path = bundlePathOf(config, profile);
  } catch (err) {
    facts.noPath = err instanceof Error ? err.message : String(err);
    return facts;
  }
  const root = facts.path;
  const top = probe(root, 'dir', access);
  facts.root = top.state;
  facts.rootError = top.error;
  if (top.state !== 'ok') return facts;

  const wanted: Omit<BundleEntry, 'state'>[] = [
    ...profile.layout.dirs.map((p) => ({ path: p, kind: 'dir' as const })),
    ...profile.layout.files.map((p) => ({ path: p, kind: 'file' as const })),
    ...(profile.version ? [{ path: profile.version.file, kind: 'file' as const }] : []),
  ];
  for (const e of wanted) {
    if (!facts.entries.some((x) => x.path === e.path)) facts.entries.push({ ...e, state: probe(path.join(root, e.path), e.kind, access).state });
  }

  const v = profile.version;
  if (v && facts.entries.find((e) => e.path === v.file)?.state === 'ok') {
    try {
      const found = findTopLevelKey(readHead(path.join(root, v.file)), v.key);
      facts.version = { file: v.file, key: v.key, value: found?.value, line: found?.line };
    } catch {
      const entry = facts.entries.find((e) => e.path === v.file);
      if (entry) entry.state = 'unreadable';
    }
  }

  if (!profile.copyBundle) {
    facts.notWritable = profile.configFiles.map((f) => f.path).filter((rel) => !writable(root, rel, access));
  }
  return facts;
}
