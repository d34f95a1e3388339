'use client';
/** Host × stage matrix: per cell the host's state in that stage and ok / changed / failed / unreachable counts. */
import { memo } from 'react';
import { Badge, Table, Text } from '@mantine/core';
import type { StageView } from '@/lib/api/runs';
import { stageStatusLabel } from '@/lib/runs/status-labels';
import { statusColor } from '@/lib/status-colors';

export const HostMatrix = memo(function HostMatrix({ stages }: { stages: StageView[] }) {
  const withHosts = stages.filter((s) => s.hosts.length > 0);
  const hosts = [...new Set(withHosts.flatMap((s) => s.hosts.map((h) => h.name)))].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
  if (hosts.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={500}>
      <Table striped withTableBorder fz="xs" aria-label="Hosts by stage">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Host</Table.Th>
            {withHosts.map((s) => (
              <Table.Th key={s.name}>{s.label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {hosts.map((name) => (
            <Table.Tr key={name}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {name}
                </Text>
              </Table.Td>
              {withHosts.map((s) => {
                const h = s.hosts.find((x) => x.name === name);
                if (!h) return <Table.Td key={s.name}>—</Table.Td>;
                const label = stageStatusLabel(h.status, s.startedAt);
                return (
                  <Table.Td key={s.name} data-testid={`cell-${s.name}-${name}`} data-status={h.status}>
                    {/* a native title, not a Mantine Tooltip (~3 KiB gzipped of code on every run page) */}
                    <span title={`ok ${h.ok} · changed ${h.changed} · failed ${h.failed} · unreachable ${h.unreachable} · skipped ${h.skipped}`}>
                      <Badge size="xs" color={statusColor('run', label)} variant="light" mr={4}>
                        {label}
                      </Badge>
                      <Text span size="xs" ff="monospace">
                        {h.ok}/{h.changed}/{h.failed}/{h.unreachable}
                      </Text>
                    </span>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        Counts: ok / changed / failed / unreachable
      </Text>
    </Table.ScrollContainer>
  );
});
