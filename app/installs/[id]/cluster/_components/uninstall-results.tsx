'use client';
/**
 * What the latest uninstall did on each host (server/operations/uninstall-results.ts): cleaned, or
 * not cleaned and why, with how to clean such a host by hand (or retry the uninstall's failed hosts
 * from its run once they are reachable again).
 */
import Link from 'next/link';
import { Alert, Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { ClusterView } from '@/lib/api/cluster';

export function UninstallResults({
  installId,
  results,
  cleanByHand,
}: {
  installId: string;
  results: NonNullable<ClusterView['uninstall']>;
  cleanByHand: string;
}) {
  const left = results.hosts.filter((h) => h.result !== 'cleaned');
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        Uninstall, host by host
      </Title>
      <Table striped aria-label="Uninstall results">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Host</Table.Th>
            <Table.Th>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {results.hosts.map((h) => (
            <Table.Tr key={h.host}>
              <Table.Td>{h.host}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={h.result === 'cleaned' ? 'green' : 'red'}>
                  {h.result === 'cleaned' ? 'cleaned' : 'not cleaned'}
                </Badge>{' '}
                <Text span size="sm">
                  {h.words}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {left.length > 0 ? (
        <Alert color="red" title={`Not cleaned: ${left.map((h) => h.host).join(', ')}`} data-testid="not-cleaned">
          <Text size="sm">{cleanByHand}</Text>
          <Text size="sm">
            Or, once {left.length === 1 ? 'it is' : 'they are'} reachable again, retry the failed hosts from{' '}
            <Anchor component={Link} href={`/installs/${encodeURIComponent(installId)}/runs/${encodeURIComponent(results.runId)}`}>
              the uninstall run
            </Anchor>
            .
          </Text>
        </Alert>
      ) : null}
    </Stack>
  );
}
