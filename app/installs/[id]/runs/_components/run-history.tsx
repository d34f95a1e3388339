'use client';
/**
 * An install's runs, newest first, each retry linked to the run it continues. A new install starts
 * from the host checks page (the install gate), linked here.
 */
import { useEffect, useState } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { api } from '@/components/api';
import type { RunSummary } from '@/lib/api/runs';
import { summaryStageLabels } from '@/lib/runs/status-labels';
import { statusColor } from '@/lib/status-colors';
import { modeWords, runDuration, runNumbers } from '@/lib/runs/run-names';

/** e.g. "kubernetes: failed · kubesphere: not run" */
function stagesLine(run: RunSummary): string {
  const labels = summaryStageLabels(
    run.status,
    run.stages.map((s) => s.status),
  );
  return run.stages.map((s, i) => `${s.name}: ${labels[i] ?? s.status}`).join(' · ');
}

/** `initial`: the runs as the server rendered them (null for an unknown install); fetched again on arrival, as a page restored by Back may be older. */
export function RunHistory({ installId, installName, initial }: { installId: string; installName: string | null; initial: RunSummary[] | null }) {
  const [runs, setRuns] = useState<RunSummary[] | null>(initial);
  const [error, setError] = useState<string | null>(null);
  const numbers = runNumbers(runs ?? []);
  // times are written in the browser's clock and time zone, after hydration (the server's differ)
  const [now, setNow] = useState<number | null>(null);

  useEffect(() => {
    setNow(Date.now());
    void api('GET /api/installs/:id/runs', { params: { id: installId } }).then((r) => (r.ok ? setRuns(r.data) : setError(r.message)));
  }, [installId]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h3">
          {installName ? `Install runs: ${installName}` : 'Install runs'}
        </Title>
        <Group gap="sm">
          <Anchor component={Link} href={`/installs/${installId}`} size="sm">
            Back to the wizard
          </Anchor>
          <Anchor component={Link} href={`/installs/${installId}/cluster`} size="sm">
            The cluster (nodes, operations)
          </Anchor>
          <Button component={Link} href={`/installs/${installId}/preflight`}>
            Check the hosts and install →
          </Button>
        </Group>
      </Group>
      {error ? <Alert color="red">{error}</Alert> : null}
      <Table.ScrollContainer minWidth={560}>
        <Table striped aria-label="Runs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Run</Table.Th>
              <Table.Th>What it did</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Stages</Table.Th>
              <Table.Th>Continues</Table.Th>
              <Table.Th>Started</Table.Th>
              <Table.Th>Took</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(runs ?? []).map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} href={`/installs/${installId}/runs/${r.id}`}>
                    Run {numbers.get(r.id)}
                  </Anchor>
                </Table.Td>
                <Table.Td>{modeWords(r.mode)}</Table.Td>
                <Table.Td>
                  <Badge color={statusColor('run', r.status)} variant="light">
                    {r.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{stagesLine(r)}</Text>
                </Table.Td>
                <Table.Td>{r.parentRunId ? `Run ${numbers.get(r.parentRunId) ?? '?'}` : '—'}</Table.Td>
                <Table.Td>{now === null ? '' : new Date(r.createdAt).toLocaleString()}</Table.Td>
                <Table.Td>{now === null ? '' : runDuration(r, now)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
