'use client';
/** Asks before an action that cannot be taken back; the safe choice is the default focus. */
import type { ReactNode } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { Modal } from '@/components/lazy-overlay';

interface Props {
  opened: boolean;
  title: string;
  children: ReactNode;
  /** Names the action, e.g. "Cancel the run". */
  confirmLabel: string;
  /** Names staying put, e.g. "Keep running". */
  keepLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmModal({ opened, title, children, confirmLabel, keepLabel, onConfirm, onClose }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <Stack gap="md">
        <Text size="sm" component="div">
          {children}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {keepLabel}
          </Button>
          <Button
            color="red"
            onClick={() => {
              onClose();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
