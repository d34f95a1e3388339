'use client';

import { useEffect, useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { Host, InstallConfig } from '@/lib/config/schema';
import { defaultHost, isBlankHost } from '@/lib/config/piece-defaults';
import { hostLabel } from '@/lib/config/rules/helpers';
import { QuietErrors } from '@/components/form/quiet-errors';
import { ConfirmButton } from '@/components/confirm-button';
import { IssueList } from '@/components/issue-list';
import { lazyDialog, lazyOverlay } from '@/components/lazy-overlay';
import type { HostEditorProps } from './host-editor';
import { UseLabButton } from './use-lab-button';
import { issuesUnder, useWizard } from './wizard-context';

// the editor's fields (number, switch, segmented, secret inputs) and the dialogs load when first opened
const HostEditor = lazyOverlay<HostEditorProps>(
  () => import('./host-editor').then((m) => m.HostEditor),
  (p) => p.index !== null,
  (p) => ({ ...p, index: null }),
);

const BulkPasteModal = lazyDialog(() => import('./bulk-paste-modal').then((m) => m.BulkPasteModal));
const ImportModal = lazyDialog(() => import('@/components/import-modal').then((m) => m.ImportModal));

/** A missing credential is red only once the operator has started on the host. */
function authSummary(host: Host, blank: boolean): React.ReactNode {
  const missing = blank ? 'gray' : 'red';
  switch (host.auth.kind) {
    case 'password':
      return (
        <Badge variant="light" color={host.auth.password.set ? 'teal' : missing}>
          password {host.auth.password.set ? 'set' : 'not set'}
        </Badge>
      );
    case 'key':
      return (
        <Badge variant="light" color={host.auth.privateKey.set ? 'teal' : missing}>
          key {host.auth.privateKey.set ? 'set' : 'not set'}
        </Badge>
      );
  }
}

export function HostsStep() {
  const { control, setFocus } = useFormContext<InstallConfig>();
  const { fields, append, remove } = useFieldArray({ control, name: 'hosts' });
  const hosts = useWatch({ control, name: 'hosts' });
  const { errors, warnings, crossInstall, focusRequest, goToIssue } = useWizard();
  const [editing, setEditing] = useState<number | null>(null);
  // the editor of a host nothing was typed into yet shows no error before a field is left or filled
  const [quiet, setQuiet] = useState(false);
  const openEditor = (i: number) => {
    const h = hosts[i];
    setQuiet(h !== undefined && isBlankHost(h));
    setEditing(i);
  };
  const [bulkOpen, bulk] = useDisclosure(false);
  const [importOpen, importModal] = useDisclosure(false);

  // Review → "fix it" on a host field: open that host's editor, then focus the field
  useEffect(() => {
    const m = focusRequest ? /^hosts\.(\d+)(\..+)?$/.exec(focusRequest.path) : null;
    if (!m || !focusRequest) return;
    setQuiet(false);
    setEditing(Number(m[1]));
    const path = focusRequest.path.endsWith('.auth') ? `${focusRequest.path}.password` : focusRequest.path;
    let live = true;
    let t: ReturnType<typeof setTimeout> | undefined;
    // the drawer opens once its code is there; its fields exist ~250 ms after that
    void HostEditor.load().then(() => {
      if (!live) return;
      t = setTimeout(() => {
        try {
          setFocus(path as Parameters<typeof setFocus>[0]);
        } catch {
          /* no single field for this path */
        }
      }, 250);
    });
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [focusRequest, setFocus]);

  const addHost = () => {
    append(defaultHost());
    setQuiet(true);
    setEditing(fields.length);
  };
  const stepIssues = [...errors, ...warnings].filter((i) => i.step === 'hosts' && !/^hosts\.\d+\./.test(i.path));

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2} size="h3">
            Hosts
          </Title>
          <Text size="sm" c="dimmed">
            Every machine of the cluster and its SSH login: the wizard logs in to the taskbox to run the installer there, and the installer logs in to the other
            hosts.
          </Text>
        </div>
        <Group gap="xs">
          <UseLabButton />
          <Button variant="default" onClick={importModal.open}>
            Import hosts.ini…
          </Button>
          <Button variant="default" onClick={bulk.open}>
            Bulk paste…
          </Button>
          <Button onClick={addHost}>Add host</Button>
        </Group>
      </Group>
      <IssueList issues={stepIssues} />
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" highlightOnHover aria-label="Hosts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>SSH address</Table.Th>
                <Table.Th>Internal IP</Table.Th>
                <Table.Th>User</Table.Th>
                <Table.Th>Credential</Table.Th>
                <Table.Th>Problems</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fields.map((f, i) => {
                const h = hosts[i];
                if (!h) return null;
                const hostErrors = issuesUnder(errors, `hosts.${i}`).filter((e) => e.step === 'hosts');
                const problems = hostErrors.length;
                const elsewhere = issuesUnder(crossInstall, `hosts.${i}`);
                const blank = isBlankHost(h);
                const label = hostLabel({
                  host: h,
                  index: i,
                  nameShared: h.name.trim() !== '' && hosts.some((o, j) => j !== i && o.name.trim() === h.name.trim()),
                });
                const firstError = hostErrors[0];
                return (
                  <Table.Tr key={f.id}>
                    <Table.Td fw={500}>
                      {h.name || (
                        <Text c="dimmed" span>
                          (no name)
                        </Text>
                      )}{' '}
                      {h.taskbox && (
                        <Badge size="xs" variant="outline">
                          taskbox
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{h.address}</Table.Td>
                    <Table.Td>{h.ip}</Table.Td>
                    <Table.Td>
                      {h.user}
                      {h.port !== 22 ? `:${h.port}` : ''}
                    </Table.Td>
                    <Table.Td>{authSummary(h, blank)}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {blank && (
                          <Text size="sm" c="dimmed">
                            not filled in yet
                          </Text>
                        )}
                        {!blank && firstError && (
                          <Button
                            size="compact-xs"
                            color="red"
                            variant="light"
                            onClick={() => goToIssue(firstError.path)}
                            aria-label={`Show the ${problems === 1 ? 'error' : `${problems} errors`} of ${label}`}
                            title={firstError.message}
                          >
                            {problems} error{problems === 1 ? '' : 's'}
                          </Button>
                        )}
                        {elsewhere.map((w) => (
                          <Badge key={w.message} color={w.severity === 'warning' ? 'orange' : 'gray'} variant="light" title={w.message}>
                            also in {w.other.installName}
                          </Badge>
                        ))}
                        {!blank && problems === 0 && elsewhere.length === 0 && (
                          <Text size="sm" c="teal">
                            ok
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => openEditor(i)} aria-label={`Edit ${label}`}>
                          Edit
                        </Button>
                        <ConfirmButton
                          label="Remove"
                          ariaLabel={`Remove ${label}`}
                          title={`Remove ${label}?`}
                          body="The host and its stored credentials are removed from this install."
                          onConfirm={() => remove(i)}
                        />
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {fields.length === 0 && (
          <Text c="dimmed" ta="center" py="lg" size="sm">
            No hosts yet. Add them one by one, paste a list, or import an existing hosts.ini.
          </Text>
        )}
      </Paper>
      <QuietErrors.Provider value={quiet}>
        <HostEditor index={editing} onClose={() => setEditing(null)} />
      </QuietErrors.Provider>
      <BulkPasteModal opened={bulkOpen} onClose={bulk.close} existing={hosts} onAdd={(list) => append(list)} />
      <ImportModal opened={importOpen} onClose={importModal.close} />
    </Stack>
  );
}
