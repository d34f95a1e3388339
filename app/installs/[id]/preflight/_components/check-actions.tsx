'use client';
/**
 * What the operator can do from a check's details, where the problem is read: check the host
 * again, edit the host in the wizard, and trust its host key (a new one directly; a changed one
 * only after the same question the host keys panel asks).
 */
import { useState } from 'react';
import Link from 'next/link';
import { Button, Code, Group } from '@mantine/core';
import { ConfirmModal } from '@/components/confirm-modal';
import type { HostKeyView, ShownHostKey } from '@/lib/api/preflight';

export interface CheckActionsProps {
  installId: string;
  host: string;
  /** The host's recorded key, when it is not trusted yet. */
  hostKey: HostKeyView | undefined;
  busy: boolean;
  onRerun: (host: string) => void;
  onTrust: (key: ShownHostKey) => void;
}

export function CheckActions({ installId, host, hostKey, busy, onRerun, onTrust }: CheckActionsProps) {
  const [asking, setAsking] = useState(false);
  const key = hostKey && hostKey.state !== 'trusted' ? hostKey : undefined;
  const shown = key ? { host: key.host, fingerprint: key.pendingFingerprint ?? key.fingerprint } : undefined;
  return (
    <Group gap="xs" data-testid="check-actions">
      {key && shown ? (
        <Button size="xs" color={key.state === 'changed' ? 'red' : undefined} onClick={() => (key.state === 'changed' ? setAsking(true) : onTrust(shown))}>
          {key.state === 'changed' ? 'Accept the new host key…' : 'Trust the host key'}
        </Button>
      ) : null}
      <Button size="xs" variant="light" disabled={busy} onClick={() => onRerun(host)}>
        Check {host} again
      </Button>
      <Button size="xs" variant="default" component={Link} href={`/installs/${encodeURIComponent(installId)}?host=${encodeURIComponent(host)}`}>
        Edit {host}
      </Button>
      <ConfirmModal
        opened={asking}
        title={`Accept the new host key of ${host}?`}
        confirmLabel="Accept new key"
        keepLabel="Keep the old key"
        onConfirm={() => shown && onTrust(shown)}
        onClose={() => setAsking(false)}
      >
        A changed key means the machine was reinstalled, or someone is between the wizard and the host. Accept it only if the machine shows this fingerprint
        (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub):
        <Code block mt="xs">
          {shown?.fingerprint}
        </Code>
      </ConfirmModal>
    </Group>
  );
}
