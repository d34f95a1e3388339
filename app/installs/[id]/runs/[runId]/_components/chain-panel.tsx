'use client';
/**
 * Where the install stands beyond this run (its run chain: the first run and every retry) and the
 * retries that continue it, each saying what it will run before it runs. The words come from the
 * server's planner (RunView.chain / RunView.actions), so a button does what it says.
 */
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { RetryAction, RunView } from '@/lib/api/runs';

export function ChainBanner({ view }: { view: RunView }) {
  const chain = view.chain;
  if (!chain || view.status === 'queued' || view.status === 'running') return null;
  if (chain.complete) {
    return (
      <Alert color="teal" title="The install is complete" data-testid="chain-state" data-complete="true">
        Every stage of the install has succeeded on every host{chain.runIds.length > 1 ? ` over ${chain.runIds.length} runs` : ''}.
      </Alert>
    );
  }
  const succeeded = view.status === 'succeeded';
  return (
    <Alert
      color={succeeded ? 'yellow' : 'red'}
      title={succeeded ? 'This run succeeded; the install is not finished' : 'The install is not finished'}
      data-testid="chain-state"
      data-complete="false"
    >
      <Stack gap={4}>
        {chain.thisRunDid ? <Text size="sm">This run got through: {chain.thisRunDid}.</Text> : null}
        <Text size="sm" fw={500}>
          The install still needs: {chain.stillNeeds}.
        </Text>
      </Stack>
    </Alert>
  );
}

function words(action: RetryAction): { label: string; says: string } {
  if (action.mode === 'resume') {
    return { label: 'Finish the install', says: `Runs ${action.does}.${action.leaves.length === 0 ? ' This finishes the install.' : ''}` };
  }
  const after = action.leaves.length > 0 ? ` The install will still need ${action.leaves.join(', ')} afterwards.` : ' This finishes the install.';
  return { label: 'Retry failed only', says: `Runs ${action.does} only.${after}` };
}

export function RetryActions({ actions, busy, onRetry }: { actions: RetryAction[]; busy: boolean; onRetry: (mode: RetryAction['mode']) => void }) {
  if (actions.length === 0) return null;
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        {actions.map((action, i) => {
          const { label, says } = words(action);
          const descId = `retry-${action.mode}-says`;
          return (
            <Group key={action.mode} gap="sm" wrap="nowrap" align="center">
              <Button variant={i === 0 ? 'filled' : 'light'} loading={busy} onClick={() => onRetry(action.mode)} aria-describedby={descId} miw={170}>
                {label}
              </Button>
              <Text size="sm" id={descId} data-testid={descId}>
                {says}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
