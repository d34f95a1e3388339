/**
 * What to look for on the taskbox, from the install's profile (data in server/installer-profiles/profiles.ts)
 * and the bundle path: the layout entries (folders, playbooks, the version file, each once), the
 * version file's shipped copy, the bootstrap script, and the programs the stages will use. Pure.
 */
import path from 'node:path';
import { shippedPath, type InstallerProfile } from '../installer-profiles/profiles';
import type { BundleEntryKind } from './parse/taskbox';
import type { TaskboxProbeSpec } from './taskbox-script';

/** The bootstrap's script, bundle-relative (argv[0] is its interpreter, argv[1] the script relative to cwd). */
export function bootstrapScriptOf(profile: InstallerProfile): string | undefined {
  const b = profile.taskbox.bootstrap;
  const script = b?.argv[1];
  return b && script ? path.posix.join(b.cwd, script) : undefined;
}

export function bundleEntriesOf(profile: InstallerProfile): { path: string; kind: BundleEntryKind }[] {
  const wanted = [
    ...profile.layout.dirs.map((p) => ({ path: p, kind: 'dir' as const })),
    ...profile.layout.files.map((p) => ({ path: p, kind: 'file' as const })),
    ...(profile.version ? [{ path: profile.version.file, kind: 'file' as const }] : []),
  ];
  return wanted.filter((e, i) => wanted.findIndex((x) => x.path === e.path) === i);
}

/**
 * `bundle`: the absolute path on the taskbox (undefined: none usable). `bundleOnly`: the bundle and
 * its version, without the programs (the install gate's look).
 */
export function taskboxProbeSpec(profile: InstallerProfile, bundle: string | undefined, opts: { bundleOnly?: boolean } = {}): TaskboxProbeSpec {
  const tools = profile.taskbox;
  const v = profile.version;
  return {
    ...(bundle === undefined ? {} : { bundle }),
    entries: bundleEntriesOf(profile),
    ...(v ? { version: { file: v.file, shippedFile: shippedPath(v.file), key: v.key } } : {}),
    ...(opts.bundleOnly ? {} : { bootstrapScript: bootstrapScriptOf(profile), ansibleProbe: tools.ansibleProbe }),
    path: tools.path,
    python: opts.bundleOnly || !tools.bootstrap ? [] : tools.bootstrapPython,
  };
}
