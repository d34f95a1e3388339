/**
 * The shape of a field catalogue entry: one vars.yml key and everything derived from it (the
 * model's type and zod schema at its path, the renderer's line and the comment above it, the
 * importer's key names per installer version, the default, the label the form and every message
 * use, the form control, the safety check).
 *
 * `fieldEntry` keeps each entry's literal type (its path, its kind, an enum's options), so the
 * catalogue's element type is a union of precise entries and ./model.ts can derive the model from
 * it: the entry is the only place a vars.yml field is declared.
 */

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

export interface BoolEntry<P extends string = string> extends Common<P> {
  readonly kind: 'bool';
  readonly default: boolean;
}
export interface IntEntry<P extends string = string> extends Common<P> {
  readonly kind: 'int';
  readonly default: number;
}
export interface StringEntry<P extends string = string> extends Common<P> {
  readonly kind: 'string';
  readonly default: string;
  /** The installer's "not filled in" token, written for an empty value and read back as empty. */
  readonly emptyToken?: string;
  /** An empty value is written as this commented-out example line's value (ceph_rbd_imageFeatures). */
  readonly commentedWhenEmpty?: string;
}
export interface EnumEntry<P extends string = string, V extends string = string> extends Common<P> {
  readonly kind: 'enum';
  readonly options: readonly V[];
  readonly default: V;
}
export interface SecretEntry<P extends string = string> extends Common<P> {
  readonly kind: 'secret';
  /** Written for an unset secret and read back as unset. */
  readonly emptyToken: string;
  /** Installer sample values that mean "not really set" (EMAIL_FROM_PASS: P@ssw0rd). */
  readonly samples?: readonly string[];
}
export interface ListEntry<P extends string = string> extends Common<P> {
  readonly kind: 'list';
  readonly default: readonly string[];
  /** One item's name in messages ("Ceph monitor"). */
  readonly itemLabel: string;
  /** Written as the single item of an empty list; without it an empty list is commented out with `commentedExamples`. */
  readonly emptyItem?: string;
  readonly commentedExamples?: readonly string[];
}

/** Any entry; the catalogue's own are precise (./catalogue.ts: `CatalogueEntry`, `FieldPath`). */
export type FieldEntry<P extends string = string> = BoolEntry<P> | IntEntry<P> | StringEntry<P> | EnumEntry<P> | SecretEntry<P> | ListEntry<P>;
export type FieldKind = FieldEntry['kind'];

/** An entry without its path (the first argument of `fieldEntry`). */
type Spec<E> = Omit<E, 'path'>;

/**
 * One catalogue entry, typed precisely: its path as a literal, its kind, an enum's options as a
 * union (the default must be one of them). The model at `path` is derived from it (./model.ts).
 */
export function fieldEntry<P extends string>(path: P, spec: Spec<BoolEntry>): BoolEntry<P>;
export function fieldEntry<P extends string>(path: P, spec: Spec<IntEntry>): IntEntry<P>;
export function fieldEntry<P extends string>(path: P, spec: Spec<StringEntry>): StringEntry<P>;
export function fieldEntry<P extends string, V extends string>(
  path: P,
  spec: Omit<EnumEntry<P, V>, 'path' | 'default'> & { readonly default: NoInfer<V> },
): EnumEntry<P, V>;
export function fieldEntry<P extends string>(path: P, spec: Spec<SecretEntry>): SecretEntry<P>;
export function fieldEntry<P extends string>(path: P, spec: Spec<ListEntry>): ListEntry<P>;
export function fieldEntry(path: string, spec: Spec<FieldEntry>): FieldEntry {
  return { ...spec, path } as FieldEntry;
}
