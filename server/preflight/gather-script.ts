/**
 * The one script that gathers everything a host's checks need, in one round trip:
 * `exec(['sh', '-c', GATHER_SCRIPT, 'ksw-gather', ...probeTargets])`. It is POSIX sh, read-only
 * (nothing on the host changes), prints `@@ksw:<section>` markers, and never fails as a whole: a
 * missing tool leaves its section empty and the check that needs it says so.
 *
 * Probe targets (`host:port`) are TCP connects made *from this host* (etcd peers, masters, the LB,
 * storage servers) in parallel by one bash (`/dev/tcp`), the whole batch bounded by `timeout 3`
 * (which kills its process group): a target without an answer line timed out.
 */
export const GATHER_SCRIPT = String.raw`
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:$PATH
LC_ALL=C; export LC_ALL PATH
PROBE='for t; do ( h=\${t%:*}; p=\${t##*:}
  if msg=$( { : 3<>"/dev/tcp/$h/$p"; } 2>&1 ); then echo "probe $t 0 open"; else echo "probe $t 1 \${msg##*: }"; fi ) & done; wait'
s() { printf '\n@@ksw:%s\n' "$1"; }
s os; cat /etc/os-release 2>/dev/null
s arch; uname -m
s init; if [ -d /run/systemd/system ]; then echo systemd; else cat /proc/1/comm 2>/dev/null; fi
s hostname; hostname 2>/dev/null || uname -n
s nproc; nproc 2>/dev/null || grep -c ^processor /proc/cpuinfo
s meminfo; grep -E '^(MemTotal|MemAvailable|SwapTotal):' /proc/meminfo
s swaps; cat /proc/swaps 2>/dev/null
s df; df -P -k / /var/lib 2>/dev/null
s ip; ip -o -4 addr show 2>&1
s ss; ss -ltnp 2>/dev/null || ss -ltn 2>&1
s firewall
if [ -d /run/systemd/system ]; then
  for u in firewalld ufw; do printf '%s=%s\n' "$u" "$(systemctl is-active "$u" 2>/dev/null)"; done
fi
if command -v ufw >/dev/null 2>&1; then printf 'ufw-status=%s\n' "$(ufw status 2>/dev/null | head -n1)"; fi
s python
for p in python python2 python3; do
  b=$(command -v "$p" 2>/dev/null) || { printf '%s=missing\n' "$p"; continue; }
  v=$(readlink -f "$b" 2>/dev/null); v=\${v##*/python}
  case "$v" in
    [23].[0-9]*) printf '%s=Python %s\n' "$p" "$v" ;;
    *) printf '%s=%s\n' "$p" "$("$p" --version 2>&1 | head -n1)" ;;
  esac
done
s tools
for t in sudo curl openssl socat conntrack ebtables ipset; do printf '%s=%s\n' "$t" "$(command -v "$t" 2>/dev/null || echo missing)"; done
s pkg; for m in yum apt-get; do command -v "$m" >/dev/null 2>&1 && echo "$m"; done
s leftovers
for f in /etc/kubernetes /var/lib/etcd /etc/docker/daemon.json; do
  if [ -d "$f" ]; then printf '%s=%s\n' "$f" "$(ls -A "$f" 2>/dev/null | head -n 8 | tr '\n' ' ')"; elif [ -e "$f" ]; then printf '%s=file\n' "$f"; fi
done
for f in /var/lib/yum/transaction-all*; do [ -e "$f" ] && printf 'yum-transaction=%s\n' "$f"; done
s resolv; cat /etc/resolv.conf 2>/dev/null
s probes
if [ $# -gt 0 ]; then
  if command -v bash >/dev/null 2>&1 && command -v timeout >/dev/null 2>&1; then timeout 3 bash -c "$PROBE" ksw-probe "$@" 2>&1
  else echo "probe-unavailable bash or timeout missing"; fi
fi
s end
`.replace(/\\\$/g, '$');

export const GATHER_ARGV0 = 'ksw-gather';

export function gatherArgv(probeTargets: readonly string[]): string[] {
  return ['sh', '-c', GATHER_SCRIPT, GATHER_ARGV0, ...probeTargets];
}

/**
 * etcd disk latency: 200 synchronous 2 KiB writes (etcd's WAL pattern) in a temporary directory
 * under /var/lib (where /var/lib/etcd will live; /var/tmp without root), removed on exit.
 */
export const FSYNC_SCRIPT = String.raw`
d=$(mktemp -d /var/lib/ksw-fsync.XXXXXX 2>/dev/null || mktemp -d /var/tmp/ksw-fsync.XXXXXX) || exit 1
trap 'rm -rf "$d"' EXIT
echo "dir=$d"
LC_ALL=C dd if=/dev/zero of="$d/f" bs=2k count=200 oflag=dsync 2>&1
`;
export const FSYNC_WRITES = 200;

export function fsyncArgv(): string[] {
  return ['sh', '-c', FSYNC_SCRIPT];
}
