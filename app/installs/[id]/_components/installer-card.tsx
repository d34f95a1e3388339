'use client';

/**
 * Installer settings: the profile, the bundle path on the machine that runs the installer, and that
 * machine: the taskbox host (as the docs) or another machine the wizard logs in to over SSH. Its
 * fields bind to `installer.machine.*`, so rule errors show at them; switching to another machine
 * unmarks the taskbox host (the rules allow none then) and switching back marks it again.
 */
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { endpointOf } from '@/lib/config/endpoint';
import { Card, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { defaultExternalInstallerMachine } from '@/lib/config/piece-defaults';
import { leniencyOf } from '@/lib/config/profile-leniency';
import type { InstallConfig } from '@/lib/config/schema';
import { NumberField, SelectField, TextField } from '@/components/form/fields';
import { SecretField } from '@/components/form/secret-field';
import { AUTH_KINDS, authOf } from './auth-kinds';
import { copySourceFromHosts } from './copy-source';
import { useWizard } from './wizard-context';

const PROFILES = [
  { value: 'kubesphere-2.0.2', label: 'kubesphere-2.0.2 · the real bundle' },
  { value: 'lab', label: 'lab · stand-in for tests' },
  { value: 'lab-core', label: "lab-core · stand-in for tests, with the taskbox's ansible-core" },
];

const MACHINE_KINDS = [
  { value: 'taskbox', label: 'The taskbox host (recommended, as the docs)' },
  { value: 'external', label: 'Another machine (SSH)' },
];

export function InstallerCard() {
  const { control, setValue, getValues } = useFormContext<InstallConfig>();
  const profile = useWatch({ control, name: 'installer.profile' });
  const machine = useWatch({ control, name: 'installer.machine' });
  const hosts = useWatch({ control, name: 'hosts' });
  const { errors } = useWizard();
  // the host this card unmarked when switching to another machine, marked again when switching back
  const [unmarked, setUnmarked] = useState<string | null>(null);
  const opts = { shouldDirty: true, shouldValidate: true } as const;
  const taskbox = hosts.find((h) => h.taskbox);

  const switchTo = (kind: string) => {
    const current = getValues('hosts');
    if (kind === 'external') {
      const marked = current.findIndex((h) => h.taskbox);
      setUnmarked(current[marked]?.name ?? null);
      current.forEach((h, i) => {
        if (h.taskbox) setValue(`hosts.${i}.taskbox`, false, opts);
      });
      setValue('installer.machine', defaultExternalInstallerMachine(), opts);
      return;
    }
    const again = current.findIndex((h) => h.name !== '' && h.name === unmarked);
    if (again >= 0 && !current.some((h) => h.taskbox)) setValue(`hosts.${again}.taskbox`, true, opts);
    setValue('installer.machine', { kind: 'taskbox' }, opts);
  };

  return (
    <Card withBorder>
      <Text fw={600} mb="sm">
        Installer
      </Text>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectField name="installer.profile" label="Installer profile" data={PROFILES} />
          <TextField
            name="installer.bundlePath"
            label="Bundle path"
            description={
              leniencyOf(profile).standInBundle
                ? 'Path of the unpacked bundle on the taskbox; empty = the lab stand-in'
                : 'Path of the unpacked kubesphere-all-advanced-2.0.2 on the taskbox, where the docs unpack it (empty = default)'
            }
          />
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500} mb={4} id="installer-machine-label">
            Run the installer on
          </Text>
          <SegmentedControl aria-labelledby="installer-machine-label" data={MACHINE_KINDS} value={machine.kind} onChange={switchTo} />
        </div>
        {machine.kind === 'taskbox' ? (
          <Text size="sm" c="dimmed">
            {taskbox
              ? `${taskbox.name || 'The taskbox'}: the wizard logs in to it with its login from the Hosts step and runs the installer there.`
              : 'No host is the taskbox yet: mark the one that runs the installer on the Hosts step (master1 in the docs).'}
          </Text>
        ) : (
          <ExternalMachineFields />
        )}
      </Stack>
      {errors
        .filter((e) => e.path === 'installer.machine.auth')
        .map((e) => (
          <Text key={e.code} size="sm" c="red" role="alert" mt="xs">
            {e.message}
          </Text>
        ))}
    </Card>
  );
}

/** The SSH login of an installer machine outside the cluster; every cluster host is then an SSH host in hosts.ini. */
function ExternalMachineFields() {
  const { control, setValue } = useFormContext<InstallConfig>();
  const machine = useWatch({ control, name: 'installer.machine' });
  const machineEndpoint = machine.kind === 'external' ? endpointOf(machine) : undefined;
  const hosts = useWatch({ control, name: 'hosts' });
  if (machine.kind !== 'external') return null;
  const user = machine.user.trim();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        The wizard logs in to this machine over SSH and runs the installer there; it reaches every cluster host over SSH. It may be this wizard&apos;s own
        machine, by its SSH address.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextField name="installer.machine.address" label="Installer SSH address" description="IP or DNS name the wizard logs in to" />
        <NumberField name="installer.machine.port" label="Installer SSH port" min={1} max={65535} />
        <TextField name="installer.machine.user" label="Installer SSH user" description="root, or a user with sudo" />
      </SimpleGrid>
      <SegmentedControl
        aria-label="Installer SSH authentication"
        data={AUTH_KINDS}
        value={machine.auth.kind}
        onChange={(kind) => setValue('installer.machine.auth', authOf(kind), { shouldDirty: true, shouldValidate: true })}
        style={{ alignSelf: 'flex-start' }}
      />
      {machine.auth.kind === 'password' && (
        <SecretField
          key="installer-pw"
          name="installer.machine.auth.password"
          label="Installer SSH password"
          copySource={copySourceFromHosts(hosts, 'password')}
          endpoint={machineEndpoint}
        />
      )}
      {machine.auth.kind === 'key' && (
        <>
          <SecretField
            key="installer-key"
            name="installer.machine.auth.privateKey"
            label="Installer private key"
            description="PEM / OpenSSH private key"
            multiline
            copySource={copySourceFromHosts(hosts, 'privateKey')}
            endpoint={machineEndpoint}
          />
          <SecretField
            key="installer-pp"
            name="installer.machine.auth.passphrase"
            label="Installer key passphrase"
            description="Only if the key is encrypted"
            copySource={copySourceFromHosts(hosts, 'passphrase')}
            endpoint={machineEndpoint}
          />
        </>
      )}
      {user !== 'root' && user !== '' && (
        <SecretField
          key="installer-become"
          name="installer.machine.becomePassword"
          label="Installer sudo password"
          description={`sudo password of ${user}`}
          copySource={copySourceFromHosts(hosts, 'becomePassword')}
          endpoint={machineEndpoint}
        />
      )}
    </Stack>
  );
}
