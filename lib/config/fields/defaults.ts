/** The vars part of a new install's config, from the catalogue's defaults (unset secrets). */
import { z } from 'zod';
import { networkSchema, optionsSchema, qingcloudSchema, storageSchema } from '../schema';
import { unsetSecret } from '../secret';
import { writePath } from './access';
import { FIELD_CATALOGUE } from './catalogue';
import type { FieldEntry, VarsModel } from './types';

// in defaultConfig()'s key order, so stored configs keep their JSON shape
const varsModelSchema = z.object({ network: networkSchema, storage: storageSchema, qingcloud: qingcloudSchema, options: optionsSchema });

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

/** Throws (zod) when a model field has no catalogue entry or an entry's default does not fit: a programming error. */
export function catalogueDefaults(): VarsModel {
  return varsModelSchema.parse(defaultsTree(FIELD_CATALOGUE));
}
