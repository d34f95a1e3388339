'use client';
/** Stage timeline: one row per stage with its state, duration and (while running) live elapsed time. */
import { memo } from 'react';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { StageView } from '@/server/runner/run-view';

export const STATUS_COLOR: Record<string, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'teal',
  failed: 'red',
  cancelled: 'yellow',
  interrupted: 'orange',
};

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m ${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

export function stageDuration(s: StageView, now: number): string {
  if (!s.startedAt) return '—';
  const end = s.finishedAt ? Date.parse(s.finishedAt) : now;
  return formatDuration(end - Date.parse(s.startedAt));
}

export const StageTimeline = memo(function StageTimeline({ stages, phase, now }: { stages: StageView[]; phase: string | null; now: number }) {
  return (
    <Paper withBorder p="sm">
      <Stack gap={6}>
        {stages.map((s) => (
          <Group key={s.name} justify="space-between" data-testid={`stage-${s.name}`} data-status={s.status}>
            <Group gap="xs">
              <Badge color={STATUS_COLOR[s.status] ?? 'gray'} variant={s.status === 'running' ? 'filled' : 'light'} w={100}>
                {s.status}
              </Badge>
              <Text fw={500}>{s.label}</Text>
              {s.status === 'running' && phase ? (
                <Text size="sm" c="dimmed">
                  phase: {phase}
                </Text>
              ) : null}
              {s.error && s.status !== 'succeeded' ? (
                <Text size="sm" c={s.status === 'failed' ? 'red' : 'dimmed'} lineClamp={1} maw={520}>
                  {s.error}
                </Text>
              ) : null}
            </Group>
            <Text size="sm" c="dimmed" ff="monospace">
              {stageDuration(s, now)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
});
