'use client';

import { useController, useFormContext, useWatch } from 'react-hook-form';
import { Badge, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { InstallConfig } from '@/lib/config/schema';
import { ROLES, type Role } from '@/lib/config/choices';
import { IssueList } from '@/components/issue-list';
import { useWizard } from './wizard-context';

const ROLE_LABELS: Record<Role, string> = { master: 'Master', etcd: 'etcd', worker: 'Worker' };

function RoleCheckbox({ index, role, hostLabel }: { index: number; role: Role; hostLabel: string }) {
  const { control } = useFormContext<InstallConfig>();
  const { field } = useController({ control, name: `hosts.${index}.roles.${role}` });
  return (
    <Checkbox
      ref={field.ref}
      aria-label={`${hostLabel} ${role}`}
      checked={field.value}
      onChange={(e) => field.onChange(e.currentTarget.checked)}
      onBlur={field.onBlur}
    />
  );
}

export function RolesStep() {
  const { control } = useFormContext<InstallConfig>();
  const hosts = useWatch({ control, name: 'hosts' });
  const { errors, warnings } = useWizard();
  const count = (role: Role) => hosts.filter((h) => h.roles[role]).length;
  const issues = [...errors, ...warnings].filter((i) => i.step === 'roles');

  return (
    <Stack>
      <div>
        <Title order={2} size="h3">
          Roles
        </Title>
        <Text size="sm" c="dimmed">
          For HA: 3 masters that also run etcd (an odd number: 1, 3 or 5), and the rest as workers. Keep etcd off the workers.
        </Text>
      </div>
      <Group gap="xs" aria-live="polite">
        <Badge size="lg" variant="light" color={count('master') > 0 ? 'teal' : 'red'}>
          Masters {count('master')}
        </Badge>
        <Badge size="lg" variant="light" color={count('etcd') > 0 && count('etcd') % 2 === 1 ? 'teal' : 'red'}>
          etcd {count('etcd')}
        </Badge>
        <Badge size="lg" variant="light" color={count('worker') > 0 ? 'teal' : 'red'}>
          Workers {count('worker')}
        </Badge>
      </Group>
      <Paper withBorder>
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" highlightOnHover aria-label="Roles of each host">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Host</Table.Th>
                <Table.Th>Internal IP</Table.Th>
                {ROLES.map((r) => (
                  <Table.Th key={r} ta="center">
                    {ROLE_LABELS[r]}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {hosts.map((h, i) => {
                const label = h.name || `host ${i + 1}`;
                return (
                  <Table.Tr key={`${i}-${h.name}`}>
                    <Table.Td fw={500}>
                      {label}{' '}
                      {h.taskbox && (
                        <Badge size="xs" variant="outline">
                          taskbox
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{h.ip}</Table.Td>
                    {ROLES.map((r) => (
                      <Table.Td key={r}>
                        <Group justify="center">
                          <RoleCheckbox index={i} role={r} hostLabel={label} />
                        </Group>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {hosts.length === 0 && (
          <Text c="dimmed" ta="center" py="lg" size="sm">
            Add hosts first.
          </Text>
        )}
      </Paper>
      <div aria-live="polite">
        <IssueList issues={issues} />
      </div>
    </Stack>
  );
}
