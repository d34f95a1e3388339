'use client';
/**
 * What the server refused, as it wrote it, with a link to the run the refusal names (if any): an
 * operator told "Run 3 is still active" can open Run 3 from here.
 */
import Link from 'next/link';
import { Alert, Anchor, Text } from '@mantine/core';
import type { ApiRefusedRun } from './api';

export interface Refusal {
  message: string;
  run?: ApiRefusedRun;
}

export function RefusalAlert({ title, refusal }: { title: string; refusal: Refusal }) {
  const { run } = refusal;
  return (
    <Alert color="red" title={title} role="alert" style={{ whiteSpace: 'pre-line' }} data-testid="refusal">
      <Text size="sm">{refusal.message}</Text>
      {run ? (
        <Anchor component={Link} href={`/installs/${encodeURIComponent(run.installId)}/runs/${encodeURIComponent(run.id)}`} size="sm" fw={600}>
          Open {run.label} →
        </Anchor>
      ) : null}
    </Alert>
  );
}
