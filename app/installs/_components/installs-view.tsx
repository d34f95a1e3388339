'use client';

import { useCallback, useEffect, useState } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Button, Group, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { api } from '@/components/api';
import { StatusBadge } from '@/components/status-badge';
import { formatWhen } from '@/components/format';
import { ConfirmButton } from '@/components/confirm-button';
import { lazyDialog } from '@/components/lazy-overlay';
import type { InstallSummary } from '@/lib/api/installs';

// loaded when first opened: the new-install form brings react-hook-form and zod
const NewInstallModal = lazyDialog(() => import('./new-install-modal').then((m) => m.NewInstallModal));
const ImportModal = lazyDialog(() => import('@/components/import-modal').then((m) => m.ImportModal));

/** `initial`: the list as the server rendered it; fetched again on arrival (a page restored by Back may be older) and after a delete. */
export function InstallsView({ initial }: { initial: InstallSummary[] }) {
  const [installs, setInstalls] = useState<InstallSummary[] | null>(initial);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [newOpen, newModal] = useDisclosure(false);
  const [importOpen, { open: openImport, close: closeImport }] = useDisclosure(false);
  const [now, setNow] = useState<number | null>(null);

  const load = useCallback(async () => {
    const r = await api('GET /api/installs');
    if (r.ok) {
      setInstalls(r.data.installs);
      setLoadError(null);
    } else setLoadError(r.message);
    setNow(Date.now());
  }, []);

  useEffect(() => {
    void load(); // also sets `now`: "updated … ago" is written in the browser's clock, after hydration
    if (new URLSearchParams(window.location.search).get('import') === '1') openImport();
  }, [load, openImport]);

  const remove = async (install: InstallSummary) => {
    const r = await api('DELETE /api/installs/:id', { params: { id: install.id } });
    if (r.ok) {
      notifications.show({ color: 'teal', message: `Deleted "${install.name}"` });
      void load();
    } else notifications.show({ color: 'red', title: 'Delete failed', message: r.message });
  };

  return (
    <>
      <Group justify="space-between" mb="md">
        <div>
          <Title order={1} size="h2">
            Installs
          </Title>
          <Text c="dimmed" size="sm">
            Each install describes one HA KubeSphere 2.0.2 cluster. Drafts are saved as you type.
          </Text>
        </div>
        <Group>
          <Button variant="default" onClick={openImport}>
            Import hosts.ini + vars.yml
          </Button>
          <Button onClick={newModal.open}>New install</Button>
        </Group>
      </Group>
      {loadError && (
        <Alert color="red" mb="md" role="alert">
          Could not load the installs: {loadError}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Hosts</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Updated</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {installs?.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td>
                    <Anchor component={Link} href={`/installs/${i.id}`} fw={500}>
                      {i.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{i.hosts}</Table.Td>
                  <Table.Td>
                    <Group gap="xs">
                      <StatusBadge status={i.status} />
                      {i.remainingStages !== null && i.remainingStages > 0 && i.status !== 'installing' ? (
                        <Text size="sm" c="dimmed" data-testid="remaining-stages">
                          {i.remainingStages} stage{i.remainingStages === 1 ? '' : 's'} still to run
                        </Text>
                      ) : null}
                      {i.runs > 0 && (
                        <Anchor component={Link} href={`/installs/${i.id}/runs`} size="sm" aria-label={`Runs of ${i.name}`}>
                          {i.runs} run{i.runs === 1 ? '' : 's'}
                        </Anchor>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" title={i.updatedAt}>
                      {now === null ? '' : formatWhen(i.updatedAt, now)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <ConfirmButton
                      label="Delete"
                      ariaLabel={`Delete ${i.name}`}
                      title={`Delete "${i.name}"?`}
                      body="The install, its hosts and its stored credentials are removed. This cannot be undone."
                      onConfirm={() => remove(i)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
              {installs?.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={5}>
                    <Text c="dimmed" ta="center" py="lg">
                      No installs yet. Start with “New install”, or import the conf/ files you already have.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <NewInstallModal opened={newOpen} onClose={newModal.close} />
      <ImportModal opened={importOpen} onClose={closeImport} />
    </>
  );
}
