/**
 * The vars part of the config model, derived from catalogue entries: `ModelOf<E>` nests the
 * entries' dot paths into an object type, `modelSchemaOf(entries)` builds the matching zod objects
 * (`SchemaOf<E>`, whose `z.infer` is `ModelOf<E>`; model.test.ts checks both).
 *
 * Leaves by kind: bool → boolean, int → number, string → string, enum → the union of its options,
 * secret → Secret, list → string[]. Objects keep the order in which their keys first appear in the
 * catalogue (the file's order), and parsing strips unknown keys, as z.object does.
 *
 * A path given twice, or one that is both a leaf and an object, throws when the schema is built: a
 * programming error that every test importing the schema reports.
 */
import { z } from 'zod';
import { secretSchema, type Secret } from '../secret';
import type { EnumEntry, FieldEntry } from './types';

/** An entry with the part of its path not yet nested. */
interface Leaf {
  readonly rest: string;
  readonly entry: FieldEntry;
}

type LeavesOf<E extends FieldEntry> = E extends FieldEntry ? { rest: E['path']; entry: E } : never;

type HeadOf<P extends string> = P extends `${infer Head}.${string}` ? Head : P;

/** The leaves under key `K`, with `K.` taken off their paths. */
type Below<L extends Leaf, K extends string> = L extends { rest: `${K}.${infer Rest}`; entry: infer E extends FieldEntry } ? { rest: Rest; entry: E } : never;

type ValueOf<E extends FieldEntry> =
  E extends EnumEntry<string, infer V>
    ? V
    : E extends { kind: 'bool' }
      ? boolean
      : E extends { kind: 'int' }
        ? number
        : E extends { kind: 'string' }
          ? string
          : E extends { kind: 'secret' }
            ? Secret
            : E extends { kind: 'list' }
              ? string[]
              : never;

type ZodOf<E extends FieldEntry> =
  E extends EnumEntry<string, infer V>
    ? z.ZodEnum<{ [O in V]: O }>
    : E extends { kind: 'bool' }
      ? z.ZodBoolean
      : E extends { kind: 'int' }
        ? z.ZodNumber
        : E extends { kind: 'string' }
          ? z.ZodString
          : E extends { kind: 'secret' }
            ? typeof secretSchema
            : E extends { kind: 'list' }
              ? z.ZodArray<z.ZodString>
              : never;

/** `K` is a leaf when no entry lies below it. */
type NestedModel<L extends Leaf> = {
  [K in HeadOf<L['rest']>]: [Below<L, K>] extends [never] ? ValueOf<Extract<L, { rest: K }>['entry']> : NestedModel<Below<L, K>>;
};
type NestedShape<L extends Leaf> = {
  [K in HeadOf<L['rest']>]: [Below<L, K>] extends [never] ? ZodOf<Extract<L, { rest: K }>['entry']> : z.ZodObject<NestedShape<Below<L, K>>, z.core.$strip>;
};

/** The object type the entries describe: each entry's value at its dot path. */
export type ModelOf<E extends FieldEntry> = NestedModel<LeavesOf<E>>;

/** The zod object `modelSchemaOf` builds for the entries. */
export type SchemaOf<E extends FieldEntry> = z.ZodObject<NestedShape<LeavesOf<E>>, z.core.$strip>;

function leafSchema(entry: FieldEntry): z.ZodType {
  switch (entry.kind) {
    case 'bool':
      return z.boolean();
    case 'int':
      return z.number();
    case 'string':
      return z.string();
    case 'enum':
      return z.enum(entry.options);
    case 'secret':
      return secretSchema;
    case 'list':
      return z.array(z.string());
  }
}

/** The keys of one object of the model, each a leaf's schema or the keys of an object below. */
interface Node {
  readonly children: Map<string, Node | z.ZodType>;
}

function toSchema(node: Node): z.ZodObject {
  return z.object(Object.fromEntries([...node.children].map(([key, child]) => [key, child instanceof z.ZodType ? child : toSchema(child)])));
}

/** The zod schema of the object the entries describe (see the header). */
export function modelSchemaOf<E extends FieldEntry>(entries: readonly E[]): SchemaOf<E> {
  const root: Node = { children: new Map() };
  for (const entry of entries) {
    const keys = entry.path.split('.');
    const last = keys.pop() ?? '';
    let node = root;
    for (const key of keys) {
      const next = node.children.get(key) ?? { children: new Map() };
      if (next instanceof z.ZodType) throw new Error(`${entry.path}: ${key} is a field of its own, not an object`);
      node.children.set(key, next);
      node = next;
    }
    if (node.children.has(last)) throw new Error(`${entry.path} is in the catalogue twice, or is an object of other fields`);
    node.children.set(last, leafSchema(entry));
  }
  // the types above compute the same nesting; model.test.ts checks that they agree
  return toSchema(root) as SchemaOf<E>;
}
