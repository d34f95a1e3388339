'use client';
/**
 * Host keys seen by preflight: fingerprints to compare with the machines, Trust for new/changed
 * keys, and "Trust all new keys" for every key in state "new". A changed key is never part of it:
 * it is accepted on its own row, where its old and new fingerprints are shown.
 */
import { Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { HostKeyView } from '@/server/preflight/host-keys';

const COLOR = { new: 'blue', trusted: 'teal', changed: 'red' } as const;

const byHost = (a: HostKeyView, b: HostKeyView) => a.host.localeCompare(b.host, undefined, { numeric: true });

interface Props {
  keys: HostKeyView[];
  onTrust: (host: string) => void;
  onTrustAllNew: () => void;
  /** The host whose key is being trusted, or "*" while all new keys are. */
  busyHost?: string;
}

export function HostKeyPanel({ keys, onTrust, onTrustAllNew, busyHost }: Props) {
  if (keys.length === 0) return null;
  const sorted = [...keys].sort(byHost); // lab2 before lab10
  const fresh = keys.filter((k) => k.state === 'new').length;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Host keys</Title>
          {fresh > 0 && (
            <Button size="xs" variant="light" loading={busyHost === '*'} disabled={busyHost !== undefined && busyHost !== '*'} onClick={onTrustAllNew}>
              Trust all new keys ({fresh})
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Compare each fingerprint with the machine (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before trusting it. A changed key fails the SSH check until you accept it.
        </Text>
        <Table aria-label="Host keys" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Host</Table.Th>
              <Table.Th>Fingerprint</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th aria-label="actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((k) => (
              <Table.Tr key={k.host}>
                <Table.Td>{k.host}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Code>{k.algorithm} {k.fingerprint}</Code>
                    {k.pendingFingerprint && <Text size="xs" c="red">now presents: <Code>{k.pendingFingerprint}</Code></Text>}
                  </Stack>
                </Table.Td>
                <Table.Td><Badge color={COLOR[k.state]} variant={k.state === 'changed' ? 'filled' : 'light'}>{k.state}</Badge></Table.Td>
                <Table.Td>
                  {k.state !== 'trusted' && (
                    <Button size="xs" variant={k.state === 'changed' ? 'filled' : 'light'} color={k.state === 'changed' ? 'red' : undefined} loading={busyHost === k.host} disabled={busyHost === '*'} onClick={() => onTrust(k.host)} aria-label={`Trust the host key of ${k.host}`}>
                      {k.state === 'changed' ? 'Accept new key' : 'Trust'}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
