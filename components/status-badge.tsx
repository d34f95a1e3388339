import { Badge } from '@mantine/core';

const COLORS: Record<string, string> = {
  draft: 'gray',
  ready: 'blue',
  queued: 'indigo',
  running: 'yellow',
  installing: 'yellow',
  succeeded: 'teal',
  installed: 'teal',
  incomplete: 'orange',
  failed: 'red',
  interrupted: 'orange',
  cancelled: 'gray',
};

/** A calm, colour-coded install status. Unknown statuses fall back to grey. */
export function StatusBadge({ status }: { status: string }) {
  return (
    <Badge variant="light" color={COLORS[status] ?? 'gray'}>
      {status}
    </Badge>
  );
}
