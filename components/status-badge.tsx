import { Badge } from '@mantine/core';
import { statusColor, type StatusKind } from '@/lib/status-colors';

/** A calm, colour-coded status (an install's unless `kind` says otherwise): colours from lib/status-colors.ts. */
export function StatusBadge({ status, kind = 'install' }: { status: string; kind?: StatusKind }) {
  return (
    <Badge variant="light" color={statusColor(kind, status)}>
      {status}
    </Badge>
  );
}
