'use client';

/**
 * The internal load balancer's settings: the VIP and its subnet, HAProxy's listen port, the domain,
 * the VRRP router id (empty = derived from the VIP) and password, and the LB hosts.
 */
import { useController, useFormContext, useWatch } from 'react-hook-form';
import { Alert, Button, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { defaultLbHost } from '@/lib/config/piece-defaults';
import { defaultVirtualRouterId, INTERNAL_LB_CHECKS_NOTE } from '@/lib/config/internal-lb';
import type { InstallConfig } from '@/lib/config/schema';
import { NumberField, TextField } from '@/components/form/fields';
import { SecretField } from '@/components/form/secret-field';
import { LbHostFields } from './lb-host-fields';
import { useWizard } from './wizard-context';

/** The router id: empty means "derived from the VIP", shown as the placeholder. */
function RouterIdField({ vip }: { vip: string }) {
  const { control } = useFormContext<InstallConfig>();
  const { field, fieldState } = useController({ control, name: 'loadBalancer.virtualRouterId' });
  const value = typeof field.value === 'number' && !Number.isNaN(field.value) ? field.value : '';
  return (
    <NumberInput
      ref={field.ref}
      name={field.name}
      label="Virtual router id"
      description="1–255, unique on this network; empty = derived from the VIP"
      placeholder={String(defaultVirtualRouterId(vip))}
      allowDecimal={false}
      clampBehavior="none"
      value={value}
      onChange={(v) => field.onChange(v === '' ? null : typeof v === 'number' ? v : Number(v))}
      onBlur={field.onBlur}
      error={fieldState.error?.message}
    />
  );
}

export function InternalLbFields() {
  const { control, setValue, getValues } = useFormContext<InstallConfig>();
  const lb = useWatch({ control, name: 'loadBalancer' });
  const { errors } = useWizard();
  if (lb.kind !== 'internal') return null;
  const opts = { shouldDirty: true, shouldValidate: true } as const;
  const hosts = () => {
    const current = getValues('loadBalancer');
    return current.kind === 'internal' ? current.hosts : [];
  };

  return (
    <Stack gap="md">
      <Alert color="blue" title="What the host checks cover" data-testid="internal-lb-checks-note">
        {INTERNAL_LB_CHECKS_NOTE}
      </Alert>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField name="loadBalancer.vip" label="Virtual IP" description="A free IPv4 in the masters' subnet" placeholder="192.168.0.10" />
        <NumberField
          name="loadBalancer.prefixLength"
          label="Subnet prefix length"
          description="The masters' subnet: 24 for 255.255.255.0"
          min={1}
          max={32}
          clampBehavior="none"
        />
        <NumberField
          name="loadBalancer.port"
          label="Listen port"
          description="HAProxy on the VIP; not 6443 if masters are LB hosts"
          min={1}
          max={65535}
          clampBehavior="none"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField name="loadBalancer.domain" label="Domain" description="Internal name of the API endpoint" />
        <RouterIdField vip={lb.vip} />
        <SecretField name="loadBalancer.vrrpPassword" label="VRRP password" description="Up to 8 characters; kept encrypted, never shown" />
      </SimpleGrid>
      <Text fw={600}>LB hosts</Text>
      <Text size="sm" c="dimmed">
        Two or more machines that run HAProxy and keepalived; dedicated ones are best. They join no cluster group: the wizard logs in to them from the taskbox
        in their own stage, before the cluster is installed.
      </Text>
      {errors
        .filter((e) => e.path === 'loadBalancer.hosts')
        .map((e) => (
          <Text key={e.code} size="sm" c="red" role="alert">
            {e.message}
          </Text>
        ))}
      {lb.hosts.map((host, index) => (
        <LbHostFields
          key={index}
          index={index}
          onRemove={() =>
            setValue(
              'loadBalancer.hosts',
              hosts().filter((_, j) => j !== index),
              opts,
            )
          }
        />
      ))}
      <Button
        variant="light"
        style={{ alignSelf: 'flex-start' }}
        onClick={() => setValue('loadBalancer.hosts', [...hosts(), defaultLbHost({ name: `lb${hosts().length + 1}` })], opts)}
      >
        Add an LB host
      </Button>
    </Stack>
  );
}
