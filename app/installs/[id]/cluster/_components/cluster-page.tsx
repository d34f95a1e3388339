'use client';
/**
 * An installed install's own page: its nodes (roles, state, last operation), the certificates'
 * expiry read from the masters (on demand: it logs in to each), the operations it has had, the docs'
 * high-risk notes, and the day-2 operations, each behind its confirmation (operation-modal.tsx).
 */
import { useCallback, useEffect, useState } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Alert, Anchor, Badge, Button, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { api } from '@/components/api';
import type { CertExpiry, ClusterView } from '@/lib/api/cluster';
import { statusColor } from '@/lib/status-colors';
import { OperationModal, type OperationAsk } from './operation-modal';
import { UninstallResults } from './uninstall-results';

const OPERATION_WORDS: Record<string, string> = { install: 'Install', 'add-nodes': 'Add workers', 'remove-node': 'Remove', uninstall: 'Uninstall' };
const CERT_COLOR: Record<CertExpiry['status'], string> = { ok: 'green', warn: 'yellow', expired: 'red', unknown: 'gray' };

export function ClusterPage({ installId, installName }: { installId: string; installName: string | null }) {
  const router = useRouter();
  const [view, setView] = useState<ClusterView | null>(null);
  const [certs, setCerts] = useState<CertExpiry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ask, setAsk] = useState<OperationAsk | null>(null);

  const load = useCallback(
    async (certificates: boolean) => {
      const r = await api('GET /api/installs/:id/cluster', { params: { id: installId }, query: certificates ? { certificates: '1' } : undefined });
      if (!r.ok) return setError(r.message);
      setView(r.data);
      if (r.data.certificates) setCerts(r.data.certificates);
    },
    [installId],
  );

  useEffect(() => {
    void load(false);
  }, [load]);

  if (!view) return error ? <Alert color="red">{error}</Alert> : <Text>Loading…</Text>;
  const uninstalled = view.status === 'uninstalled';
  const newHosts = view.nodes.filter((n) => !n.joined).map((n) => n.name);
  const removable = (n: ClusterView['nodes'][number]) => !uninstalled && n.roles.length === 1 && n.roles[0] === 'worker';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">{`Cluster: ${installName ?? view.name}`}</Title>
        <Group gap="sm">
          <Badge variant="light" color={statusColor('install', view.status)}>
            {view.status}
          </Badge>
          <Anchor component={Link} href={`/installs/${installId}`} size="sm">
            The hosts and settings
          </Anchor>
          <Anchor component={Link} href={`/installs/${installId}/runs`} size="sm">
            All runs
          </Anchor>
        </Group>
      </Group>
      {error ? <Alert color="red">{error}</Alert> : null}
      {uninstalled ? <Alert color="gray">This install was uninstalled. Its history stays; its hosts are free for a new install.</Alert> : null}
      {view.uninstall ? <UninstallResults installId={installId} results={view.uninstall} cleanByHand={view.cleanByHand} /> : null}

      <Table striped aria-label="Nodes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Node</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Last operation</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.nodes.map((n) => (
            <Table.Tr key={n.name}>
              <Table.Td>
                {n.name}{' '}
                <Text span size="xs" c="dimmed">
                  {n.address}
                </Text>
                {n.joined ? null : (
                  <Badge ml="xs" size="xs" variant="outline">
                    not in the cluster
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{n.roles.join(', ')}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusColor('node', n.state)}>
                  {n.state}
                </Badge>{' '}
                <Text span size="xs" c="dimmed">
                  {n.stateNote}
                </Text>
              </Table.Td>
              <Table.Td>
                {n.lastOperation ? (
                  <Anchor component={Link} href={`/installs/${installId}/runs/${n.lastOperation.runId}`} size="sm">
                    {OPERATION_WORDS[n.lastOperation.operation]} ({n.lastOperation.status})
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {removable(n) ? (
                  <Button size="xs" variant="subtle" color="red" onClick={() => setAsk({ kind: 'remove-node', hosts: [n.name] })}>
                    Remove…
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      {!uninstalled ? (
        <Group>
          <Button disabled={newHosts.length === 0} onClick={() => setAsk({ kind: 'add-nodes', hosts: newHosts, effect: view.addNodesEffect })}>
            {newHosts.length > 0 ? `Add ${newHosts.join(', ')}…` : 'Add workers (add them to the hosts first)'}
          </Button>
          <Button variant="default" onClick={() => void load(true)}>
            Read the certificates' expiry
          </Button>
          <Button color="red" variant="outline" onClick={() => setAsk({ kind: 'uninstall', installName: view.name, deletes: view.uninstallDeletes })}>
            Uninstall…
          </Button>
        </Group>
      ) : null}

      {certs ? (
        <Stack gap="xs" aria-label="Certificates">
          {certs.map((c) => (
            <Alert key={c.host} color={CERT_COLOR[c.status]} title={c.notAfter ? `${c.host}: expires ${c.notAfter.slice(0, 10)}` : c.host}>
              {c.message}
            </Alert>
          ))}
        </Stack>
      ) : null}

      <Title order={2} size="h4">
        Operations
      </Title>
      <Table striped aria-label="Operations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Operation</Table.Th>
            <Table.Th>Hosts</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.operations.map((o) => (
            <Table.Tr key={o.runId}>
              <Table.Td>
                <Anchor component={Link} href={`/installs/${installId}/runs/${o.runId}`} size="sm">
                  {new Date(o.createdAt).toLocaleString()}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {OPERATION_WORDS[o.operation]}
                {o.parentRunId ? ' (retry)' : ''}
              </Table.Td>
              <Table.Td>{o.targets.length > 0 ? o.targets.join(', ') : 'all'}</Table.Td>
              <Table.Td>
                <Badge color={statusColor('run', o.status)} variant="light">
                  {o.status}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>

      <Title order={2} size="h4">
        High-risk operations
      </Title>
      <List size="sm">
        {view.highRisk.map((h) => (
          <List.Item key={h}>{h}</List.Item>
        ))}
      </List>
      <Text size="xs" c="dimmed">
        A host an uninstall could not reach: {view.cleanByHand}
      </Text>

      {ask ? (
        <OperationModal
          installId={installId}
          ask={ask}
          onClose={() => setAsk(null)}
          onStarted={(runId) => router.push(`/installs/${installId}/runs/${runId}`)}
        />
      ) : null}
    </Stack>
  );
}
