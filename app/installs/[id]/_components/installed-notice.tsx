'use client';
/**
 * What an edit means once the install is installed: the cluster runs with what it was installed
 * with, and the wizard never changes a running cluster by itself. The settings are locked (read
 * only) until the operator chooses to edit them for a new install run, after being told that:
 * edits are saved in the wizard only; they reach the hosts only through a new run from the host
 * checks (which re-runs the installer's playbooks on every host); new workers added here join
 * through the cluster page's Add (the cluster-member rules hold at the fields meanwhile), and
 * removing a worker and uninstalling are on the cluster page too.
 */
import { useState } from 'react';
import Link from 'next/link';
import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { ConfirmModal } from '@/components/confirm-modal';

const WHAT_AN_EDIT_MEANS = [
  'Edits are saved in the wizard only: they do not reach the cluster.',
  'They reach the hosts only if you run the installer again from the host checks, which re-runs every playbook on every host.',
  'To add workers, add them here as workers only (the nodes of the cluster keep their names, addresses and roles), check the hosts, then add them from the cluster page. Removing a worker and uninstalling are on the cluster page too.',
];

export function InstalledNotice({ installId, unlocked, onUnlock }: { installId: string; unlocked: boolean; onUnlock: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <Alert
      color="blue"
      title={unlocked ? 'Installed — editing for a new install run' : 'Installed — these are the settings the cluster was installed with'}
      data-testid="installed-notice"
      data-unlocked={unlocked}
    >
      <List size="sm" spacing={2}>
        {WHAT_AN_EDIT_MEANS.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      <Group gap="sm" mt="xs">
        <Anchor component={Link} href={`/installs/${encodeURIComponent(installId)}/cluster`} size="sm" fw={600}>
          The cluster page →
        </Anchor>
        {unlocked ? (
          <Text size="sm">
            When you are done,{' '}
            <Anchor component={Link} href={`/installs/${encodeURIComponent(installId)}/preflight`}>
              check the hosts
            </Anchor>{' '}
            before a new install run.
          </Text>
        ) : (
          <Button size="xs" variant="light" onClick={() => setAsking(true)}>
            Edit the settings for a new install run…
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={asking}
        title="Edit an installed cluster's settings?"
        confirmLabel="Edit the settings"
        keepLabel="Keep them as installed"
        onConfirm={onUnlock}
        onClose={() => setAsking(false)}
      >
        {WHAT_AN_EDIT_MEANS.join(' ')}
      </ConfirmModal>
    </Alert>
  );
}
