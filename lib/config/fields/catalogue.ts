/**
 * The field catalogue: every vars.yml line in the file's order, each model field as one entry
 * (path, label, kind, default, key per installer version, comment above it, form hints). The
 * renderer, the importer, the defaults, the safety rule, the rules' messages and the form read
 * it; nothing else lists vars.yml keys.
 *
 * The vars part of the config model (network, storage, QingCloud, options) is derived from it
 * (./model.ts, ../schema.ts): an entry is the field's only declaration, so every leaf of that part
 * has exactly one entry by construction. Invariants (catalogue.test.ts): keys are unique per
 * installer version; labels are unique.
 */
import type { UnsafeValueKind } from '../safe-values';
import { CLUSTER_LINES } from './cluster';
import { COMPONENT_LINES } from './components';
import { isFieldEntry } from './layout';
import { QINGCLOUD_LINES } from './qingcloud';
import { BLOCK_STORAGE_LINES } from './storage-block';
import { SHARED_STORAGE_LINES } from './storage-shared';
import { VARS_TARGETS, type FieldEntry, type KeyNames, type VarsTarget } from './types';

export const VARS_LINES = [...QINGCLOUD_LINES, ...BLOCK_STORAGE_LINES, ...SHARED_STORAGE_LINES, ...CLUSTER_LINES, ...COMPONENT_LINES] as const;

/** The catalogue's entries, each with its literal path, kind and options (the model is derived from this union). */
export type CatalogueEntry = Extract<(typeof VARS_LINES)[number], FieldEntry>;

export const FIELD_CATALOGUE: readonly CatalogueEntry[] = VARS_LINES.filter(isFieldEntry);
/** The dot path of a vars.yml field in the config. */
export type FieldPath = CatalogueEntry['path'];

const BY_PATH: ReadonlyMap<string, FieldEntry> = new Map(FIELD_CATALOGUE.map((entry) => [entry.path, entry]));

export function catalogueEntry(path: string, catalogue: readonly FieldEntry[] = FIELD_CATALOGUE): FieldEntry | undefined {
  return catalogue === FIELD_CATALOGUE ? BY_PATH.get(path) : catalogue.find((entry) => entry.path === path);
}

/** The entry of a path the catalogue is known to hold (a programming error otherwise). */
export function entryOf(path: FieldPath): FieldEntry {
  const entry = BY_PATH.get(path);
  if (!entry) throw new Error(`${path} is not in the field catalogue`);
  return entry;
}

/** The field's name in operator words, as the form shows it. */
export function labelOf(path: FieldPath): string {
  return entryOf(path).label;
}

/** The field's vars.yml key for an installer version (a version that did not rename it: the 2.0.2 name). */
export function keyOf(keys: KeyNames, target: VarsTarget): string {
  return keys[target] ?? keys['2.0.2'];
}

/** How a value of the field must be safe: every text the file carries is a YAML string; numbers, booleans and enums cannot break it. */
export function safetyKindOf(entry: FieldEntry): UnsafeValueKind | undefined {
  return entry.kind === 'string' || entry.kind === 'secret' || entry.kind === 'list' ? 'yaml-string' : undefined;
}

export interface KeyMatch {
  entry: FieldEntry;
  /** The versions that use this name (both when 2.0.x and 2.1 agree). */
  targets: VarsTarget[];
}

/** Every key name of every version → the field it sets. */
export function keyIndex(catalogue: readonly FieldEntry[]): ReadonlyMap<string, KeyMatch> {
  const index = new Map<string, KeyMatch>();
  for (const target of VARS_TARGETS) {
    for (const entry of catalogue) {
      const key = keyOf(entry.keys, target);
      const match = index.get(key);
      if (match) match.targets.push(target);
      else index.set(key, { entry, targets: [target] });
    }
  }
  return index;
}
