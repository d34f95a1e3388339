/**
 * The "Write configuration" stage on the taskbox: conf/hosts.ini, conf/vars.yml and the copies
 * install.sh makes (k8s/inventory/my_cluster/...), rendered with placeholders exactly as the
 * downloads, each written atomically.
 *
 * Invariants:
 * - before the first write, each file the bundle shipped is kept once under
 *   `<bundle>/<SHIPPED_DIR>/<same path>`; preflight reads the bundle's version from there, never
 *   from a file the wizard wrote;
 * - the bundle's shipped version is checked against the profile's before anything is written: a
 *   bundle of another version is refused here too;
 * - no secret is in any of these files (the stages pass secrets from their own secret/ dir).
 */
import { renderHostsIni } from '@/lib/installer/hosts-ini';
import { renderVarsYml } from '@/lib/installer/vars-yml';
import type { SshSession } from '../../ssh';
import { shippedPath } from '../../installer-profiles/profiles';
import type { RunContext } from '../run-context';
import { inBundle } from './layout';
import { writeRemoteFiles, type RemoteFile } from './remote-files';

/** Copies each existing target to its shipped path unless a copy is already there. */
const KEEP_SHIPPED = `b=$1; shift
for pair in "$@"; do
  dst="$b/\${pair%%:*}" src="$b/\${pair#*:}"
  if [ -f "$src" ] && [ ! -e "$dst" ]; then mkdir -p "\${dst%/*}" && cp -p "$src" "$dst" || exit 1; fi
done`;

/** The version line `key: value` of `file` on the taskbox (shipped copy first). */
const READ_VERSION = `b=$1 shipped=$2 file=$3 key=$4
f="$b/$shipped"; [ -f "$f" ] || f="$b/$file"
[ -f "$f" ] || { echo "missing $file"; exit 0; }
sed -n "s/^$key:[[:space:]]*['\\"]\\{0,1\\}\\([^'\\" #]*\\).*/\\1/p" "$f" | head -n 1`;

export async function writeConfigOnTaskbox(session: SshSession, ctx: Pick<RunContext, 'profile' | 'config' | 'bundle'>): Promise<string[]> {
  const { profile, bundle, config } = ctx;
  const notes: string[] = [];
  const exists = await session.exec(['test', '-d', inBundle(bundle, profile.taskbox.playbookCwd)], { sudo: true });
  if (exists.exitCode !== 0)
    throw new Error(
      `there is no ${profile.layout.name} bundle at ${bundle} on the taskbox ${session.name} (no ${profile.taskbox.playbookCwd}/ folder): ${profile.layout.howToGet}, or set the path in the installer settings`,
    );
  if (profile.version) {
    const v = profile.version;
    const r = await session.execOk(['sh', '-c', READ_VERSION, 'sh', bundle, shippedPath(v.file), v.file, v.key], { sudo: true });
    const found = r.stdout.trim();
    if (found !== v.expected) {
      throw new Error(
        `the bundle at ${bundle} on ${session.name} is not ${profile.layout.name}: its ${v.file} (as shipped) says ${v.key}: ${found || '(none)'}, expected ${v.expected}. Unpack the right bundle there or choose its installer profile.`,
      );
    }
    notes.push(`bundle version ${found} (${v.file} as shipped)`);
  }
  const pairs = profile.configFiles.map((f) => `${shippedPath(f.path)}:${f.path}`);
  await session.execOk(['sh', '-c', KEEP_SHIPPED, 'sh', bundle, ...pairs], { sudo: true });
  const files: RemoteFile[] = profile.configFiles.map((f) => ({
    path: inBundle(bundle, f.path),
    content: f.content === 'hosts.ini' ? renderHostsIni(config, { secrets: 'placeholder' }) : renderVarsYml(config, { secrets: 'placeholder' }),
    mode: 0o644,
  }));
  await writeRemoteFiles(session, files);
  for (const f of profile.configFiles) notes.push(`wrote ${f.path}`);
  return notes;
}
