/**
 * The lines of vars.yml that are not one model field: the installer's fixed versions, the load
 * balancer block (its keys depend on `loadBalancer.kind`) and comment-only text. The catalogue is
 * one ordered list of these and the field entries: the file's order is the list's order.
 */
import type { FieldEntry, KeyNames } from './types';

export interface ConstantLine {
  readonly kind: 'constant';
  /** Written with the value of the config's target (targets.ts). */
  readonly key: string;
  readonly comment?: readonly string[];
}

export interface LoadBalancerLines {
  readonly kind: 'loadBalancer';
  readonly comment?: readonly string[];
  readonly keys: { readonly domain: KeyNames; readonly apiserver: KeyNames };
}

export interface TextLines {
  readonly kind: 'text';
  readonly lines: readonly string[];
}

export type VarsLine = FieldEntry | ConstantLine | LoadBalancerLines | TextLines;

export const constantLine = (key: string, comment?: readonly string[]): ConstantLine => ({ kind: 'constant', key, comment });

export const LOAD_BALANCER_KEYS: LoadBalancerLines['keys'] = {
  domain: { '2.0.2': 'apiserver_loadbalancer_domain_name' },
  apiserver: { '2.0.2': 'loadbalancer_apiserver' },
};

export const loadBalancerLines = (comment?: readonly string[]): LoadBalancerLines => ({ kind: 'loadBalancer', comment, keys: LOAD_BALANCER_KEYS });

export const textLines = (lines: readonly string[]): TextLines => ({ kind: 'text', lines });

/** The first lines of the file. */
export const VARS_HEADER: readonly string[] = [
  '# KubeSphere 2.0.2 installer settings (conf/vars.yml), written by ks-wizard.',
  '# Nested keys and list items are indented by two spaces.',
  '',
];

/** Narrows a catalogue's precise line union to its entries. */
export function isFieldEntry<L extends VarsLine>(line: L): line is Extract<L, FieldEntry> {
  return line.kind !== 'constant' && line.kind !== 'loadBalancer' && line.kind !== 'text';
}
