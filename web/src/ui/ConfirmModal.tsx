import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The button that closes without acting. */
  dismissLabel?: string;
  /** Red for actions that take something away. */
  color?: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  error: Error | null;
}

/**
 * Asks before doing something with consequences; shows the server's refusal in place.
 * Focus starts on the button that changes nothing, so a stray Enter is harmless.
 */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  dismissLabel = 'Go back',
  color,
  onConfirm,
  onClose,
  pending,
  error,
}: ConfirmModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack gap="md">
        {children}
        {error && <ErrorAlert title={`Could not ${confirmLabel.toLowerCase()}`} error={error} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {dismissLabel}
          </Button>
          <Button color={color} onClick={onConfirm} loading={pending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
