'use client';
/** Cancel for an active run, asked first: stopping Ansible mid-stage can leave a host half-configured. */
import { useState } from 'react';
import { Button } from '@mantine/core';
import { ConfirmModal } from '@/components/confirm-modal';

export function CancelRunButton({ busy, onCancel }: { busy: boolean; onCancel: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button color="red" variant="light" loading={busy} onClick={() => setAsking(true)}>
        Cancel
      </Button>
      <ConfirmModal
        opened={asking}
        title="Cancel this install run?"
        confirmLabel="Cancel the run"
        keepLabel="Keep running"
        onConfirm={onCancel}
        onClose={() => setAsking(false)}
      >
        The running stage is stopped where it is, which can leave a host half-configured; the stages after it do not run. You can retry the install from where
        it stopped later.
      </ConfirmModal>
    </>
  );
}
