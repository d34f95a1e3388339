'use client';
/** Stage timeline: one row per stage with its state, duration and (while running) live elapsed time. */
import { memo } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { StageView } from '@/lib/api/runs';
import { NOT_RUN, stageStatusLabel } from '@/lib/runs/status-labels';
import { statusColor } from '@/lib/status-colors';
import { formatDuration } from '@/lib/runs/format-duration';

/** `now` null: not yet in the browser (server render, hydration), where a running stage's time is left out. */
export function stageDuration(s: StageView, now: number | null): string {
  if (!s.startedAt) return '—';
  if (!s.finishedAt && now === null) return '';
  const end = s.finishedAt ? Date.parse(s.finishedAt) : (now ?? 0);
  return formatDuration(end - Date.parse(s.startedAt));
}

function StageRow({ stage: s, phase, now }: { stage: StageView; phase: string | null; now: number | null }) {
  const label = stageStatusLabel(s.status, s.startedAt);
  return (
    <Group justify="space-between" data-testid={`stage-${s.name}`} data-status={s.status}>
      <Group gap="xs">
        <Badge color={statusColor('run', label)} variant={s.status === 'running' ? 'filled' : 'light'} w={100}>
          {label}
        </Badge>
        <Text fw={500}>{s.label}</Text>
        {s.status === 'running' && phase ? (
          <Text size="sm" c="dimmed">
            phase: {phase}
          </Text>
        ) : null}
        {s.error && s.status !== 'succeeded' && label !== NOT_RUN ? (
          <Text size="sm" c={s.status === 'failed' ? 'red' : 'dimmed'} lineClamp={1} maw={520}>
            {s.error}
          </Text>
        ) : null}
      </Group>
      <Text size="sm" c="dimmed" ff="monospace">
        {stageDuration(s, now)}
      </Text>
    </Group>
  );
}

export const StageTimeline = memo(function StageTimeline({ stages, phase, now }: { stages: StageView[]; phase: string | null; now: number | null }) {
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        {stages.map((s) => (
          <StageRow key={s.name} stage={s} phase={phase} now={now} />
        ))}
      </Stack>
    </Paper>
  );
});
