/**
 * What preflight looks at on the taskbox, in one exec: `exec(taskboxArgv(spec))`, i.e.
 * `sh -c TASKBOX_SCRIPT ksw-taskbox <bundle> <version file> <shipped copy> <version key>
 * <bootstrap script> <PATH> <ansible command> <python commands> <d:dir|f:file>...` ('-' = not asked).
 * Every path and name travels as an argument (quoted by the SSH layer), never inside the script.
 *
 * POSIX sh, read-only, prints `@@ksw:tb-<section>` markers and never fails as a whole:
 * - tb-user: who looked (root under sudo; readability is judged as that user);
 * - tb-root / tb-entries: the bundle folder and (when it is ok) each layout entry: ok | missing |
 *   wrong-kind | unreadable;
 * - tb-version: the version key's line (`from=shipped` when the shipped copy write-config keeps
 *   exists, else `from=bundle`, the file itself; `line=`, `text=`), read with the shell's `read`;
 * - tb-bootstrap: the bootstrap script's state;
 * - tb-df: `df -Pk` of `<bundle>/logs` (the bundle itself while logs/ does not exist);
 * - tb-ansible: with PATH = the profile's taskbox PATH only (what the stages will find) and LC_ALL=C.UTF-8
 *   (ansible-core exits at start under a non-UTF-8 locale), the command's path, `--version` output
 *   and exit code (run from /, so no ansible.cfg is picked up);
 * - tb-python: each command the bootstrap could use: `<command>=<path><TAB><--version>` or `=missing`.
 * Programs run under `timeout` when it exists (an Ansible that hangs on import must not hold the check).
 */
import type { BundleEntryKind } from './parse/taskbox';

export const TASKBOX_SCRIPT = String.raw`
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH
LC_ALL=C; export LC_ALL PATH
NL='
'
B=$1; VF=$2; VS=$3; VK=$4; BS=$5; TP=$6; AP=$7; PY=$8; shift 8
s() { printf '\n@@ksw:%s\n' "$1"; }
pw() { b=; set -f; IFS=:; for d in $PATH; do [ -n "$d" ] && [ -f "$d/$1" ] && [ -x "$d/$1" ] && { b=$d/$1; break; }; done; IFS=" 	$NL"; set +f; [ -n "$b" ]; }
# st d|f PATH: the state in $r
st() {
  if [ ! -e "$2" ]; then r=missing
  elif [ "$1" = d ]; then if [ ! -d "$2" ]; then r=wrong-kind; elif [ -r "$2" ] && [ -x "$2" ]; then r=ok; else r=unreadable; fi
  elif [ ! -f "$2" ]; then r=wrong-kind; elif [ -r "$2" ]; then r=ok; else r=unreadable; fi
}
to5=; to20=; if pw timeout; then to5="$b 5"; to20="$b 20"; fi
s tb-user; id -un 2>/dev/null || id -u
if [ "$B" != - ]; then
  s tb-root; st d "$B"; echo "$r"
fi
if [ "$B" != - ] && [ "$r" = ok ]; then
  s tb-entries
  for e; do st "\${e%%:*}" "$B/\${e#*:}"; printf '%s %s\n' "$r" "$e"; done
  if [ "$VF" != - ]; then
    s tb-version
    f=$B/$VS; from=shipped
    [ -f "$f" ] || { f=$B/$VF; from=bundle; }
    echo "from=$from"
    if [ -f "$f" ] && [ -r "$f" ]; then
      n=0
      while IFS= read -r l || [ -n "$l" ]; do
        n=$((n + 1))
        case $l in "$VK:"* | "$VK :"*) printf 'line=%s\ntext=%s\n' "$n" "$l"; break ;; esac
        [ "$n" -lt 20000 ] || break
      done <"$f"
    elif [ -e "$f" ]; then echo state=unreadable
    fi
  fi
  if [ "$BS" != - ]; then s tb-bootstrap; st f "$B/$BS"; echo "$r"; fi
  s tb-df
  d=$B/logs; [ -d "$d" ] || d=$B
  echo "dir=$d"; df -Pk "$d" 2>&1
fi
# Ansible and Python as the stages will run them: the profile's PATH, a UTF-8 locale (ansible-core refuses C)
LC_ALL=C.UTF-8; PATH=$TP
if [ "$AP" != - ]; then
  s tb-ansible
  if pw "$AP"; then
    echo "path=$b"
    o=$(cd / && $to20 "$b" --version 2>&1); echo "rc=$?"; printf '%s\n' "$o"
  else echo missing; fi
fi
if [ "$PY" != - ]; then
  s tb-python
  set -f; IFS=$NL
  for c in $PY; do
    IFS=" 	$NL"; set +f
    case $c in */*) b=; [ -f "$c" ] && [ -x "$c" ] && b=$c ;; *) pw "$c" ;; esac
    if [ -n "$b" ]; then v=$($to5 "$b" --version 2>&1); printf '%s=%s\t%s\n' "$c" "$b" "\${v%%"$NL"*}"; else printf '%s=missing\n' "$c"; fi
  done
  IFS=" 	$NL"; set +f
fi
s tb-end
`.replace(/\\\$/g, '$');

export const TASKBOX_ARGV0 = 'ksw-taskbox';

/** What to look for on the taskbox (built from the install's profile: taskbox-spec.ts). */
export interface TaskboxProbeSpec {
  /** Absolute bundle path; undefined: no usable path, only the programs are looked at. */
  bundle?: string;
  entries: readonly { path: string; kind: BundleEntryKind }[];
  /** Bundle-relative version file, its shipped copy and the top-level key that states the version. */
  version?: { file: string; shippedFile: string; key: string };
  /** Bundle-relative bootstrap script. */
  bootstrapScript?: string;
  /** PATH entries the stages use. */
  path: readonly string[];
  /** The Ansible command to ask `--version`; undefined: not asked. */
  ansibleProbe?: string;
  python: readonly string[];
}

const orDash = (v: string | undefined) => (v === undefined || v === '' ? '-' : v);

export function taskboxArgv(spec: TaskboxProbeSpec): string[] {
  const bundle = spec.bundle;
  return [
    'sh',
    '-c',
    TASKBOX_SCRIPT,
    TASKBOX_ARGV0,
    orDash(bundle),
    orDash(spec.version?.file),
    orDash(spec.version?.shippedFile),
    orDash(spec.version?.key),
    orDash(spec.bootstrapScript),
    spec.path.join(':'),
    orDash(spec.ansibleProbe),
    orDash(spec.python.join('\n')),
    ...(bundle === undefined ? [] : spec.entries.map((e) => `${e.kind === 'dir' ? 'd' : 'f'}:${e.path}`)),
  ];
}
