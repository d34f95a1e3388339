'use client';
/**
 * Host keys seen by preflight: fingerprints to compare with the machines, Trust for new/changed
 * keys, and "Trust all new keys" for the keys in state "new" as listed here. Each trust sends the
 * fingerprints shown, so the server trusts nothing the operator did not see; keys it skipped
 * (changed since shown, no longer new, gone) are listed with why. A changed key is never part of
 * "Trust all": it is accepted on its own row, where its old and new fingerprints are shown.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { HostKeyView, ShownHostKey, SkippedHostKey } from '@/lib/api/preflight';
import { ConfirmModal } from '@/components/confirm-modal';

const COLOR = { new: 'blue', trusted: 'teal', changed: 'red' } as const;

const byHost = (a: HostKeyView, b: HostKeyView) => a.host.localeCompare(b.host, undefined, { numeric: true });

/** Why "Trust all new keys" left a key alone, in the operator's words. */
export function skippedReason(s: SkippedHostKey): string {
  switch (s.reason) {
    case 'changed-since-shown':
      return `its key is no longer the one shown (${s.fingerprint}); it is now ${s.currentFingerprint ?? 'another key'}: compare it with the machine, then trust it on its row`;
    case 'not-new':
      if (s.state === 'changed') return 'the host now presents a different key: compare it with the machine, then accept it on its row';
      return s.state === 'trusted' ? 'it was already trusted' : 'it is no longer a new key';
    case 'unknown-host':
      return 'no key is recorded for this host any more: check the hosts again';
  }
}

interface Props {
  keys: HostKeyView[];
  /** `fingerprint` is the one shown on the row: the key's, or for a changed key the one it now presents. */
  onTrust: (key: ShownHostKey) => void;
  /** The "new" keys as this panel lists them. */
  onTrustAllNew: (shown: ShownHostKey[]) => void;
  /** The host whose key is being trusted, or "*" while all new keys are. */
  busyHost?: string;
  /** Keys the last "Trust all new keys" did not trust. */
  skipped?: SkippedHostKey[];
  onDismissSkipped?: () => void;
}

export function HostKeyPanel({ keys, onTrust, onTrustAllNew, busyHost, skipped = [], onDismissSkipped }: Props) {
  const [changing, setChanging] = useState<HostKeyView | null>(null);
  if (keys.length === 0 && skipped.length === 0) return null;
  const sorted = [...keys].sort(byHost); // lab2 before lab10
  const shownNew = sorted.filter((k) => k.state === 'new').map(({ host, fingerprint, address }) => ({ host, fingerprint, address }));
  const fresh = shownNew.length;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>Host keys</Title>
          {fresh > 0 && (
            <Button
              size="xs"
              variant="light"
              loading={busyHost === '*'}
              disabled={busyHost !== undefined && busyHost !== '*'}
              onClick={() => onTrustAllNew(shownNew)}
            >
              Trust all new keys ({fresh})
            </Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Compare each fingerprint with the machine (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) before trusting it. A changed key fails the SSH check
          until you accept it.
        </Text>
        {skipped.length > 0 && (
          <Alert
            color="yellow"
            title="Some keys were not trusted"
            withCloseButton={onDismissSkipped !== undefined}
            onClose={onDismissSkipped}
            data-testid="host-keys-skipped"
          >
            <List size="sm">
              {skipped.map((s, i) => (
                <List.Item key={`${s.host}-${i}`}>
                  <Text span fw={600} size="sm">
                    {s.host}
                  </Text>
                  : {skippedReason(s)}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Table.ScrollContainer minWidth={560}>
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
                      <Code>
                        {k.algorithm} {k.fingerprint}
                      </Code>
                      {k.pendingFingerprint && (
                        <Text size="xs" c="red">
                          now presents: <Code>{k.pendingFingerprint}</Code>
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={COLOR[k.state]} variant={k.state === 'changed' ? 'filled' : 'light'}>
                      {k.state}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {k.state !== 'trusted' && (
                      <Button
                        size="xs"
                        variant={k.state === 'changed' ? 'filled' : 'light'}
                        color={k.state === 'changed' ? 'red' : undefined}
                        loading={busyHost === k.host}
                        disabled={busyHost === '*'}
                        onClick={() =>
                          k.state === 'changed'
                            ? setChanging(k)
                            : onTrust({ host: k.host, fingerprint: k.pendingFingerprint ?? k.fingerprint, address: k.address })
                        }
                        aria-label={`Trust the host key of ${k.host}`}
                      >
                        {k.state === 'changed' ? 'Accept new key' : 'Trust'}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
      <ConfirmModal
        opened={changing !== null}
        title={`Accept the new host key of ${changing?.host ?? ''}?`}
        confirmLabel="Accept new key"
        keepLabel="Keep the old key"
        onConfirm={() =>
          changing && onTrust({ host: changing.host, fingerprint: changing.pendingFingerprint ?? changing.fingerprint, address: changing.address })
        }
        onClose={() => setChanging(null)}
      >
        A changed key means the machine was reinstalled, or someone is between the wizard and the host. Accept it only if the machine shows this fingerprint
        (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub):
        <Code block mt="xs">
          {changing?.pendingFingerprint ?? changing?.fingerprint}
        </Code>
        It was <Code>{changing?.fingerprint}</Code>.
      </ConfirmModal>
    </Paper>
  );
}
