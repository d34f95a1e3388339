/**
 * The internal load balancer's part of an LB host's gather (gather-script.ts inserts it before the
 * probes, run-host-checks.ts passes its arguments): under the gather's one sudo, read-only apart
 * from the probes' packets, each step bounded in time.
 *
 * Arguments (shifted off before the probes): VIP, VRRP interface ('-' = the one that
 * holds the LB host's IP), the LB host's IP, the other LB hosts' IPs (comma-separated, '-' = none),
 * the VRRP probe's window in seconds. Sections:
 * - `lb-iface`: `iface=<name>` (empty: no interface holds the IP);
 * - `lb-link`: `ip -o link show` (the MACs, to tell an ARP answer of an LB host from a stranger's);
 * - `lb-arp`: an ARP request for the VIP on the VRRP interface, from the LB host's IP (Python raw
 *   AF_PACKET socket: `arp-reply <mac>`… or `arp-none`; else iputils arping's output; else
 *   `ping` then `ip neigh` for the VIP);
 * - `lb-vrrp`: IP protocol 112 packets to every other LB host every 100 ms while listening on a raw
 *   socket for theirs (`heard <ip> probe|vrrp`, `missed <ip>`, `send-error <ip> <why>`,
 *   `vrrp-start`/`vrrp-end` epoch seconds). Each packet says which peers this host heard, so both
 *   ends stop as soon as each heard the other; a blocked direction runs the whole window. The
 *   probes come first, so the LB hosts' windows start together (the hosts are gathered in parallel);
 * - `lb-pkg`: per daemon `installed <path>` | `candidate <version or (none)>` (apt-cache policy) |
 *   `available` / `unavailable <tool> 1` (dnf/yum info, 8 s at most each) | `unknown <why>`;
 * - `lb-haproxy-cfg`: the first line of /etc/haproxy/haproxy.cfg (ks-wizard's marks its own).
 * Python is 2.6+ and 3 alike (the bundle's hosts may have either).
 */

/** How long the VRRP probe listens at most, seconds (a blocked direction costs this much). */
export const VRRP_PROBE_WINDOW_S = 8;

const ARP_PY = String.raw`
import select, socket, struct, sys, time
iface, me, vip = sys.argv[1:4]
try:
    s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0806))
    s.bind((iface, 0x0806))
    mac = s.getsockname()[4]
    tip = socket.inet_aton(vip)
    req = b"\xff" * 6 + mac + b"\x08\x06" + struct.pack("!HHBBH", 1, 0x0800, 6, 4, 1) + mac + socket.inet_aton(me) + b"\x00" * 6 + tip
except Exception as e:
    print("arp-error %s" % e)
    sys.exit(0)
seen = {}
sent = 0
nxt = 0
end = time.time() + 1.5
while time.time() < end:
    now = time.time()
    if sent < 3 and now >= nxt:
        s.send(req)
        sent += 1
        nxt = now + 0.3
    if not select.select([s], [], [], 0.05)[0]:
        continue
    f = s.recv(128)
    if len(f) >= 42 and f[12:14] == b"\x08\x06" and struct.unpack("!H", f[20:22])[0] == 2 and f[28:32] == tip:
        seen[":".join(["%02x" % c for c in bytearray(f[22:28])])] = 1
print("method=python sent=%d from=%s iface=%s" % (sent, me, iface))
for m in sorted(seen):
    print("arp-reply %s" % m)
if not seen:
    print("arp-none")
`;

const VRRP_PY = String.raw`
import select, socket, sys, time
me = sys.argv[1]
peers = [p for p in sys.argv[2].split(",") if p and p != "-"]
window = float(sys.argv[3])
try:
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, 112)
except Exception as e:
    print("vrrp-error %s" % e)
    sys.exit(0)
t0 = time.time()
print("vrrp-start %.3f" % t0)
heard = {}
acked = {}
errs = {}
nxt = 0
while True:
    now = time.time()
    done = len(heard) == len(peers) and len(acked) == len(peers)
    if now >= nxt or done:
        msg = ("KSWVRRP1 %s %s" % (me, ",".join(sorted(heard)) or "-")).encode("ascii")
        for p in peers:
            try:
                s.sendto(msg, (p, 0))
            except Exception as e:
                errs[p] = str(e)
        nxt = now + 0.1
    if done or now >= t0 + window:
        break
    if not select.select([s], [], [], max(0.0, min(0.1, t0 + window - now)))[0]:
        continue
    d, a = s.recvfrom(2048)
    body = d[(bytearray(d[:1])[0] & 15) * 4:]
    if body[:9] == b"KSWVRRP1 ":
        f = body.decode("ascii", "replace").split(" ")
        if len(f) >= 3 and f[1] in peers:
            heard[f[1]] = "probe"
            if me in f[2].split(","):
                acked[f[1]] = 1
    elif a[0] in peers and a[0] not in heard:
        heard[a[0]] = "vrrp"
print("vrrp-end %.3f" % time.time())
for p in peers:
    print(("heard %s %s" % (p, heard[p])) if p in heard else ("missed %s" % p))
for p in sorted(errs):
    print("send-error %s %s" % (p, errs[p]))
`;

/** The shell part (POSIX sh, uses the gather's `s`, `pw`, `rd` and `$b`). */
export const LB_GATHER_PART = String.raw`
LBV=$1; LIF=$2; LME=$3; LPEERS=$4; LWIN=$5; shift 5
s lb-iface
if [ "$LIF" = - ]; then
  LIF=
  o=$(ip -o -4 addr show 2>/dev/null)
  while read -r n i f a rest; do case $a in "$LME"/*) LIF=\${i%%@*}; break ;; esac; done <<KSW_IP
$o
KSW_IP
fi
echo "iface=$LIF"
s lb-link; ip -o link show 2>&1
py=; for p in python3 python python2; do pw "$p" && { py=$b; break; }; done
to=; pw timeout && to="timeout 5"
s lb-arp
if [ -z "$LIF" ]; then echo "arp-skipped no interface holds $LME"
elif [ -n "$py" ]; then $to "$py" - "$LIF" "$LME" "$LBV" 2>&1 <<'KSW_PY'
${ARP_PY}
KSW_PY
elif pw arping; then echo method=arping; $to arping -c 2 -w 2 -I "$LIF" "$LBV" 2>&1
else echo method=neigh; ping -c 1 -W 1 "$LBV" >/dev/null 2>&1; ip neigh show "$LBV" dev "$LIF" 2>&1; fi
s lb-vrrp
if [ "$LPEERS" = - ]; then echo "vrrp-skipped no other LB host"
elif [ -z "$py" ]; then echo "vrrp-error no python on the host"
else to=; pw timeout && to="timeout $((LWIN + 3))"; $to "$py" - "$LME" "$LPEERS" "$LWIN" 2>&1 <<'KSW_PY'
${VRRP_PY}
KSW_PY
fi
s lb-pkg
to=; pw timeout && to="timeout 8"
for dm in haproxy keepalived; do
  if pw "$dm"; then printf '%s=installed %s\n' "$dm" "$b"
  elif pw apt-cache; then
    v=; while read -r k v2 rest; do [ "$k" = Candidate: ] && { v=$v2; break; }; done <<KSW_APT
$(apt-cache policy "$dm" 2>/dev/null)
KSW_APT
    printf '%s=candidate %s\n' "$dm" "\${v:-(none)}"
  elif pw dnf || pw yum; then
    $to "$b" -q info "$dm" >/dev/null 2>&1; rc=$?
    case $rc in 0) printf '%s=available\n' "$dm" ;; 1) printf '%s=unavailable %s 1\n' "$dm" "\${b##*/}" ;; 124) printf '%s=unknown %s info took over 8 s\n' "$dm" "\${b##*/}" ;; *) printf '%s=unknown %s info exited with %s\n' "$dm" "\${b##*/}" "$rc" ;; esac
  else printf '%s=unknown no apt-cache, dnf or yum\n' "$dm"; fi
done
s lb-haproxy-cfg
if [ -r /etc/haproxy/haproxy.cfg ]; then IFS= read -r l </etc/haproxy/haproxy.cfg; printf '%s\n' "$l"; fi
`;

export interface LbGatherSpec {
  vip: string;
  /** '' = the interface that holds `ip`. */
  vrrpInterface: string;
  ip: string;
  peers: readonly string[];
}

/** The LB part's positional arguments, in its order. */
export function lbGatherArgs(spec: LbGatherSpec, windowS = VRRP_PROBE_WINDOW_S): string[] {
  return [spec.vip, spec.vrrpInterface || '-', spec.ip, spec.peers.length > 0 ? spec.peers.join(',') : '-', String(windowS)];
}
