/**
 * vars.yml → the vars part of the config (storage, QingCloud, network, LB, options), on top of a
 * starting config.
 *
 * Invariants:
 * - Parsed with the `yaml` library as YAML 1.1 (what Ansible's PyYAML sees); every problem carries
 *   the line of the offending key or value; nothing throws on bad input.
 * - Both the 2.0.x and the 2.1 key names are accepted (keys.ts); a 2.1 name is reported as a
 *   warning, since the wizard writes the 2.0.2 name back.
 * - The installer's placeholders map back to empty values / unset secrets, the exact inverse of
 *   vars-yml.ts, so render → import → render is the identity.
 * - A value of the wrong type is an error and leaves the starting value in place.
 * - A key written twice in a map the wizard reads is an error at its second line. The yaml library's
 *   own check (`uniqueKeys`) compares every key with every other one, so it is off; this module
 *   finds repeats through a map, in time linear in the file.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair } from 'yaml';
import { DEFAULT_LB_DOMAIN } from '../config/defaults';
import type { InstallConfig } from '../config/schema';
import { unsetSecret, type Secret } from '../config/secret';
import type { Report } from './import-problem';
import { CONSTANT_KEYS, fieldForKey, KNOWN_UNMODELLED_KEYS, keyFor, TARGET_CONSTANTS, type VarsFieldId } from './keys';
import { DOC_PASSWORD, MASK, SHOULD_BE_REPLACED } from './placeholders';
import { VARS_FIELDS, type FieldSpec, type ScalarFieldId } from './vars-fields';

/** The scalar as text: strings as is, numbers as written (e.g. imageFormat `1`); else undefined. */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string') return node.value;
  if (typeof node.value === 'number') return node.source ?? String(node.value);
  if (node.value === null) return '';
  return undefined;
}

function isScalarField(id: VarsFieldId): id is ScalarFieldId {
  return id !== 'loadBalancer.domain' && id !== 'loadBalancer.apiserver';
}

interface Context {
  config: InstallConfig;
  base: InstallConfig | undefined;
  report: Report;
  lineOf(node: Node | null | undefined, fallback: number): number;
}

function applySecret(ctx: Context, spec: Extract<FieldSpec, { kind: 'secret' }>, key: string, text: string, line: number): void {
  const placeholders = [MASK, DOC_PASSWORD, SHOULD_BE_REPLACED, spec.emptyToken, ...(spec.samples ?? [])];
  if (text !== '' && !placeholders.includes(text)) {
    spec.set(ctx.config, { set: true, value: text });
    return;
  }
  const stored: Secret | undefined = ctx.base ? spec.get(ctx.base) : undefined;
  if (stored?.set) {
    spec.set(ctx.config, stored);
    ctx.report(line, 'warning', `${key} is a placeholder in the file; the stored secret is kept`);
    return;
  }
  spec.set(ctx.config, unsetSecret());
  ctx.report(line, 'warning', `${key} is a placeholder${text === '' ? '' : ` ("${text}")`}; enter the secret in the wizard if it is needed`);
}

function applyField(ctx: Context, id: ScalarFieldId, key: string, value: unknown, line: number): void {
  const spec = VARS_FIELDS[id];
  const wrong = (expected: string) => ctx.report(line, 'error', `${key}: expected ${expected}`);
  switch (spec.kind) {
    case 'bool':
      if (isScalar(value) && typeof value.value === 'boolean') spec.set(ctx.config, value.value);
      else wrong('true or false');
      return;
    case 'int':
      if (isScalar(value) && typeof value.value === 'number' && Number.isInteger(value.value)) spec.set(ctx.config, value.value);
      else wrong('a whole number');
      return;
    case 'string': {
      const text = scalarText(value);
      if (text === undefined) return wrong('a text value');
      spec.set(ctx.config, text === spec.emptyToken ? '' : text);
      return;
    }
    case 'enum': {
      const text = scalarText(value);
      if (text === undefined || !spec.trySet(ctx.config, text)) wrong(`one of ${spec.options.join(', ')}`);
      return;
    }
    case 'secret': {
      const text = scalarText(value);
      if (text === undefined) return wrong('a text value');
      applySecret(ctx, spec, key, text, line);
      return;
    }
    case 'list': {
      if (isScalar(value) && value.value === null) {
        spec.set(ctx.config, []);
        return;
      }
      if (!isSeq(value)) return wrong('a list (one "  - item" per line)');
      const items: string[] = [];
      for (const item of value.items) {
        const text = scalarText(item);
        if (text === undefined) ctx.report(ctx.lineOf(isScalar(item) || isMap(item) || isSeq(item) ? item : null, line), 'error', `${key}: list items must be text values`);
        else if (text !== spec.emptyItem) items.push(text);
      }
      spec.set(ctx.config, items);
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

export function importVarsYml(text: string, config: InstallConfig, base: InstallConfig | undefined, report: Report): void {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', lineCounter, uniqueKeys: false, prettyErrors: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line;
  for (const error of doc.errors) report(error.linePos?.[0].line ?? lineAt(error.pos[0]), 'error', `YAML: ${error.message.split('\n')[0] ?? error.code}`);
  for (const warning of doc.warnings) report(warning.linePos?.[0].line ?? lineAt(warning.pos[0]), 'warning', `YAML: ${warning.message.split('\n')[0] ?? warning.code}`);
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
  const seen = new Map<VarsFieldId, string>();
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
    const match = fieldForKey(key);
    if (match === undefined) {
      report(line, 'warning', `unknown key ${key} is ignored`);
      continue;
    }
    const ownName = keyFor(config.target, match.field);
    if (key !== ownName) report(line, 'warning', `${key} is the ${match.targets.join('/')} name; the wizard writes ${ownName}`);
    const earlier = seen.get(match.field);
    if (earlier !== undefined) report(line, 'warning', `${key} repeats ${earlier}; the later one counts`);
    seen.set(match.field, key);
    if (match.field === 'loadBalancer.apiserver') {
      lb = applyLoadBalancer(ctx, key, pair.value, line);
    } else if (match.field === 'loadBalancer.domain') {
      const value = scalarText(pair.value);
      if (value === undefined) report(line, 'error', `${key}: expected a domain name`);
      else domain = { value, line };
    } else if (isScalarField(match.field)) {
      applyField(ctx, match.field, key, pair.value, line);
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
