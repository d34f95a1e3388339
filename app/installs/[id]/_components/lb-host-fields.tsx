'use client';

/**
 * One machine of the internal load balancer: its SSH login (the same fields and secrets as a cluster
 * host's, bound to `loadBalancer.hosts.<index>.*`), its IP in the masters' subnet and the VRRP
 * interface. Secrets show only whether they are set, like every other login.
 */
import { useFormContext, useWatch } from 'react-hook-form';
import { Button, Card, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import type { InstallConfig } from '@/lib/config/schema';
import { NumberField, TextField } from '@/components/form/fields';
import { SecretField } from '@/components/form/secret-field';
import { AUTH_KINDS, authOf } from './auth-kinds';
import { FieldNotes } from './field-notes';
import { useWizard } from './wizard-context';

export function LbHostFields({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { control, setValue } = useFormContext<InstallConfig>();
  const lb = useWatch({ control, name: 'loadBalancer' });
  const { errors } = useWizard();
  const host = lb.kind === 'internal' ? lb.hosts[index] : undefined;
  if (!host) return null;
  const at = `loadBalancer.hosts.${index}` as const;
  const label = host.name || `LB host ${index + 1}`;
  const user = host.user.trim();
  const opts = { shouldDirty: true, shouldValidate: true } as const;

  return (
    <Card withBorder role="group" aria-label={`LB host ${label}`}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{label}</Text>
          <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>
            Remove {label}
          </Button>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextField name={`${at}.name`} label="Name" description="Lower case, e.g. lb1" />
          <TextField name={`${at}.address`} label="SSH address" description="IP or DNS name the taskbox connects to" />
          <div>
            <TextField name={`${at}.ip`} label="IP in the masters' subnet" description="keepalived talks to the other LB hosts from it" />
            <FieldNotes path={`${at}.ip`} />
          </div>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberField name={`${at}.port`} label="SSH port" min={1} max={65535} clampBehavior="none" />
          <TextField name={`${at}.user`} label="SSH user" description="root, or a user with sudo" />
          <TextField
            name={`${at}.vrrpInterface`}
            label="VRRP interface"
            description="Empty: the one that holds its IP (preflight shows it)"
            placeholder="eth0"
          />
        </SimpleGrid>
        <SegmentedControl
          aria-label={`SSH authentication of ${label}`}
          data={AUTH_KINDS}
          value={host.auth.kind}
          onChange={(kind) => setValue(`${at}.auth`, authOf(kind), opts)}
          style={{ alignSelf: 'flex-start' }}
        />
        {errors
          .filter((e) => e.path === `${at}.auth`)
          .map((e) => (
            <Text key={e.code} size="sm" c="red" role="alert">
              {e.message}
            </Text>
          ))}
        {host.auth.kind === 'password' && <SecretField key={`lb-pw-${index}`} name={`${at}.auth.password`} label={`SSH password of ${label}`} />}
        {host.auth.kind === 'key' && (
          <>
            <SecretField
              key={`lb-key-${index}`}
              name={`${at}.auth.privateKey`}
              label={`Private key of ${label}`}
              description="PEM / OpenSSH private key"
              multiline
            />
            <SecretField
              key={`lb-pp-${index}`}
              name={`${at}.auth.passphrase`}
              label={`Key passphrase of ${label}`}
              description="Only if the key is encrypted"
            />
          </>
        )}
        {user !== 'root' && user !== '' && (
          <SecretField key={`lb-become-${index}`} name={`${at}.becomePassword`} label={`Sudo password of ${label}`} description={`sudo password of ${user}`} />
        )}
      </Stack>
    </Card>
  );
}
