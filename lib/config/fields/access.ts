/**
 * Reading and writing a catalogue field in a config by its dot path. The model at a path is derived
 * from the entry there (./model.ts), so for a parsed config these only narrow; they throw when a
 * config does not hold the entry's kind (e.g. a config of another catalogue).
 */
import type { Secret } from '../secret';

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when the config has no such path. */
export function readPath(config: object, path: string): unknown {
  let at: unknown = config;
  for (const key of path.split('.')) {
    if (!isTree(at)) return undefined;
    at = at[key];
  }
  return at;
}

/** Sets the value at `path`, creating the objects on the way (the defaults are built this way). */
export function writePath(config: object, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop();
  if (last === undefined || !isTree(config)) return;
  let at: Tree = config;
  for (const key of keys) {
    const next = at[key];
    if (isTree(next)) at = next;
    else {
      const created: Tree = {};
      at[key] = created;
      at = created;
    }
  }
  at[last] = value;
}

export class FieldTypeError extends Error {}

function wrong(path: string, expected: string): never {
  throw new FieldTypeError(`${path}: the config holds no ${expected} there`);
}

export function readBool(config: object, path: string): boolean {
  const v = readPath(config, path);
  return typeof v === 'boolean' ? v : wrong(path, 'boolean');
}

export function readNumber(config: object, path: string): number {
  const v = readPath(config, path);
  return typeof v === 'number' ? v : wrong(path, 'number');
}

export function readString(config: object, path: string): string {
  const v = readPath(config, path);
  return typeof v === 'string' ? v : wrong(path, 'string');
}

export function readList(config: object, path: string): string[] {
  const v = readPath(config, path);
  return Array.isArray(v) && v.every((item) => typeof item === 'string') ? v : wrong(path, 'list of strings');
}

export function readSecret(config: object, path: string): Secret {
  const v = readPath(config, path);
  if (isTree(v) && typeof v.set === 'boolean' && (v.value === undefined || typeof v.value === 'string'))
    return v.value === undefined ? { set: v.set } : { set: v.set, value: v.value };
  return wrong(path, 'secret');
}
