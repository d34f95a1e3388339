/** `ip -o -4 addr show` and `ss -ltn[p]` output. Pure. */

export interface InterfaceAddress {
  iface: string;
  address: string;
  prefix: number;
}

/** `2: eth0    inet 10.0.0.5/24 brd 10.0.0.255 scope global eth0\       valid_lft …` */
export function parseIpAddr(text: string): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const line of text.split('\n')) {
    const m = /^\d+:\s+(\S+?)(?:@\S+)?\s+inet\s+(\d+\.\d+\.\d+\.\d+)\/(\d+)/.exec(line.trim());
    if (m) out.push({ iface: m[1], address: m[2], prefix: Number(m[3]) });
  }
  return out;
}

export interface Listener {
  /** Local address without brackets: `0.0.0.0`, `*`, `::`, `127.0.0.11`, `::ffff:10.0.0.1`. */
  address: string;
  port: number;
  /** Process name from `users:(("name",pid=1,fd=3))` when ss could see it (root only). */
  process?: string;
  pid?: number;
  line: string;
}

/**
 * `ss -ltn` with or without -p / -H: `LISTEN 0 128 0.0.0.0:22 0.0.0.0:* users:(("sshd",pid=1,fd=3))`.
 * The header line (State …) and anything unparsable are skipped.
 */
export function parseSs(text: string): Listener[] {
  const out: Listener[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const cols = line.split(/\s+/);
    if (cols.length < 4 || cols[0] !== 'LISTEN') continue;
    const local = cols[3];
    const m = /^(.*):(\d+)$/.exec(local);
    if (!m) continue;
    const address = m[1].replace(/^\[|\]$/g, '').replace(/%\S+$/, '');
    const proc = /users:\(\("([^"]+)",pid=(\d+)/.exec(line);
    out.push({ address, port: Number(m[2]), process: proc?.[1], pid: proc ? Number(proc[2]) : undefined, line });
  }
  return out;
}

/** True when a listener on this address takes the port on every address (wildcards). */
export function isWildcardAddress(address: string): boolean {
  return address === '*' || address === '0.0.0.0' || address === '::' || address === '';
}
