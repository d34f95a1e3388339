'use client';

import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { Modal } from '@/components/lazy-overlay';

interface Props {
  label: string;
  ariaLabel?: string;
  title: string;
  body: React.ReactNode;
  confirmLabel?: string;
  onConfirm: () => void | Promise<void>;
}

/** A small red button that asks before doing something destructive. */
export function ConfirmButton({ label, ariaLabel, title, body, confirmLabel = label, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button size="xs" variant="subtle" color="red" aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {label}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={title} centered>
        <Text size="sm">{body}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()} data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
