import { Button, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { useNotify } from '../../ui/notificationsContext';
import { deleteOne, ENGAGEMENT_KEY } from '../api';
import type { RemovableResource } from '../types';
import { describeCounts } from './counts';

interface RemoveRecordButtonProps {
  resource: RemovableResource;
  id: string;
  /** The record's name, e.g. "Ada Lovelace". */
  label: string;
  /** What the record is, e.g. "volunteer". */
  noun: string;
  /** What else goes or is unlinked with it. */
  consequences: ReactNode;
  /** Where to go once it is gone (its list). */
  after: string;
}

/** Deletes one record after a confirmation that says what goes with it (tenant admins). */
export function RemoveRecordButton({
  resource,
  id,
  label,
  noun,
  consequences,
  after,
}: RemoveRecordButtonProps) {
  const [opened, setOpened] = useState(false);
  const notify = useNotify();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteOne(resource, id),
    onSuccess: (counts) => {
      queryClient.removeQueries({ queryKey: [...ENGAGEMENT_KEY, resource, 'one', id] });
      void queryClient.invalidateQueries({ queryKey: ENGAGEMENT_KEY });
      notify({
        kind: 'success',
        title: `${label} deleted`,
        message: `Also removed: ${describeCounts(counts)}.`,
      });
      void navigate(after);
    },
  });
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpened(true)}>
        Delete {noun}
      </Button>
      <ConfirmModal
        opened={opened}
        title={`Delete this ${noun}?`}
        confirmLabel="Delete"
        color="red"
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setOpened(false);
          remove.reset();
        }}
        pending={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">
          <strong>{label}</strong> is deleted for good. {consequences} This cannot be undone.
        </Text>
      </ConfirmModal>
    </>
  );
}
