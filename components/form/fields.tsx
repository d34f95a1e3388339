'use client';

/**
 * Mantine inputs bound to the wizard's single react-hook-form (via FormProvider), one per value
 * kind. Each shows its zod error at the field, keeps a visible label and forwards the input ref so
 * `setFocus(path)` (Review → "fix it") lands on the right element.
 */
import { useEffect, useState } from 'react';
import { useController, useFormContext, type Path } from 'react-hook-form';
import { Checkbox, NumberInput, SegmentedControl, Select, Switch, TextInput, Textarea, type NumberInputProps, type TextInputProps } from '@mantine/core';
import type { InstallConfig } from '@/lib/config/schema';
import { useShownError } from './quiet-errors';

export type ConfigPath = Path<InstallConfig>;

interface Base {
  name: ConfigPath;
  label: string;
  description?: React.ReactNode;
}

function useField(name: ConfigPath) {
  const { control } = useFormContext<InstallConfig>();
  return useController({ control, name });
}

export function TextField({ name, label, description, ...rest }: Base & Omit<TextInputProps, 'name' | 'label' | 'value' | 'onChange'>) {
  const { field, fieldState } = useField(name);
  const shownError = useShownError(fieldState, field.value);
  return (
    <TextInput
      {...rest}
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      value={typeof field.value === 'string' ? field.value : ''}
      onChange={(e) => field.onChange(e.currentTarget.value)}
      onBlur={field.onBlur}
      error={shownError}
      spellCheck={false}
      autoComplete="off"
    />
  );
}

export function NumberField({ name, label, description, ...rest }: Base & Omit<NumberInputProps, 'name' | 'label' | 'value' | 'onChange'>) {
  const { field, fieldState } = useField(name);
  const shownError = useShownError(fieldState, field.value);
  const value = typeof field.value === 'number' && !Number.isNaN(field.value) ? field.value : '';
  return (
    <NumberInput
      allowDecimal={false}
      {...rest}
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      value={value}
      onChange={(v) => field.onChange(typeof v === 'number' ? v : v === '' ? Number.NaN : Number(v))}
      onBlur={field.onBlur}
      error={shownError}
    />
  );
}

export function SwitchField({ name, label, description, onToggle }: Base & { onToggle?: (on: boolean) => void }) {
  const { field, fieldState } = useField(name);
  return (
    <Switch
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      checked={field.value === true}
      onChange={(e) => {
        field.onChange(e.currentTarget.checked);
        onToggle?.(e.currentTarget.checked);
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function CheckboxField({ name, label, description }: Base) {
  const { field, fieldState } = useField(name);
  return (
    <Checkbox
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      checked={field.value === true}
      onChange={(e) => field.onChange(e.currentTarget.checked)}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

interface Option {
  value: string;
  label: string;
}

export function SelectField({ name, label, description, data, numeric }: Base & { data: Option[]; numeric?: boolean }) {
  const { field, fieldState } = useField(name);
  return (
    <Select
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      data={data}
      allowDeselect={false}
      value={field.value === undefined || field.value === null ? null : String(field.value)}
      onChange={(v) => field.onChange(numeric ? Number(v) : v)}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function SegmentedField({ name, label, data }: Base & { data: Option[] }) {
  const { field, fieldState } = useField(name);
  return (
    <div>
      <TextLabel>{label}</TextLabel>
      <SegmentedControl ref={field.ref} aria-label={label} data={data} value={typeof field.value === 'string' ? field.value : ''} onChange={field.onChange} />
      {fieldState.error && <ErrorText>{fieldState.error.message}</ErrorText>}
    </div>
  );
}

function TextLabel({ children }: { children: React.ReactNode }) {
  return (
    <div style={{ fontSize: 'var(--mantine-font-size-sm)', fontWeight: 500, marginBottom: 4 }} aria-hidden="true">
      {children}
    </div>
  );
}

function ErrorText({ children }: { children: React.ReactNode }) {
  return (
    <div role="alert" style={{ color: 'var(--mantine-color-error)', fontSize: 'var(--mantine-font-size-xs)', marginTop: 4 }}>
      {children}
    </div>
  );
}

const toLines = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A string list edited as one entry per line (registry mirrors, Ceph monitors). */
export function LinesField({ name, label, description, placeholder }: Base & { placeholder?: string }) {
  const { field, fieldState } = useField(name);
  const list = toLines(field.value);
  const joined = list.join('\n');
  const [text, setText] = useState(joined);
  useEffect(() => {
    // follow outside changes (reset, import) without fighting the operator's blank lines
    setText((t) =>
      toLines(
        t
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      ).join('\n') === joined
        ? t
        : joined,
    );
  }, [joined]);
  return (
    <Textarea
      ref={field.ref}
      name={field.name}
      label={label}
      description={description}
      placeholder={placeholder}
      autosize
      minRows={2}
      spellCheck={false}
      value={text}
      onChange={(e) => {
        const t = e.currentTarget.value;
        setText(t);
        field.onChange(
          t
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        );
      }}
      onBlur={field.onBlur}
      error={fieldState.error?.message ?? firstItemError(fieldState.error)}
    />
  );
}

/** Array fields carry item errors as `{ 0: {message}, 2: {message} }`; show the first. */
function firstItemError(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  for (const [k, v] of Object.entries(error)) {
    if (/^\d+$/.test(k) && typeof v === 'object' && v !== null && 'message' in v && typeof v.message === 'string') {
      return `Line ${Number(k) + 1}: ${v.message}`;
    }
  }
  return undefined;
}
