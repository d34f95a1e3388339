'use client';

import Link from 'next/link';
import { Anchor, Badge, Button, Group, Text } from '@mantine/core';
import type { SaveStatus } from './use-autosave';

export function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  return (
    <Group gap="xs" role="status" aria-live="polite">
      {(status.kind === 'pending' || status.kind === 'saving') && (
        <Badge variant="light" color="gray">
          Saving…
        </Badge>
      )}
      {status.kind === 'saved' && (
        <Badge variant="light" color="teal">
          Saved
        </Badge>
      )}
      {status.kind === 'idle' && (
        <Text size="xs" c="dimmed">
          Drafts save automatically
        </Text>
      )}
      {status.kind === 'error' && (
        <>
          <Badge variant="light" color="red" title={status.message}>
            Save failed
          </Badge>
          <Text size="xs" c="red" maw={360} lineClamp={2}>
            {status.message}
          </Text>
          {status.run ? (
            <Anchor
              component={Link}
              href={`/installs/${encodeURIComponent(status.run.installId)}/runs/${encodeURIComponent(status.run.id)}`}
              size="xs"
              fw={600}
            >
              Open {status.run.label} →
            </Anchor>
          ) : null}
          <Button size="xs" variant="subtle" onClick={onRetry}>
            Retry
          </Button>
        </>
      )}
    </Group>
  );
}
