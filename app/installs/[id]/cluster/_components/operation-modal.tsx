'use client';
/**
 * The confirmation of one day-2 operation: what it will do, in the docs' words, and what the operator
 * must type (a host's name to remove it, the install's name to uninstall) or tick (an add). The
 * server checks the same confirmation (422 otherwise), so this is never the only guard.
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { Modal } from '@/components/lazy-overlay';
import { api } from '@/components/api';

export type OperationAsk =
  | { kind: 'add-nodes'; hosts: string[]; effect: string }
  | { kind: 'remove-node'; hosts: string[] }
  | { kind: 'uninstall'; installName: string; deletes: readonly string[] };

export function OperationModal({
  installId,
  ask,
  onClose,
  onStarted,
}: {
  installId: string;
  ask: OperationAsk;
  onClose: () => void;
  onStarted: (runId: string) => void;
}) {
  const [typed, setTyped] = useState('');
  const [ticked, setTicked] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const expected = ask.kind === 'remove-node' ? ask.hosts.join(',') : ask.kind === 'uninstall' ? ask.installName : null;
  const ready = expected === null ? ticked : typed === expected;

  async function start() {
    setBusy(true);
    setError(null);
    const body = {
      kind: ask.kind,
      ...(ask.kind === 'uninstall' ? {} : { hosts: ask.hosts }),
      confirm: expected ?? true,
      ...(ask.kind === 'add-nodes' ? { acknowledgeWarnings: true } : {}),
    };
    const r = await api('POST /api/installs/:id/operations', { params: { id: installId }, body });
    setBusy(false);
    if (r.ok) onStarted(r.data.runId);
    else setError(r.message);
  }

  const title =
    ask.kind === 'add-nodes'
      ? `Add ${ask.hosts.join(', ')} as workers`
      : ask.kind === 'remove-node'
        ? `Remove ${ask.hosts.join(', ')}`
        : `Uninstall ${ask.installName}`;
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack>
        {ask.kind === 'add-nodes' ? <Alert color="yellow">{ask.effect}</Alert> : null}
        {ask.kind === 'remove-node' ? (
          <Text size="sm">
            remove-node.yml drains {ask.hosts.join(', ')}, deletes it from the cluster and resets the host (its containers and Kubernetes files are removed).
            The host leaves the configuration only when this succeeds.
          </Text>
        ) : null}
        {ask.kind === 'uninstall' ? (
          <>
            <Text size="sm">reset.yml runs on every host and:</Text>
            <List size="sm">
              {ask.deletes.map((d) => (
                <List.Item key={d}>{d}</List.Item>
              ))}
            </List>
          </>
        ) : null}
        {expected === null ? (
          <Checkbox label="I have read what this does to the existing nodes" checked={ticked} onChange={(e) => setTicked(e.currentTarget.checked)} />
        ) : (
          <TextInput label={`Type ${expected} to confirm`} value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
        )}
        {error ? <Alert color="red">{error}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={ask.kind === 'add-nodes' ? 'blue' : 'red'} disabled={!ready} loading={busy} onClick={() => void start()}>
            {ask.kind === 'add-nodes' ? 'Add the workers' : ask.kind === 'remove-node' ? 'Remove' : 'Uninstall'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
