'use client';
/**
 * A day-2 operation runs on this install: its settings are read only until it ends (the server
 * refuses edits meanwhile, 409), and the operator can open the run.
 */
import Link from 'next/link';
import { Alert, Anchor, Text } from '@mantine/core';
import type { ActiveOperation } from '@/lib/api/cluster';

const DOING: Record<ActiveOperation['operation'], string> = {
  'add-nodes': 'adding workers to',
  'remove-node': 'removing a worker from',
  uninstall: 'uninstalling',
};

export function OperationRunningNotice({ installId, operation }: { installId: string; operation: ActiveOperation }) {
  return (
    <Alert color="yellow" title={`${operation.label} is ${DOING[operation.operation]} this cluster`} data-testid="operation-running">
      <Text size="sm">
        The settings are read only until it ends: the operation works from the hosts as they are now and settles them when it ends.{' '}
        <Anchor component={Link} href={`/installs/${encodeURIComponent(installId)}/runs/${encodeURIComponent(operation.runId)}`} fw={600}>
          Open {operation.label} →
        </Anchor>
      </Text>
    </Alert>
  );
}
