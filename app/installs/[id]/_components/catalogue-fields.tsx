'use client';

/** Form controls drawn from the field catalogue: the label, hints and kind of control are the entry's. */
import { SimpleGrid, Stack } from '@mantine/core';
import { LinesField, NumberField, SegmentedField, SelectField, SwitchField, TextField } from '@/components/form/fields';
import { SecretField } from '@/components/form/secret-field';
import type { CatalogueEntry } from '@/lib/config/fields/catalogue';
import { fieldsOfGroup, FORM_GROUPS } from '@/lib/config/fields/form-groups';
import type { FormGroupId } from '@/lib/config/fields/types';

const asChoices = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

export function CatalogueField({ entry }: { entry: CatalogueEntry }) {
  const { path: name, label, form } = entry;
  const { description, placeholder, min, max } = form;
  const choices = form.choices ? [...form.choices] : undefined;
  switch (entry.kind) {
    case 'bool':
      return <SwitchField name={name} label={label} description={description} />;
    case 'int':
      return choices ? (
        <SelectField name={name} label={label} description={description} data={choices} numeric />
      ) : (
        <NumberField name={name} label={label} description={description} min={min} max={max} />
      );
    case 'enum':
      return form.segmented ? (
        <SegmentedField name={name} label={label} data={asChoices(entry.options)} />
      ) : (
        <SelectField name={name} label={label} description={description} data={asChoices(entry.options)} />
      );
    case 'string':
      return choices ? (
        <SelectField name={name} label={label} description={description} data={choices} />
      ) : (
        <TextField name={name} label={label} description={description} placeholder={placeholder} />
      );
    case 'secret':
      return <SecretField name={name} label={label} description={description} />;
    case 'list':
      return <LinesField name={name} label={label} description={description} placeholder={placeholder} />;
  }
}

/** A group's fields: a grid (after `children`, the page's own fields), then its full-width fields. */
export function CatalogueFields({ group, children }: { group: FormGroupId; children?: React.ReactNode }) {
  const fields = fieldsOfGroup(group);
  const grid = fields.filter((f) => !f.form.wide);
  const wide = fields.filter((f) => f.form.wide);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: FORM_GROUPS[group].cols }}>
        {children}
        {grid.map((entry) => (
          <CatalogueField key={entry.path} entry={entry} />
        ))}
      </SimpleGrid>
      {wide.map((entry) => (
        <CatalogueField key={entry.path} entry={entry} />
      ))}
    </Stack>
  );
}
