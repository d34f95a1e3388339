'use client';

import { Alert, Anchor, Stack, Text } from '@mantine/core';
import type { ConfigIssue } from '@/lib/config/issues';

interface Props<T extends ConfigIssue> {
  issues: T[];
  /** When given, each issue gets a "Fix" link that calls it with the issue's path. */
  onGo?: (path: string) => void;
  goLabel?: (issue: T) => string;
}

/** Errors first, then warnings; each a calm coloured line that screen readers announce. */
export function IssueList<T extends ConfigIssue>({ issues, onGo, goLabel }: Props<T>) {
  if (issues.length === 0) return null;
  const sorted = [...issues].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return (
    <Stack gap={6} role="list" aria-label="Problems">
      {sorted.map((i) => (
        <Alert key={`${i.severity}|${i.path}|${i.code}|${i.message}`} role="listitem" color={i.severity === 'error' ? 'red' : 'yellow'} variant="light" py={8}>
          <Text size="sm">
            <Text span fw={600} size="sm">
              {i.severity === 'error' ? 'Error: ' : 'Warning: '}
            </Text>
            {i.message}{' '}
            {onGo && (
              <Anchor component="button" type="button" size="sm" onClick={() => onGo(i.path)}>
                {goLabel ? goLabel(i) : 'Fix'}
              </Anchor>
            )}
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
