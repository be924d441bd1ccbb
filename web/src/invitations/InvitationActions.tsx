import { Button, Group, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { requestIdOf } from '../ui/ErrorAlert';
import { ConfirmModal } from '../ui/ConfirmModal';
import { useNotify } from '../ui/notificationsContext';
import { cancelInvitation, INVITATIONS_KEY, resendInvitation } from './api';
import type { Invitation } from './types';

/** Resend and Cancel for a pending invitation. */
export function InvitationActions({ invitation }: { invitation: Invitation }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: INVITATIONS_KEY });

  const resend = useMutation({
    mutationFn: () => resendInvitation(invitation.id),
    onSuccess: () => {
      refresh();
      notify({
        kind: 'success',
        title: `Invitation sent again to ${invitation.email}`,
        message: 'The new link is valid for 7 days; the old one no longer works.',
      });
    },
    onError: (error) =>
      notify({
        kind: 'error',
        title: `The invitation to ${invitation.email} could not be resent`,
        message: error.message,
        requestId: requestIdOf(error),
      }),
  });
  const cancel = useMutation({
    mutationFn: () => cancelInvitation(invitation.id),
    onSuccess: () => {
      setConfirmingCancel(false);
      refresh();
      notify({ kind: 'success', title: `Invitation to ${invitation.email} cancelled` });
    },
  });

  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button
        size="xs"
        variant="light"
        loading={resend.isPending}
        onClick={() => resend.mutate()}
        aria-label={`Resend the invitation to ${invitation.email}`}
      >
        Resend
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        onClick={() => setConfirmingCancel(true)}
        aria-label={`Cancel the invitation to ${invitation.email}`}
      >
        Cancel
      </Button>
      <ConfirmModal
        opened={confirmingCancel}
        title="Cancel this invitation?"
        confirmLabel="Cancel invitation"
        dismissLabel="Keep invitation"
        color="red"
        onConfirm={() => cancel.mutate()}
        onClose={() => {
          setConfirmingCancel(false);
          cancel.reset();
        }}
        pending={cancel.isPending}
        error={cancel.error}
      >
        <Text size="sm">
          The link sent to <strong>{invitation.email}</strong> will stop working. You can invite
          them again later.
        </Text>
      </ConfirmModal>
    </Group>
  );
}
