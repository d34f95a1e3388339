'use client';
/**
 * Host × check matrix: what failed listed first, then one coloured cell per result (the matrix
 * scrolls within itself with the host column pinned); a click opens the message, evidence, fix and
 * the actions (check again, edit the host, trust its key).
 */
import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { ActionIcon, Badge, Button, Code, Group, ScrollArea, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { Drawer } from '@/components/lazy-overlay';
import type { PreflightCheckView, PreflightHostView, PreflightRunView } from '@/lib/api/preflight';
import { statusColor } from '@/lib/status-colors';
import classes from './check-matrix.module.css';
import type { HostKeyView, ShownHostKey } from '@/lib/api/preflight';
import { CheckActions, type CheckActionsProps } from './check-actions';
import { columnsOf } from './run-state';

// Compact cells: a quiet ✓ for a pass, words for what needs reading; only a failure is filled.
const LABEL = { pass: '✓', warn: 'warn', fail: 'fail', pending: '…' } as const;

interface Selected {
  host: string;
  check: PreflightCheckView;
}

function Cell({ host, check, onOpen }: { host: string; check: PreflightCheckView | undefined; onOpen: (s: Selected) => void }) {
  if (!check)
    return (
      <Text c="dimmed" size="xs" role="img" aria-label="not run">
        —
      </Text>
    );
  // A plain button with CSS-module classes and a native title, not a Mantine Badge in a Tooltip:
  // 1,700 cells for 100 hosts, and those components' per-cell styles and floating-ui machinery
  // cost the browser seconds while the checks stream in (bench/preflight-page.ts).
  return (
    <button
      type="button"
      className={`${classes.cell} ${classes[check.status]}`}
      title={check.message}
      onClick={() => onOpen({ host, check })}
      aria-label={`${check.title} on ${host}: ${check.status}. Show details`}
    >
      {LABEL[check.status]}
    </button>
  );
}

export function CheckDetails({
  selected,
  onClose,
  actions,
}: {
  selected: Selected | undefined;
  onClose: () => void;
  actions?: Omit<CheckActionsProps, 'host' | 'hostKey'> & { keys: HostKeyView[] };
}) {
  return (
    <Drawer
      opened={selected !== undefined}
      onClose={onClose}
      position="right"
      size="lg"
      title={selected ? `${selected.check.title} · ${selected.host === '*' ? 'cluster' : selected.host}` : ''}
    >
      {selected && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge color={statusColor('check', selected.check.status)}>{selected.check.status}</Badge>
            <Text size="xs" c="dimmed">
              {selected.check.durationMs} ms
            </Text>
          </Group>
          <Text>{selected.check.message}</Text>
          {actions && selected.host !== '*' ? (
            <CheckActions
              installId={actions.installId}
              host={selected.host}
              hostKey={actions.keys.find((k) => k.host === selected.host)}
              busy={actions.busy}
              onRerun={(h) => {
                onClose();
                actions.onRerun(h);
              }}
              onTrust={actions.onTrust}
            />
          ) : null}
          {selected.check.hint && (
            <Stack gap={4}>
              <Title order={5}>How to fix</Title>
              <Text size="sm">{selected.check.hint}</Text>
            </Stack>
          )}
          {selected.check.evidence && (
            <Stack gap={4}>
              <Title order={5}>Evidence</Title>
              <ScrollArea.Autosize mah={420}>
                <Code block role="region" aria-label="command output" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {selected.check.evidence}
                </Code>
              </ScrollArea.Autosize>
            </Stack>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

/**
 * One host's row. Memoised: results stream in one host at a time (applyResult keeps the other hosts'
 * objects), so with 100 hosts × 17 checks only the changed row renders again.
 */
const HostRow = memo(function HostRow({
  host,
  columnIds,
  onOpen,
  onRerun,
  busy,
}: {
  host: PreflightHostView;
  columnIds: string;
  onOpen: (s: Selected) => void;
  onRerun: (host: string) => void;
  busy: boolean;
}) {
  const cellOf = (id: string) => host.checks.find((c) => c.id === id);
  return (
    <Table.Tr>
      <Table.Td className={classes.pinned}>
        <Group gap={6} wrap="nowrap">
          <Badge size="xs" circle color={statusColor('check', host.status)} role="img" aria-label={`${host.name}: ${host.status}`}>
            {' '}
          </Badge>
          <Text fw={500}>{host.name}</Text>
          {host.installerMachine && (
            <Badge
              size="xs"
              variant="light"
              color="grape"
              title="The machine outside the cluster that runs the installer: checked for its login, the bundle, its Ansible and SSH to every host"
            >
              installer machine
            </Badge>
          )}
        </Group>
      </Table.Td>
      {(columnIds === '' ? [] : columnIds.split('\n')).map((id) => (
        <Table.Td key={id}>
          <Cell host={host.name} check={cellOf(id)} onOpen={onOpen} />
        </Table.Td>
      ))}
      <Table.Td>
        <Tooltip label={`Check ${host.name} again`}>
          <ActionIcon variant="subtle" aria-label={`Check ${host.name} again`} disabled={busy} onClick={() => onRerun(host.name)}>
            ↻
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
});

interface MatrixProps {
  installId: string;
  view: PreflightRunView;
  keys: HostKeyView[];
  onRerunHost: (host: string) => void;
  onTrust: (key: ShownHostKey) => void;
  busy: boolean;
}

/** Every failed check, host by host (the cluster's last), as a list above the matrix. */
function failuresOf(view: PreflightRunView): Selected[] {
  return [
    ...view.hosts.flatMap((h) => h.checks.filter((c) => c.status === 'fail').map((check) => ({ host: h.name, check }))),
    ...view.cluster.checks.filter((c) => c.status === 'fail').map((check) => ({ host: '*', check })),
  ];
}

function FailedList({ failures, onOpen }: { failures: Selected[]; onOpen: (s: Selected) => void }) {
  if (failures.length === 0) return null;
  return (
    <Stack gap={4} mb="sm" data-testid="failed-checks" role="region" aria-label="What failed">
      <Title order={4}>What failed</Title>
      {failures.map((f) => (
        <Group key={`${f.host}|${f.check.id}`} gap="xs" wrap="nowrap" align="flex-start">
          <Text size="sm" style={{ flex: 1 }}>
            <b>{f.host === '*' ? 'cluster' : f.host}</b> · {f.check.title}: {f.check.message}
          </Text>
          <Button
            size="compact-xs"
            variant="light"
            color="red"
            onClick={() => onOpen(f)}
            aria-label={`Open ${f.check.title} on ${f.host === '*' ? 'the cluster' : f.host}`}
          >
            open
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

export function CheckMatrix({ installId, view, keys, onRerunHost, onTrust, busy }: MatrixProps) {
  const [selected, setSelected] = useState<Selected>();
  const columns = columnsOf(view);
  // Rows get stable props: the column ids as one string, and a callback that never changes.
  const columnIds = columns.map((c) => c.id).join('\n');
  const rerunRef = useRef(onRerunHost);
  useEffect(() => {
    rerunRef.current = onRerunHost;
  });
  const rerun = useCallback((host: string) => rerunRef.current(host), []);
  return (
    <>
      <FailedList failures={failuresOf(view)} onOpen={setSelected} />
      {/* wider than the page: the matrix scrolls within itself, the host column stays put */}
      <ScrollArea type="auto" data-testid="matrix-scroll">
        <Table striped highlightOnHover withTableBorder stickyHeader aria-label="Host checks" miw="max-content" verticalSpacing={6} horizontalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th className={classes.pinned}>Host</Table.Th>
              {columns.map((c) => (
                <Table.Th key={c.id} fz="xs" fw={600} c="dimmed" maw={92} style={{ verticalAlign: 'bottom', lineHeight: 1.25 }}>
                  {c.title}
                </Table.Th>
              ))}
              <Table.Th aria-label="actions" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.hosts.map((h) => (
              <HostRow key={h.name} host={h} columnIds={columnIds} onOpen={setSelected} onRerun={rerun} busy={busy} />
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {view.cluster.checks.length > 0 && (
        <Stack gap={6} mt="md">
          <Title order={4}>Cluster</Title>
          {view.combined?.clusterCheckedAt ? (
            <Text size="sm" c="dimmed" data-testid="cluster-note">
              From the full check of {new Date(view.combined.clusterCheckedAt).toLocaleString()}: re-checking some hosts does not repeat the cluster-wide
              checks. Check all hosts to refresh them.
            </Text>
          ) : null}
          {view.cluster.checks.map((c) => (
            <Group key={c.id} gap="sm" wrap="nowrap" align="flex-start">
              <Cell host="*" check={c} onOpen={setSelected} />
              <Text size="sm">
                <b>{c.title}:</b> {c.message}
              </Text>
              <Button size="compact-xs" variant="subtle" onClick={() => setSelected({ host: '*', check: c })} aria-label={`Details of ${c.title}`}>
                details
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      <CheckDetails selected={selected} onClose={() => setSelected(undefined)} actions={{ installId, keys, busy, onRerun: onRerunHost, onTrust }} />
    </>
  );
}
