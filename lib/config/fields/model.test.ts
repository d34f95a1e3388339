/**
 * The vars part of the model is derived from the catalogue: its types are as precise as the
 * hand-written schema they replace (enums as literal unions, secrets, lists, nested numbers), the
 * built zod schema infers exactly `ModelOf` the catalogue, and the builder refuses a catalogue
 * that does not describe one object. The type checks run in `tsc --noEmit` (vitest only runs the
 * value checks).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defaultConfig } from '../defaults';
import { optionsSchema, storageSchema, varsModelSchema, type InstallConfig, type Network, type Options, type Storage } from '../schema';
import type { Secret } from '../secret';
import type { CatalogueEntry, FieldPath } from './catalogue';
import { modelSchemaOf, type ModelOf } from './model';
import { fieldEntry } from './types';

const form = { group: false } as const;

describe('the model derived from the catalogue', () => {
  it('infers exactly ModelOf the catalogue, as precise as the hand-written schema was', () => {
    expectTypeOf<z.infer<typeof varsModelSchema>>().toEqualTypeOf<ModelOf<CatalogueEntry>>();
    // the whole of Network, as schema.ts used to spell it
    expectTypeOf<Network>().toEqualTypeOf<{
      plugin: 'calico' | 'flannel';
      serviceCidr: string;
      podCidr: string;
      proxyMode: 'ipvs' | 'iptables';
      maxPods: number;
    }>();
    // an enum, a secret, a list, a nested int, through InstallConfig
    expectTypeOf<Storage['cephRbd']['imageFormat']>().toEqualTypeOf<'1' | '2'>();
    expectTypeOf<InstallConfig['storage']['neonsan']['protocol']>().toEqualTypeOf<'TCP' | 'RDMA'>();
    expectTypeOf<Storage['glusterfs']['jwtAdminKey']>().toEqualTypeOf<Secret>();
    expectTypeOf<InstallConfig['options']['email']['password']>().toEqualTypeOf<Secret>();
    expectTypeOf<Storage['cephRbd']['monitors']>().toEqualTypeOf<string[]>();
    expectTypeOf<Options['etcdBackup']['period']>().toEqualTypeOf<number>();
    expectTypeOf<InstallConfig['options']['logging']['kibanaEnabled']>().toEqualTypeOf<boolean>();
    expectTypeOf<Options['harbor']>().toEqualTypeOf<{ enabled: boolean; domain: string }>();
    // what a form holds (zodResolver types its values with z.input) is the same model
    expectTypeOf<z.input<typeof varsModelSchema>>().toEqualTypeOf<ModelOf<CatalogueEntry>>();
    expectTypeOf<'storage.cephRbd.imageFormat'>().toExtend<FieldPath>();
    expectTypeOf<'storage.cephRbd'>().not.toExtend<FieldPath>();
  });

  it('parses a config by the entries kinds: enum options, secrets, lists, numbers', () => {
    const { storage, options } = defaultConfig();
    expect(storageSchema.safeParse({ ...storage, cephRbd: { ...storage.cephRbd, imageFormat: '3' } }).success).toBe(false);
    expect(storageSchema.safeParse({ ...storage, cephRbd: { ...storage.cephRbd, monitors: [1] } }).success).toBe(false);
    expect(storageSchema.safeParse({ ...storage, glusterfs: { ...storage.glusterfs, jwtAdminKey: 'plain' } }).success).toBe(false);
    expect(optionsSchema.safeParse({ ...options, etcdBackup: { ...options.etcdBackup, period: '30' } }).success).toBe(false);
    expect(optionsSchema.parse({ ...options, unknown: 1 })).toEqual(options);
    expect(storageSchema.parse(storage)).toEqual(storage);
  });

  it('builds objects in the order their keys first appear, and leaves of each kind', () => {
    const entries = [
      fieldEntry('b.on', { label: 'On', kind: 'bool', keys: { '2.0.2': 'on' }, default: true, form }),
      fieldEntry('a.mode', { label: 'Mode', kind: 'enum', keys: { '2.0.2': 'mode' }, options: ['x', 'y'] as const, default: 'x', form }),
      fieldEntry('b.deep.count', { label: 'Count', kind: 'int', keys: { '2.0.2': 'count' }, default: 1, form }),
      fieldEntry('b.key', { label: 'Key', kind: 'secret', keys: { '2.0.2': 'key' }, emptyToken: 'KEY', form }),
      fieldEntry('b.items', { label: 'Items', kind: 'list', keys: { '2.0.2': 'items' }, default: [], itemLabel: 'Item', form }),
    ];
    const schema = modelSchemaOf(entries);
    expectTypeOf<z.infer<typeof schema>>().toEqualTypeOf<{
      b: { on: boolean; deep: { count: number }; key: Secret; items: string[] };
      a: { mode: 'x' | 'y' };
    }>();
    const value = { b: { on: false, deep: { count: 3 }, key: { set: false }, items: ['i'] }, a: { mode: 'y' } };
    expect(JSON.stringify(schema.parse(value))).toBe(JSON.stringify(value));
    expect(Object.keys(schema.shape)).toEqual(['b', 'a']);
    expect(schema.safeParse({ ...value, a: { mode: 'z' } }).success).toBe(false);
  });

  it('refuses a catalogue that does not describe one object', () => {
    const leaf = (path: string) => fieldEntry(path, { label: path, kind: 'string', keys: { '2.0.2': path }, default: '', form });
    expect(() => modelSchemaOf([leaf('a.b'), leaf('a.b')])).toThrow('a.b is in the catalogue twice, or is an object of other fields');
    expect(() => modelSchemaOf([leaf('a.b'), leaf('a.b.c')])).toThrow('a.b.c: b is a field of its own, not an object');
    expect(() => modelSchemaOf([leaf('a.b.c'), leaf('a.b')])).toThrow('a.b is in the catalogue twice, or is an object of other fields');
  });

  it('types each entry by its kind (checked by tsc)', () => {
    // @ts-expect-error an enum's default must be one of its options
    fieldEntry('x.mode', { label: 'Mode', kind: 'enum', keys: { '2.0.2': 'mode' }, options: ['a', 'b'] as const, default: 'c', form });
    // @ts-expect-error an int's default is a number
    fieldEntry('x.count', { label: 'Count', kind: 'int', keys: { '2.0.2': 'count' }, default: '1', form });
    // @ts-expect-error a misspelt property is refused, not ignored
    fieldEntry('x.name', { label: 'Name', kind: 'string', keys: { '2.0.2': 'name' }, default: '', emptyTokn: 'X', form });
    const entry = fieldEntry('x.mode', { label: 'Mode', kind: 'enum', keys: { '2.0.2': 'mode' }, options: ['a', 'b'] as const, default: 'a', form });
    expectTypeOf(entry.path).toEqualTypeOf<'x.mode'>();
    expectTypeOf(entry.options).toEqualTypeOf<readonly ('a' | 'b')[]>();
    expect(entry).toMatchObject({ path: 'x.mode', kind: 'enum', default: 'a' });
  });
});
