/**
 * The lab bundle on each host: the repo's `lab/installer/` tree copied into the host's private
 * `/opt/ks-lab-installer/`, so a run on the taskbox uses the bundle *there*, as with a real offline
 * bundle. Plus `scripts/os/ansible-2.7.6-py27.tar.gz` → `<repo>/../shared/upstream/` when that file
 * exists: real bundles ship their packages inside; this link is the stand-in.
 *
 * Invariants:
 * - The source is read and hashed once per `lab up` (relative paths, modes, contents).
 * - A host's copy is rewritten only when the hash in its `.ksw-lab-source` differs: files the
 *   source dropped are removed, files a run added (conf/hosts.ini, ...) are kept.
 * - Plain copies, never hardlinks: a run that rewrites a file in place must not change the repo.
 * - A host given back by its test (lease-hosts.ts) has its config dirs (`conf/`, `k8s/inventory/`)
 *   as the source has them: the next lessee never runs on a config an earlier test's run wrote.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, readlink, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot, sharedUpstreamDir } from './paths';

/** Where the lab bundle lives inside every lab host. */
export const HOST_BUNDLE_DIR = '/opt/ks-lab-installer';
export const ANSIBLE_TARBALL_NAME = 'ansible-2.7.6-py27.tar.gz';
const TARBALL_IN_BUNDLE = path.join('scripts', 'os', ANSIBLE_TARBALL_NAME);
const STAMP = '.ksw-lab-source';

export interface BundleFile {
  rel: string;
  mode: number;
}
export interface BundleSource {
  dir: string;
  hash: string;
  files: BundleFile[];
}

async function listFiles(dir: string, rel = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, rel), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (e) => {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) return listFiles(dir, r);
      return e.isFile() ? [r] : [];
    }),
  );
  return nested.flat().sort();
}

export async function readBundleSource(dir = path.join(repoRoot, 'lab', 'installer')): Promise<BundleSource> {
  const hash = createHash('sha256');
  const files: BundleFile[] = [];
  for (const rel of await listFiles(dir)) {
    const full = path.join(dir, rel);
    const mode = (await stat(full)).mode & 0o777;
    hash
      .update(`${rel}\0${mode.toString(8)}\0`)
      .update(await readFile(full))
      .update('\0');
    files.push({ rel, mode });
  }
  return { dir, hash: hash.digest('hex'), files };
}

const renderStamp = (src: BundleSource) => [src.hash, ...src.files.map((f) => f.rel)].join('\n') + '\n';

/** Plain copies of `files` of the source under `dest`, with the source's modes. */
async function copyBundleFiles(src: BundleSource, files: readonly BundleFile[], dest: string): Promise<void> {
  for (const f of files) {
    const to = path.join(dest, f.rel);
    await mkdir(path.dirname(to), { recursive: true, mode: 0o755 });
    await copyFile(path.join(src.dir, f.rel), to);
    await chmod(to, f.mode);
  }
}

/** Copies the bundle into one host's backing /opt when missing or stale; true when it copied. */
export async function ensureHostBundle(fsRoot: string, src: BundleSource): Promise<boolean> {
  const dest = path.join(fsRoot, HOST_BUNDLE_DIR);
  const stamp = (await readFile(path.join(dest, STAMP), 'utf8').catch(() => '')).split('\n').filter(Boolean);
  const copied = stamp[0] !== src.hash;
  if (copied) {
    const keep = new Set(src.files.map((f) => f.rel));
    for (const rel of stamp.slice(1)) if (!keep.has(rel)) await rm(path.join(dest, rel), { force: true });
    await copyBundleFiles(src, src.files, dest);
    await writeFile(path.join(dest, STAMP), renderStamp(src), { mode: 0o644 }); // last: a torn copy is redone
  }
  await linkAnsibleTarball(dest);
  return copied;
}

/** The bundle dirs a run writes its config into (install.sh's conf/ and Kubespray's inventory). */
const CONFIG_DIRS = ['conf', path.join('k8s', 'inventory')];

/** Puts one host's config dirs back as the source has them (files a run wrote there removed). */
export async function resetHostBundleConfig(fsRoot: string, src: BundleSource): Promise<void> {
  const dest = path.join(fsRoot, HOST_BUNDLE_DIR);
  for (const dir of CONFIG_DIRS) {
    await rm(path.join(dest, dir), { recursive: true, force: true });
    await copyBundleFiles(
      src,
      src.files.filter((file) => file.rel.startsWith(`${dir}${path.sep}`)),
      dest,
    );
  }
}

/** The tarball link follows the shared folder: present when the file exists, else removed. */
async function linkAnsibleTarball(dest: string): Promise<void> {
  const link = path.join(dest, TARBALL_IN_BUNDLE);
  const target = path.join(sharedUpstreamDir, ANSIBLE_TARBALL_NAME);
  const current = await readlink(link).catch(() => undefined);
  if (!existsSync(target)) {
    if (current !== undefined) await rm(link, { force: true });
    return;
  }
  if (current === target) return;
  await rm(link, { force: true });
  await mkdir(path.dirname(link), { recursive: true, mode: 0o755 });
  await symlink(target, link);
}
