/**
 * The shape of a field catalogue entry: one vars.yml key and everything derived from it (the
 * renderer's line and the comment above it, the importer's key names per installer version, the
 * default, the label the form and every message use, the form control, the safety check).
 *
 * `fieldEntry` types each entry against the model: the path must be a leaf of the vars part of
 * InstallConfig and the entry's kind and default must fit the value there (a boolean is `bool`, a
 * number `int`, a secret `secret`, a string list `list`, a string union `enum` with its options).
 */
import type { InstallConfig } from '../schema';
import type { Secret } from '../secret';

/** The part of the config that vars.yml carries (the load balancer aside: its keys depend on its kind). */
export type VarsModel = Pick<InstallConfig, 'qingcloud' | 'storage' | 'network' | 'options'>;

type Leaf = string | number | boolean | Secret | readonly string[];

/** Every dot path to a leaf of `T`. */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends Leaf ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type FieldPath = LeafPaths<VarsModel>;

/** The model's value at `P`. */
export type ValueAt<P extends string, T = VarsModel> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? ValueAt<Rest, T[Head]>
    : never
  : P extends keyof T
    ? T[P]
    : never;

/** The installer versions whose vars.yml names the catalogue knows ('2.1' is read, not written). */
export const VARS_TARGETS = ['2.0.2', '2.1'] as const;
export type VarsTarget = (typeof VARS_TARGETS)[number];

/** The key per installer version; a version not named uses the 2.0.2 name. */
export type KeyNames = { readonly '2.0.2': string } & { readonly [T in VarsTarget]?: string };

/** Where the form shows a field (lib/config/fields/form-groups.ts); `false`: a step draws it itself. */
export type FormGroupId =
  | 'network'
  | 'console'
  | 'etcd'
  | 'monitoring'
  | 'devops'
  | 'email'
  | 'qingcloud-api'
  | 'localVolume'
  | 'nfs'
  | 'cephRbd'
  | 'glusterfs'
  | 'qingcloudCsi'
  | 'neonsan';

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** How the form draws the field. */
export interface FormHints {
  readonly group: FormGroupId | false;
  readonly description?: string;
  readonly placeholder?: string;
  readonly min?: number;
  readonly max?: number;
  /** A select of these values instead of a free field (text, or whole numbers for `int`). */
  readonly choices?: readonly Choice[];
  /** A segmented control instead of a select (short enums). */
  readonly segmented?: boolean;
  /** A full-width row below the group's grid. */
  readonly wide?: boolean;
}

interface Common<P extends string> {
  readonly path: P;
  /** The field's name in operator words: the form's label and the start of every message about it. */
  readonly label: string;
  readonly keys: KeyNames;
  /** Lines written above the key in vars.yml (section banners and the explaining comment). */
  readonly comment?: readonly string[];
  readonly form: FormHints;
}

export interface BoolEntry<P extends string = FieldPath> extends Common<P> {
  readonly kind: 'bool';
  readonly default: boolean;
}
export interface IntEntry<P extends string = FieldPath> extends Common<P> {
  readonly kind: 'int';
  readonly default: number;
}
export interface StringEntry<P extends string = FieldPath> extends Common<P> {
  readonly kind: 'string';
  readonly default: string;
  /** The installer's "not filled in" token, written for an empty value and read back as empty. */
  readonly emptyToken?: string;
  /** An empty value is written as this commented-out example line's value (ceph_rbd_imageFeatures). */
  readonly commentedWhenEmpty?: string;
}
export interface EnumEntry<P extends string = FieldPath, V extends string = string> extends Common<P> {
  readonly kind: 'enum';
  readonly options: readonly V[];
  readonly default: V;
}
export interface SecretEntry<P extends string = FieldPath> extends Common<P> {
  readonly kind: 'secret';
  /** Written for an unset secret and read back as unset. */
  readonly emptyToken: string;
  /** Installer sample values that mean "not really set" (EMAIL_FROM_PASS: P@ssw0rd). */
  readonly samples?: readonly string[];
}
export interface ListEntry<P extends string = FieldPath> extends Common<P> {
  readonly kind: 'list';
  readonly default: readonly string[];
  /** One item's name in messages ("Ceph monitor"). */
  readonly itemLabel: string;
  /** Written as the single item of an empty list; without it an empty list is commented out with `commentedExamples`. */
  readonly emptyItem?: string;
  readonly commentedExamples?: readonly string[];
}

export type FieldEntry = BoolEntry | IntEntry | StringEntry | EnumEntry | SecretEntry | ListEntry;
export type FieldKind = FieldEntry['kind'];

type Spec<P extends string, E> = Omit<E, 'path'> & { readonly path?: never; readonly _p?: P };

/** The entry kinds that fit the model's value at `P`. */
export type EntryFor<P extends FieldPath> = [ValueAt<P>] extends [boolean]
  ? Spec<P, BoolEntry<P>>
  : [ValueAt<P>] extends [number]
    ? Spec<P, IntEntry<P>>
    : [ValueAt<P>] extends [Secret]
      ? Spec<P, SecretEntry<P>>
      : [ValueAt<P>] extends [readonly string[]]
        ? Spec<P, ListEntry<P>>
        : [ValueAt<P>] extends [string]
          ? string extends ValueAt<P>
            ? Spec<P, StringEntry<P>>
            : Spec<P, EnumEntry<P, ValueAt<P>>>
          : never;

/** One catalogue entry, checked against the model at `path`. */
export function fieldEntry<P extends FieldPath>(path: P, spec: EntryFor<P>): FieldEntry {
  return { ...spec, path } as FieldEntry;
}
