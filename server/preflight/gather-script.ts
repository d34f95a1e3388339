/**
 * The one script that gathers everything a host's checks need, in one round trip:
 * `exec(gatherArgv(probeTargets, { fsync, ports, lb }))`, i.e.
 * `sh -c GATHER_SCRIPT ksw-gather <fsync|-> <port,port,...|-> [LB part's arguments] <host:port>...`
 * (an internal LB host's script has the LB part before the probes: lb-gather-script.ts).
 * It is POSIX sh, read-only apart from the fsync probe's temporary directory, prints
 * `@@ksw:<section>` markers, and never fails as a whole: a missing tool leaves its section empty and
 * the check that needs it says so.
 *
 * Cheap on the host: files are read with the shell's `read` (no cat/grep), `command -v` is a PATH
 * walk in the shell (no `$(...)` subshells), the python version comes from the name of the file the
 * symlink points at (`-ef` against its siblings) instead of `readlink -f`; `ss -p` (which reads every
 * process's file descriptors) only when a port the host needs is taken; only uname, df, ip (addresses
 * and routes), ss
 * (and the tools that are really needed: systemctl, ufw, ls for leftovers, the probes, dd) are forked.
 *
 * Probe targets (`host:port`) are TCP connects made *from this host* (etcd peers, masters, the LB,
 * storage servers) in parallel by one bash (`/dev/tcp`, one subshell per target), the whole batch
 * bounded by `timeout 3` (which kills its process group): an open port prints `probe <t> 0 open`, a
 * refused one bash's own error line (`…/dev/tcp/<host>/<port>: <reason>`), and a target with
 * neither timed out.
 *
 * fsync (etcd members): 200 synchronous 2 KiB writes (etcd's WAL pattern) in a temporary directory
 * under /var/lib (where /var/lib/etcd will live; /var/tmp without root), started in the background
 * at the top so it overlaps the rest of the gather, bounded by `timeout -s INT 25` (dd prints its
 * figures and fails: the gather as a whole stays within its 30 s even on a very slow disk), reported in the `fsync` section
 * (`dir=`, dd's output, `rc=<dd exit code>`), the directory removed on exit. Running it inside the
 * gather means one sudo (one PAM password check) per host instead of two.
 */
import { LB_GATHER_PART } from './lb-gather-script';

const unescape = (script: string) => script.replace(/\\\$/g, '$');

export const GATHER_SCRIPT = unescape(String.raw`
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH
LC_ALL=C; export LC_ALL PATH
NL='
'
FS=$1; PORTS=$2; shift 2
PROBE='for t; do ( h=\${t%:*}; p=\${t##*:}; exec 2>&1; : 3<>"/dev/tcp/$h/$p" && echo "probe $t 0 open" ) & done; wait'
s() { printf '\n@@ksw:%s\n' "$1"; }
# rd FILE: print the file like cat (a last line without newline gets one; sections are trimmed).
rd() { while IFS= read -r l || [ -n "$l" ]; do printf '%s\n' "$l"; done <"$1"; } 2>/dev/null
# pw NAME: like command -v for an executable on PATH, without a subshell; the path is left in $b.
pw() { b=; set -f; IFS=:; for d in $PATH; do [ -n "$d" ] && [ -f "$d/$1" ] && [ -x "$d/$1" ] && { b=$d/$1; break; }; done; IFS=" 	$NL"; set +f; [ -n "$b" ]; }
fd=; frc=
if [ "$FS" = fsync ]; then
  fd=$(mktemp -d /var/lib/ksw-fsync.XXXXXX 2>/dev/null || mktemp -d /var/tmp/ksw-fsync.XXXXXX) || { fd=; frc=1; }
  if [ -n "$fd" ]; then
    trap 'rm -rf "$fd"' EXIT
    to=; pw timeout && to="timeout -s INT 25"
    { echo "dir=$fd"; LC_ALL=C $to dd if=/dev/zero of="$fd/f" bs=2k count=200 oflag=dsync 2>&1; echo "rc=$?"; } >"$fd/out" 2>&1 &
  fi
fi
s os; rd /etc/os-release
s arch; uname -m
s init; if [ -d /run/systemd/system ]; then echo systemd; else rd /proc/1/comm; fi
s hostname; if [ -r /proc/sys/kernel/hostname ]; then rd /proc/sys/kernel/hostname; else hostname 2>/dev/null || uname -n; fi
s nproc
n=
if [ -z "$OMP_NUM_THREADS$OMP_THREAD_LIMIT" ]; then
  while IFS= read -r l; do case $l in Cpus_allowed_list:*) n=0; set -f; IFS=", 	"
    for r in \${l#*:}; do case $r in *-*) n=$((n + \${r#*-} - \${r%-*} + 1)) ;; *) n=$((n + 1)) ;; esac; done
    IFS=" 	$NL"; set +f ;; esac; done 2>/dev/null </proc/self/status
fi
if [ -n "$n" ] && [ "$n" -gt 0 ]; then echo "$n"; else nproc 2>/dev/null || grep -c ^processor /proc/cpuinfo; fi
s meminfo
while IFS= read -r l; do case $l in MemTotal:* | MemAvailable:* | SwapTotal:*) printf '%s\n' "$l" ;; esac; done 2>/dev/null </proc/meminfo
s swaps; rd /proc/swaps
s df; df -P -k / /var/lib 2>/dev/null
s ip; ip -o -4 addr show 2>&1
s route; ip -4 route show 2>&1
s ss
o=$(ss -ltn 2>&1); hit=
if [ "$PORTS" != - ]; then
  while read -r st rq sq loc rest; do case ",$PORTS," in *",\${loc##*:},"*) hit=1; break ;; esac; done <<KSW_SS
$o
KSW_SS
fi
if [ -z "$hit" ] || ! ss -ltnp 2>/dev/null; then printf '%s\n' "$o"; fi
s firewall
if [ -d /run/systemd/system ]; then
  st=$(systemctl is-active firewalld ufw 2>/dev/null)
  case $st in *"$NL"*) printf 'firewalld=%s\nufw=%s\n' "\${st%%"$NL"*}" "\${st#*"$NL"}" ;; *) printf 'firewalld=%s\nufw=\n' "$st" ;; esac
fi
if pw ufw; then st=$(ufw status 2>/dev/null); printf 'ufw-status=%s\n' "\${st%%"$NL"*}"; fi
s python
for p in python python2 python3; do
  pw "$p" || { printf '%s=missing\n' "$p"; continue; }
  v=
  if [ -h "$b" ]; then
    for c in "\${b%/*}"/python[23].[0-9]*; do [ ! -h "$c" ] && [ "$b" -ef "$c" ] && { v=\${c##*/python}; break; }; done
    [ -n "$v" ] || v=$(readlink -f "$b" 2>/dev/null)
  else v=$b; fi
  v=\${v##*/python}
  case "$v" in
    [23].[0-9]*) printf '%s=Python %s\n' "$p" "$v" ;;
    *) printf '%s=%s\n' "$p" "$("$p" --version 2>&1 | head -n1)" ;;
  esac
done
s tools
for t in sudo curl openssl socat conntrack ebtables ipset; do if pw "$t"; then printf '%s=%s\n' "$t" "$b"; else printf '%s=missing\n' "$t"; fi; done
s pkg; for m in yum apt-get; do pw "$m" && echo "$m"; done
s leftovers
for f in /etc/kubernetes /var/lib/etcd /etc/docker/daemon.json; do
  if [ -d "$f" ]; then printf '%s=%s\n' "$f" "$(ls -A "$f" 2>/dev/null | head -n 8 | tr '\n' ' ')"; elif [ -e "$f" ]; then printf '%s=file\n' "$f"; fi
done
for f in /var/lib/yum/transaction-all*; do [ -e "$f" ] && printf 'yum-transaction=%s\n' "$f"; done
s resolv; rd /etc/resolv.conf
s probes
if [ $# -gt 0 ]; then
  if pw bash && pw timeout; then timeout 3 bash -c "$PROBE" ksw-probe "$@" 2>&1
  else echo "probe-unavailable bash or timeout missing"; fi
fi
if [ "$FS" = fsync ]; then
  s fsync
  if [ -n "$fd" ]; then wait; rd "$fd/out"; else echo "rc=$frc"; fi
fi
s end
`);

/** The gather of an internal LB host: GATHER_SCRIPT with the LB part (lb-gather-script.ts) before the probes. */
const LB_GATHER_SCRIPT = GATHER_SCRIPT.replace('\ns probes\n', () => `\n${unescape(LB_GATHER_PART).trim()}\ns probes\n`);

export const GATHER_ARGV0 = 'ksw-gather';

export interface GatherOptions {
  /** Run the fsync probe (etcd members). */
  fsync?: boolean;
  /** The ports the host's roles need: only when one of them has a listener is `ss -p` run to name its process. */
  ports?: readonly number[];
  /** An internal LB host: the LB part's arguments (lbGatherArgs). */
  lb?: readonly string[];
}

export function gatherArgv(probeTargets: readonly string[], opts: GatherOptions = {}): string[] {
  const ports = opts.ports && opts.ports.length > 0 ? opts.ports.join(',') : '-';
  const head = ['sh', '-c', opts.lb ? LB_GATHER_SCRIPT : GATHER_SCRIPT, GATHER_ARGV0, opts.fsync ? 'fsync' : '-', ports];
  return [...head, ...(opts.lb ?? []), ...probeTargets];
}

/** The number of synchronous writes of the fsync probe (dd count above). */
export const FSYNC_WRITES = 200;
