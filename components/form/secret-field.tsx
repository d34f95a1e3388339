'use client';

/**
 * A secret (password, private key, storage credential). The browser only ever knows whether a
 * stored value exists (`{ set }`). Typing sends `{ set: true, value }`; "Same as …" sends
 * `{ set: true, copyFrom: path }` for the server to resolve; leaving "Replace" restores what was
 * loaded. The stored value is never shown, because the browser never receives it.
 *
 * A login secret the server holds back (`enteredFor`: it was entered for another address:port than
 * its host's `endpoint` now) says so, and "Use it for <endpoint>" sends `{ set: true, useFor }`:
 * the operator's confirmation that the stored value may go there.
 */
import { useState } from 'react';
import { useController, useFormContext } from 'react-hook-form';
import { Alert, Badge, Button, Checkbox, Group, PasswordInput, Stack, Text, Textarea } from '@mantine/core';
import type { InstallConfig } from '@/lib/config/schema';
import type { Secret } from '@/lib/config/secret';
import type { ConfigPath } from './fields';
import { useShownError } from './quiet-errors';

export interface CopySource {
  path: string;
  /** Shown as "Same as the first host (master2)". */
  label: string;
}

interface Props {
  name: ConfigPath;
  label: string;
  description?: string;
  multiline?: boolean;
  copySource?: CopySource;
  /** The address:port this login goes to now (host and installer machine logins). */
  endpoint?: string;
}

function asSecret(v: unknown): Secret {
  if (typeof v === 'object' && v !== null && 'set' in v && typeof v.set === 'boolean') return v as Secret;
  return { set: false };
}

export function SecretField({ name, label, description, multiline, copySource, endpoint }: Props) {
  const { control } = useFormContext<InstallConfig>();
  const { field, fieldState } = useController({ control, name });
  const shownError = useShownError(fieldState, field.value);
  const secret = asSecret(field.value);
  // what the server had when this field appeared: a stored value (set, no value, no copy) or nothing
  const [stored] = useState<boolean>(() => secret.set && secret.value === undefined && secret.copyFrom === undefined);
  const [replacing, setReplacing] = useState(false);

  const copying = secret.copyFrom !== undefined;
  const typed = secret.value !== undefined;
  const editing = !copying && (typed || replacing || !stored);
  const keep: Secret = stored ? { set: true } : { set: false };
  const heldFor = secret.enteredFor !== undefined && endpoint !== undefined && secret.enteredFor !== endpoint ? secret.enteredFor : undefined;
  const confirmed = secret.useFor !== undefined && secret.useFor === endpoint;

  const badge = copying ? (
    <Badge component="span" size="xs" variant="light" color="blue" ml={6}>
      copied
    </Badge>
  ) : heldFor && !confirmed ? (
    <Badge component="span" size="xs" variant="light" color="yellow" ml={6}>
      held back
    </Badge>
  ) : secret.set ? (
    <Badge component="span" size="xs" variant="light" color="teal" ml={6}>
      {typed ? 'new value' : confirmed ? `confirmed for ${endpoint}` : 'set'}
    </Badge>
  ) : (
    <Badge component="span" size="xs" variant="light" color="gray" ml={6}>
      not set
    </Badge>
  );
  const labelNode = (
    <>
      {label}
      {badge}
    </>
  );
  const onType = (v: string) => field.onChange(v === '' ? keep : { set: true, value: v });
  const inputProps = {
    ref: field.ref,
    name: field.name,
    label: labelNode,
    description,
    value: secret.value ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onType(e.currentTarget.value),
    onBlur: field.onBlur,
    error: shownError,
    autoComplete: 'new-password',
    spellCheck: false,
  };

  return (
    <Stack gap={6}>
      {heldFor && !confirmed && !typed && !copying && endpoint && (
        <Alert color="yellow" p="xs" title={`Use the stored ${label.toLowerCase()} for ${endpoint}?`} data-testid={`held-${field.name}`}>
          <Stack gap={6}>
            <Text size="sm">It was entered for {heldFor}. The wizard sends it nowhere until you confirm it for the new address, or enter it again.</Text>
            <Button
              size="xs"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => field.onChange({ set: true, useFor: endpoint })}
              aria-label={`Use the stored ${label} for ${endpoint}`}
            >
              Use it for {endpoint}
            </Button>
          </Stack>
        </Alert>
      )}
      {copySource && (
        <Checkbox
          label={`Same as the first host (${copySource.label})`}
          checked={copying}
          onChange={(e) => field.onChange(e.currentTarget.checked ? { set: true, copyFrom: copySource.path } : keep)}
        />
      )}
      {copying ? (
        <Text size="sm">
          {labelNode}{' '}
          <Text span c="dimmed" size="sm">
            taken from {copySource?.label ?? secret.copyFrom} when saved
          </Text>
        </Text>
      ) : editing ? (
        <Group align="flex-end" gap="xs" wrap="nowrap">
          {multiline ? (
            <Textarea
              {...inputProps}
              autosize
              minRows={4}
              maxRows={10}
              style={{ flex: 1 }}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
            />
          ) : (
            <PasswordInput {...inputProps} style={{ flex: 1 }} />
          )}
          {stored && (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                setReplacing(false);
                field.onChange({ set: true });
              }}
            >
              Keep stored
            </Button>
          )}
        </Group>
      ) : (
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {labelNode}
          </Text>
          <Button size="xs" variant="light" onClick={() => setReplacing(true)} aria-label={`Replace ${label}`}>
            Replace
          </Button>
          {shownError && (
            <Text size="xs" c="red" role="alert">
              {shownError}
            </Text>
          )}
        </Group>
      )}
    </Stack>
  );
}
