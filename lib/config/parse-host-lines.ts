/**
 * The Hosts step's bulk paste (app/installs/[id]/_components/bulk-paste-modal.tsx): one host per
 * line, `name address [internal-ip]`, columns separated by spaces or tabs. Pure.
 *
 * Blank lines and `#` comments (whole lines or the rest of a line) are skipped. Every other line
 * becomes a host (defaultHost: port 22, root; credentials and roles are set afterwards, the
 * internal IP defaults to the address) or ONE problem with its 1-based line number listing what is
 * wrong: the column count, a name, SSH address or internal IP the host rules would refuse (the same
 * predicates, ./net.ts), or a name or internal IP already taken by an existing host or an earlier
 * line. A line with a problem adds nothing, so the operator can fix it and paste it again.
 */
import { defaultHost } from './defaults';
import { isHostnameOrIPv4, isIPv4, isRfc1123Hostname } from './net';
import type { Host } from './schema';

export interface HostLineProblem {
  /** 1-based line number in the pasted text. */
  line: number;
  message: string;
}

export interface ParsedHostLines {
  hosts: Host[];
  problems: HostLineProblem[];
}

const FORMAT = '"name address [internal-ip]"';

function nameProblem(name: string): string | undefined {
  if (isRfc1123Hostname(name)) return undefined;
  const lower = name.toLowerCase();
  const hint = lower !== name && isRfc1123Hostname(lower) ? ` (use "${lower}")` : '';
  return `"${name}" is not a valid host name: use lower-case letters, digits, '-' and '.'${hint}`;
}

export function parseHostLines(text: string, existing: readonly Host[]): ParsedHostLines {
  const hosts: Host[] = [];
  const problems: HostLineProblem[] = [];
  /** name / internal IP -> who has it: an existing host, or the line that added it */
  const names = new Map<string, string>(existing.map((h) => [h.name, 'an existing host']));
  const ips = new Map<string, string>(existing.filter((h) => h.ip !== '').map((h) => [h.ip, `existing host ${h.name}`]));

  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (!line) return;
    const lineNo = i + 1;
    const parts = line.split(/\s+/);
    const [name = '', address = '', ipColumn] = parts;
    if (parts.length < 2) {
      problems.push({ line: lineNo, message: `expected ${FORMAT}, got "${line}"` });
      return;
    }
    if (parts.length > 3) {
      problems.push({ line: lineNo, message: `${parts.length} columns, expected at most 3: ${FORMAT}, got "${line}"` });
      return;
    }

    const ip = ipColumn ?? address;
    const found: string[] = [];
    const badName = nameProblem(name);
    if (badName) found.push(badName);
    else if (names.has(name)) found.push(`a host named "${name}" already exists (${names.get(name)})`);
    if (!isHostnameOrIPv4(address)) found.push(`SSH address "${address}" is neither an IPv4 address nor a DNS name`);
    if (ipColumn === undefined && !isIPv4(address)) {
      if (isHostnameOrIPv4(address)) found.push(`"${address}" is a DNS name: add the host's internal IPv4 address as a third column`);
    } else if (!isIPv4(ip)) {
      found.push(`internal IP "${ip}" is not an IPv4 address (e.g. 192.168.0.4)`);
    } else if (ips.has(ip)) {
      found.push(`internal IP ${ip} is already used (${ips.get(ip)})`);
    }
    if (found.length > 0) {
      problems.push({ line: lineNo, message: found.join('; ') });
      return;
    }
    names.set(name, `line ${lineNo}`);
    ips.set(ip, `line ${lineNo}, ${name}`);
    hosts.push(defaultHost({ name, address, ip }));
  });
  return { hosts, problems };
}
