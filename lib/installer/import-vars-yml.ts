/**
 * vars.yml → the vars part of the config (storage, QingCloud, network, LB, options), on top of a
 * starting config.
 *
 * Invariants:
 * - Parsed with the `yaml` library as YAML 1.1 (what Ansible's PyYAML sees); every problem carries
 *   the line of the offending key or value; nothing throws on bad input.
 * - Both the 2.0.x and the 2.1 key names are accepted (the field catalogue, lib/config/fields/);
 *   a 2.1 name is reported as a warning, since the wizard writes the 2.0.2 name back.
 * - The installer's placeholders map back to empty values / unset secrets, the exact inverse of
 *   vars-yml.ts, so render → import → render is the identity.
 * - A value of the wrong type is an error and leaves the starting value in place.
 * - A key written twice in a map the wizard reads is an error at its second line. The yaml library's
 *   own check (`uniqueKeys`) compares every key with every other one, so it is off; this module
 *   finds repeats through a map, in time linear in the file.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { DEFAULT_LB_DOMAIN } from '../config/defaults';
import { readSecret, writePath } from '../config/fields/access';
import { keyIndex, keyOf, VARS_LINES } from '../config/fields/catalogue';
import { isFieldEntry, LOAD_BALANCER_KEYS, type VarsLine } from '../config/fields/layout';
import { CONSTANT_KEYS, KNOWN_UNMODELLED_KEYS, TARGET_CONSTANTS } from '../config/fields/targets';
import { VARS_TARGETS, type FieldEntry, type SecretEntry, type VarsTarget } from '../config/fields/types';
import type { InstallConfig } from '../config/schema';
import { unsetSecret, type Secret } from '../config/secret';
import type { Report } from './import-problem';
import { DOC_PASSWORD, MASK, SHOULD_BE_REPLACED } from './placeholders';

/** The scalar as text: strings as is, numbers as written (e.g. imageFormat `1`); else undefined. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number') return node.source ?? String(node.value);
  if (node.value === null) return '';
  return undefined;
}

interface Context {
  config: InstallConfig;
  base: InstallConfig | undefined;
  report: Report;
  lineOf(node: Node | null | undefined, fallback: number): number;
}

function applySecret(ctx: Context, entry: SecretEntry, key: string, text: string, line: number): void {
  const set = (secret: Secret) => writePath(ctx.config, entry.path, secret);
  const placeholders = [MASK, DOC_PASSWORD, SHOULD_BE_REPLACED, entry.emptyToken, ...(entry.samples ?? [])];
  if (text !== '' && !placeholders.includes(text)) {
    set({ set: true, value: text });
    return;
  }
  const stored: Secret | undefined = ctx.base ? readSecret(ctx.base, entry.path) : undefined;
  if (stored?.set) {
    set(stored);
    ctx.report(line, 'warning', `${key} is a placeholder in the file; the stored secret is kept`);
    return;
  }
  set(unsetSecret());
  ctx.report(line, 'warning', `${key} is a placeholder${text === '' ? '' : ` ("${text}")`}; enter the secret in the wizard if it is needed`);
}

function applyField(ctx: Context, entry: FieldEntry, key: string, value: unknown, line: number): void {
  const set = (v: unknown) => writePath(ctx.config, entry.path, v);
  const wrong = (expected: string) => ctx.report(line, 'error', `${key}: expected ${expected}`);
  switch (entry.kind) {
    case 'bool':
      if (isScalar(value) && typeof value.value === 'boolean') set(value.value);
      else wrong('true or false');
      return;
    case 'int':
      if (isScalar(value) && typeof value.value === 'number' && Number.isInteger(value.value)) set(value.value);
      else wrong('a whole number');
      return;
    case 'string': {
      const text = scalarText(value);
      if (text === undefined) return wrong('a text value');
      set(text === entry.emptyToken ? '' : text);
      return;
    }
    case 'enum': {
      const text = scalarText(value);
      if (text === undefined || !entry.options.includes(text)) wrong(`one of ${entry.options.join(', ')}`);
      else set(text);
      return;
    }
    case 'secret': {
      const text = scalarText(value);
      if (text === undefined) return wrong('a text value');
      applySecret(ctx, entry, key, text, line);
      return;
    }
    case 'list': {
      if (isScalar(value) && value.value === null) {
        set([]);
        return;
      }
      if (!isSeq(value)) return wrong('a list (one "  - item" per line)');
      const items: string[] = [];
      for (const item of value.items) {
        const text = scalarText(item);
        if (text === undefined)
          ctx.report(ctx.lineOf(isScalar(item) || isMap(item) || isSeq(item) ? item : null, line), 'error', `${key}: list items must be text values`);
        else if (text !== entry.emptyItem) items.push(text);
      }
      set(items);
      return;
    }
  }
}

/** `loadbalancer_apiserver: {address, port}` → an external LB (domain applied later). */
function applyLoadBalancer(ctx: Context, key: string, value: unknown, line: number): { address: string; port: number } | undefined {
  if (isScalar(value) && value.value === null) return undefined;
  if (!isMap(value)) {
    ctx.report(line, 'error', `${key}: expected "address" and "port" indented by two spaces below it`);
    return undefined;
  }
  let address: string | undefined;
  let port: number | undefined;
  const subKeys = new Set<string>();
  for (const pair of value.items) {
    const sub = scalarText(pair.key);
    const subLine = ctx.lineOf(isScalar(pair.key) ? pair.key : null, line);
    if (sub !== undefined && subKeys.has(sub)) {
      ctx.report(subLine, 'error', `YAML: ${key}.${sub} is set twice; keys must be unique`);
      continue;
    }
    if (sub !== undefined) subKeys.add(sub);
    if (sub === 'address') {
      address = scalarText(pair.value);
      if (address === undefined) ctx.report(subLine, 'error', `${key}.address: expected an IP address`);
    } else if (sub === 'port') {
      const v = pair.value;
      if (isScalar(v) && typeof v.value === 'number' && Number.isInteger(v.value)) port = v.value;
      else ctx.report(subLine, 'error', `${key}.port: expected a whole number`);
    } else {
      ctx.report(subLine, 'warning', `${key}.${sub ?? '?'} is unknown and ignored`);
    }
  }
  if (address === undefined || port === undefined) {
    ctx.report(line, 'error', `${key} needs both address and port`);
    return undefined;
  }
  return { address, port };
}

type LoadBalancerKey = 'domain' | 'apiserver';

/** The load balancer's key names, every version's, → which of the two it is. */
function loadBalancerKeyIndex(): ReadonlyMap<string, { which: LoadBalancerKey; targets: VarsTarget[] }> {
  const index = new Map<string, { which: LoadBalancerKey; targets: VarsTarget[] }>();
  for (const which of ['domain', 'apiserver'] as const) {
    for (const target of VARS_TARGETS) {
      const key = keyOf(LOAD_BALANCER_KEYS[which], target);
      const found = index.get(key);
      if (found) found.targets.push(target);
      else index.set(key, { which, targets: [target] });
    }
  }
  return index;
}

/** `lines` is the catalogue (a test passes it with an entry added). */
export function importVarsYml(
  text: string,
  config: InstallConfig,
  base: InstallConfig | undefined,
  report: Report,
  lines: readonly VarsLine[] = VARS_LINES,
): void {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', lineCounter, uniqueKeys: false, prettyErrors: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  for (const error of doc.errors) report(error.linePos?.[0].line ?? lineAt(error.pos[0]), 'error', `YAML: ${error.message.split('\n')[0] ?? error.code}`);
  for (const warning of doc.warnings)
    report(warning.linePos?.[0].line ?? lineAt(warning.pos[0]), 'warning', `YAML: ${warning.message.split('\n')[0] ?? warning.code}`);
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return;
  if (!isMap(contents)) {
    report(lineAt(contents.range?.[0] ?? 0), 'error', 'vars.yml must be a list of "key: value" lines');
    return;
  }
  const ctx: Context = {
    config,
    base,
    report,
    lineOf: (node, fallback) => (node?.range ? lineAt(node.range[0]) : fallback),
  };
  const fields = keyIndex(lines.filter(isFieldEntry));
  const lbKeys = loadBalancerKeyIndex();
  const seen = new Map<string, string>();
  const keyLines = new Map<string, number>();
  let lb: { address: string; port: number } | undefined;
  let domain: { value: string; line: number } | undefined;
  const constants = TARGET_CONSTANTS[config.target] ?? {};
  for (const pair of contents.items as Pair<unknown, unknown>[]) {
    const keyNode = pair.key;
    const line = ctx.lineOf(isScalar(keyNode) ? keyNode : null, 1);
    const key = scalarText(keyNode);
    if (key === undefined || key === '') {
      report(line, 'error', 'expected a plain key name');
      continue;
    }
    const firstLine = keyLines.get(key);
    if (firstLine !== undefined) {
      report(line, 'error', `YAML: ${key} is set twice (first on line ${firstLine}); keys must be unique`);
      continue;
    }
    keyLines.set(key, line);
    if (CONSTANT_KEYS.includes(key)) {
      const written = scalarText(pair.value);
      if (constants[key] !== undefined && written !== constants[key]) {
        report(line, 'warning', `${key}: this wizard installs ${constants[key]}; "${written ?? ''}" is ignored`);
      }
      continue;
    }
    if (KNOWN_UNMODELLED_KEYS.includes(key)) {
      report(line, 'warning', `${key} is not supported by the wizard and is ignored`);
      continue;
    }
    const field = fields.get(key);
    const lbKey = lbKeys.get(key);
    const match = field
      ? { id: field.entry.path, keys: field.entry.keys, targets: field.targets }
      : lbKey
        ? { id: `loadBalancer.${lbKey.which}`, keys: LOAD_BALANCER_KEYS[lbKey.which], targets: lbKey.targets }
        : undefined;
    if (match === undefined) {
      report(line, 'warning', `unknown key ${key} is ignored`);
      continue;
    }
    const ownName = keyOf(match.keys, config.target);
    if (key !== ownName) report(line, 'warning', `${key} is the ${match.targets.join('/')} name; the wizard writes ${ownName}`);
    const earlier = seen.get(match.id);
    if (earlier !== undefined) report(line, 'warning', `${key} repeats ${earlier}; the later one counts`);
    seen.set(match.id, key);
    if (field) {
      applyField(ctx, field.entry, key, pair.value, line);
    } else if (lbKey?.which === 'apiserver') {
      lb = applyLoadBalancer(ctx, key, pair.value, line);
    } else {
      const value = scalarText(pair.value);
      if (value === undefined) report(line, 'error', `${key}: expected a domain name`);
      else domain = { value, line };
    }
  }
  if (lb) {
    config.loadBalancer = { kind: 'external', address: lb.address, port: lb.port, domain: domain?.value ?? DEFAULT_LB_DOMAIN };
  } else {
    config.loadBalancer = { kind: 'none' };
    if (domain && domain.value !== DEFAULT_LB_DOMAIN) {
      report(domain.line, 'warning', 'apiserver_loadbalancer_domain_name only applies with loadbalancer_apiserver; it is ignored');
    }
  }
}
