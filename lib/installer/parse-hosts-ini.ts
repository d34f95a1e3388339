/**
 * Reads a hosts.ini into a neutral inventory (hosts with their variables, groups with members),
 * the way Ansible's INI plugin reads it: `#`/`;` comment lines, `[group]` / `[group:children]`
 * sections, shlex host lines (ini-token.ts), values decoded like `ast.literal_eval` strings.
 *
 * Invariants:
 * - Every finding carries the 1-based line it comes from; nothing throws on bad input.
 * - Host variables are kept only from `[all]` lines (the installer's layout); variables on other
 *   group lines are reported and ignored.
 * - A host named in a group but absent from `[all]`, and a duplicate `[all]` line, are errors.
 * - Linear in the size of the file: duplicates are found through maps, never by searching lists.
 */
import { IniSyntaxError, iniValue, splitIniLine } from './ini-token';
import type { Report } from './import-problem';

export interface InventoryVar {
  value: string;
  line: number;
}

export interface InventoryHost {
  name: string;
  line: number;
  vars: Map<string, InventoryVar>;
}

export interface Inventory {
  hosts: InventoryHost[];
  /** Host groups (`kube-master`, `kube-node`, `etcd`, …) → member names, in file order. */
  groups: Map<string, string[]>;
  /** `[x:children]` sections → child group names. */
  children: Map<string, string[]>;
}

export const HOST_GROUPS = ['kube-master', 'kube-node', 'etcd'] as const;
const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;

type Section = { kind: 'none' } | { kind: 'all' } | { kind: 'hosts'; group: string } | { kind: 'children'; group: string } | { kind: 'skip' };

function sectionFor(name: string, tag: string | undefined, line: number, report: Report): Section {
  if (tag === 'vars') {
    report(line, 'warning', `[${name}:vars] group variables are not supported by the wizard; the section is ignored`);
    return { kind: 'skip' };
  }
  if (tag === 'children') return { kind: 'children', group: name };
  if (tag !== undefined) {
    report(line, 'error', `[${name}:${tag}]: unknown section type "${tag}"`);
    return { kind: 'skip' };
  }
  if (name === 'all') return { kind: 'all' };
  if ((HOST_GROUPS as readonly string[]).includes(name)) return { kind: 'hosts', group: name };
  if (name === 'local-registry') {
    report(line, 'warning', '[local-registry] belongs to the offline bundle, which the wizard does not drive; the section is ignored');
  } else {
    report(line, 'warning', `unknown group [${name}] is ignored`);
  }
  return { kind: 'skip' };
}

function tokensOf(text: string, line: number, report: Report): string[] | undefined {
  try {
    return splitIniLine(text).map((t) => t.text);
  } catch (e) {
    const why = e instanceof IniSyntaxError ? e.message : 'unreadable line';
    report(line, 'error', `cannot read the line: ${why}`);
    return undefined;
  }
}

function parseHostLine(tokens: string[], line: number, report: Report): InventoryHost | undefined {
  const [name, ...assignments] = tokens;
  if (name === undefined) return undefined;
  if (/[[\]:]/.test(name)) {
    report(line, 'error', `host "${name}": ranges ([a:b]) and ports in the name are not supported; write one line per host and use ansible_port`);
    return undefined;
  }
  const vars = new Map<string, InventoryVar>();
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq <= 0) {
      report(line, 'error', `host ${name}: expected key=value, got "${assignment}"`);
      continue;
    }
    const key = assignment.slice(0, eq);
    if (vars.has(key)) report(line, 'warning', `host ${name}: ${key} is given twice; the last one counts`);
    vars.set(key, { value: iniValue(assignment.slice(eq + 1)), line });
  }
  return { name, line, vars };
}

export function parseHostsIni(text: string, report: Report): Inventory {
  const inventory: Inventory = { hosts: [], groups: new Map(), children: new Map() };
  const memberLines = new Map<string, { group: string; line: number }[]>();
  const hostByName = new Map<string, InventoryHost>();
  const membersOf = new Map<string, Set<string>>();
  let section: Section = { kind: 'none' };
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const line = index + 1;
    const stripped = raw.trim();
    if (stripped === '' || stripped.startsWith('#') || stripped.startsWith(';')) return;
    const header = SECTION.exec(stripped);
    if (header) {
      const [, name = '', tag] = header;
      section = sectionFor(name, tag, line, report);
      if (section.kind === 'hosts' && !inventory.groups.has(section.group)) inventory.groups.set(section.group, []);
      if (section.kind === 'children' && !inventory.children.has(section.group)) inventory.children.set(section.group, []);
      return;
    }
    if (stripped.startsWith('[')) {
      report(line, 'error', `invalid section header "${stripped}"`);
      section = { kind: 'skip' };
      return;
    }
    if (section.kind === 'skip') return;
    const tokens = tokensOf(stripped, line, report);
    if (tokens === undefined || tokens.length === 0) return;
    switch (section.kind) {
      case 'none':
        report(line, 'warning', 'host line before any [group] header is ignored');
        return;
      case 'all': {
        const host = parseHostLine(tokens, line, report);
        if (!host) return;
        const earlier = hostByName.get(host.name);
        if (earlier) {
          report(line, 'error', `host ${host.name} is defined twice in [all] (first on line ${earlier.line})`);
          return;
        }
        hostByName.set(host.name, host);
        inventory.hosts.push(host);
        return;
      }
      case 'hosts': {
        const [name, ...rest] = tokens;
        if (name === undefined) return;
        if (rest.length > 0) report(line, 'warning', `host ${name}: variables outside [all] are ignored`);
        const members = inventory.groups.get(section.group) ?? [];
        const listed = membersOf.get(section.group) ?? new Set<string>();
        if (listed.has(name)) {
          report(line, 'warning', `host ${name} is listed twice in [${section.group}]`);
          return;
        }
        members.push(name);
        listed.add(name);
        inventory.groups.set(section.group, members);
        membersOf.set(section.group, listed);
        const places = memberLines.get(name) ?? [];
        places.push({ group: section.group, line });
        memberLines.set(name, places);
        return;
      }
      case 'children': {
        const [child, ...rest] = tokens;
        if (child === undefined) return;
        if (rest.length > 0) report(line, 'error', `[${section.group}:children]: expected one group name per line`);
        inventory.children.get(section.group)?.push(child);
        return;
      }
    }
  });
  for (const [name, places] of memberLines) {
    if (hostByName.has(name)) continue;
    for (const place of places) report(place.line, 'error', `host ${name} is in [${place.group}] but not defined in [all]`);
  }
  return inventory;
}
