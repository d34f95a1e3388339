'use client';

import { useContext } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { endpointOf } from '@/lib/config/endpoint';
import { Button, Divider, Drawer, Group, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import type { Host, InstallConfig } from '@/lib/config/schema';
import { NumberField, SwitchField, TextField } from '@/components/form/fields';
import { SecretField } from '@/components/form/secret-field';
import { QuietErrors } from '@/components/form/quiet-errors';
import { isBlankHost } from '@/lib/config/piece-defaults';
import { AUTH_KINDS, authOf } from './auth-kinds';
import { copySourceFor } from './copy-source';
import { FieldNotes } from './field-notes';
import { useWizard } from './wizard-context';

export interface HostEditorProps {
  index: number | null;
  onClose: () => void;
}

/** Edits hosts[index] in place: every keystroke is the form's, so errors and autosave are live. */
export function HostEditor({ index, onClose }: HostEditorProps) {
  const { control, setValue, getValues } = useFormContext<InstallConfig>();
  const hosts = useWatch({ control, name: 'hosts' });
  const { errors } = useWizard();
  const quiet = useContext(QuietErrors);
  const host: Host | undefined = index === null ? undefined : hosts[index];
  const endpoint = host ? endpointOf(host) : undefined;
  const opts = { shouldDirty: true, shouldValidate: true } as const;

  return (
    <Drawer opened={host !== undefined} onClose={onClose} position="right" size="lg" title={host ? `Host ${host.name || (index ?? 0) + 1}` : 'Host'}>
      {host && index !== null && (
        <Stack gap="md">
          <TextField
            name={`hosts.${index}.name`}
            label="Name"
            description="Inventory name, lower case (e.g. master1); the host is renamed to it"
            data-autofocus
          />
          <SimpleGrid cols={2}>
            <div>
              <TextField
                name={`hosts.${index}.address`}
                label="SSH address"
                description={host.taskbox ? 'IP or DNS name the wizard logs in to, to run the installer here' : 'IP or DNS name the installer connects to'}
              />
              <FieldNotes path={`hosts.${index}.address`} />
            </div>
            <Stack gap={4}>
              <TextField name={`hosts.${index}.ip`} label="Internal IP" description="IPv4 the cluster binds to" />
              <Button
                size="compact-xs"
                variant="subtle"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setValue(`hosts.${index}.ip`, getValues(`hosts.${index}.address`), opts)}
              >
                Same as SSH address
              </Button>
              <FieldNotes path={`hosts.${index}.ip`} />
            </Stack>
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <NumberField name={`hosts.${index}.port`} label="SSH port" min={1} max={65535} />
            <TextField name={`hosts.${index}.user`} label="SSH user" description="root, or a user with sudo" />
          </SimpleGrid>
          <SwitchField
            name={`hosts.${index}.taskbox`}
            label="Taskbox"
            description="The installer runs on this host (ansible_connection=local in hosts.ini); the wizard logs in to it over SSH with the login below. Only one host can be the taskbox."
            onToggle={(on) => {
              if (!on) return;
              getValues('hosts').forEach((h, j) => {
                if (j !== index && h.taskbox) setValue(`hosts.${j}.taskbox`, false, opts);
              });
            }}
          />
          <Divider label="SSH credential" labelPosition="left" />
          {host.taskbox && (
            <Text size="sm" c="dimmed">
              The wizard logs in to the taskbox with this login to run the installer there; hosts.ini still says ansible_connection=local for it, as the docs
              show.
            </Text>
          )}
          <SegmentedControl
            aria-label="SSH authentication"
            data={AUTH_KINDS}
            value={host.auth.kind}
            onChange={(kind) => setValue(`hosts.${index}.auth`, authOf(kind), opts)}
          />
          {errors
            .filter((e) => e.path === `hosts.${index}.auth` && !(quiet && isBlankHost(host)))
            .map((e) => (
              <Text key={e.code} size="sm" c="red" role="alert">
                {e.message}
              </Text>
            ))}
          {host.auth.kind === 'password' && (
            <SecretField
              key={`pw-${index}`}
              name={`hosts.${index}.auth.password`}
              label="SSH password"
              copySource={copySourceFor(hosts, index, 'password')}
              endpoint={endpoint}
            />
          )}
          {host.auth.kind === 'key' && (
            <>
              <SecretField
                key={`key-${index}`}
                name={`hosts.${index}.auth.privateKey`}
                label="Private key"
                description="PEM / OpenSSH private key"
                multiline
                copySource={copySourceFor(hosts, index, 'privateKey')}
                endpoint={endpoint}
              />
              <SecretField
                key={`pp-${index}`}
                name={`hosts.${index}.auth.passphrase`}
                label="Key passphrase"
                description="Only if the key is encrypted"
                copySource={copySourceFor(hosts, index, 'passphrase')}
                endpoint={endpoint}
              />
            </>
          )}
          {host.user.trim() !== 'root' && host.user.trim() !== '' && (
            <SecretField
              key={`become-${index}`}
              name={`hosts.${index}.becomePassword`}
              label="Become (sudo) password"
              description={`sudo password of ${host.user}`}
              copySource={copySourceFor(hosts, index, 'becomePassword')}
              endpoint={endpoint}
            />
          )}
          <Group justify="flex-end" mt="md">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
