'use client';
/** "The first error, in plain words": one pinned card per failed host of each failed stage. */
import { memo } from 'react';
import { Alert, Code, Stack, Text, Title } from '@mantine/core';
import type { StageView } from '@/lib/api/runs';

export const ErrorCards = memo(function ErrorCards({ stages }: { stages: StageView[] }) {
  const cards = stages.flatMap((s) => s.hosts.filter((h) => h.error && (h.status === 'failed' || s.status === 'failed')).map((h) => ({ stage: s, host: h })));
  if (cards.length === 0) return null;
  return (
    <Stack gap="sm">
      {cards.map(({ stage, host }) => {
        const e = host.error;
        if (!e) return null;
        return (
          <Alert
            key={`${stage.name}-${host.name}`}
            color="red"
            variant="light"
            title={`${host.name} failed in ${stage.label}`}
            data-testid={`error-card-${host.name}`}
          >
            <Stack gap={4}>
              <Text size="sm">
                <b>Task:</b> {e.task}{' '}
                {e.file ? (
                  <Text span c="dimmed" size="xs">
                    ({e.file})
                  </Text>
                ) : null}
              </Text>
              {e.msg ? (
                <Text size="sm">
                  <b>Message:</b> {e.msg}
                </Text>
              ) : null}
              {e.stderr ? <Code block>{e.stderr}</Code> : null}
              {e.known ? (
                <div>
                  <Title order={6}>Likely cause</Title>
                  <Text size="sm">{e.known.cause}</Text>
                  <Title order={6} mt={4}>
                    Fix
                  </Title>
                  <Text size="sm">{e.known.fix}</Text>
                </div>
              ) : null}
            </Stack>
          </Alert>
        );
      })}
    </Stack>
  );
});
