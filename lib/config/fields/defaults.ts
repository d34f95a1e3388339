/** The vars part of a new install's config, from the catalogue's defaults (unset secrets). */
import { varsModelSchema, type VarsModel } from '../schema';
import { unsetSecret } from '../secret';
import { writePath } from './access';
import { FIELD_CATALOGUE } from './catalogue';
import type { FieldEntry } from './types';

function defaultOf(entry: FieldEntry): unknown {
  switch (entry.kind) {
    case 'secret':
      return unsetSecret();
    case 'list':
      return [...entry.default];
    default:
      return entry.default;
  }
}

/** A tree with each entry's default at its path (any catalogue; the model's own is checked below). */
export function defaultsTree(catalogue: readonly FieldEntry[]): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const entry of catalogue) writePath(tree, entry.path, defaultOf(entry));
  return tree;
}

/** Throws (zod) when an entry's default does not fit its kind (an enum's is checked by its type too): a programming error. */
export function catalogueDefaults(): VarsModel {
  return varsModelSchema.parse(defaultsTree(FIELD_CATALOGUE));
}
