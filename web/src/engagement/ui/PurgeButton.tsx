import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fieldErrorText } from '../../api/fieldErrors';
import { FormError } from '../../ui/FormError';
import { useNotify } from '../../ui/notificationsContext';
import { ENGAGEMENT_KEY, purge } from '../api';
import type { RemovableResource } from '../types';
import { describeCounts } from './counts';

interface PurgeButtonProps {
  resource: RemovableResource;
  /** The records, plural, e.g. "volunteers". */
  noun: string;
  /** The active tenant's slug, which must be typed to confirm. */
  tenantSlug: string;
}

/** Removes every record of a type; the tenant admin types the tenant's slug to confirm. */
export function PurgeButton({ resource, noun, tenantSlug }: PurgeButtonProps) {
  const [opened, setOpened] = useState(false);
  const [typed, setTyped] = useState('');
  const notify = useNotify();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () => purge(resource, typed),
    onSuccess: (counts) => {
      void queryClient.invalidateQueries({ queryKey: ENGAGEMENT_KEY });
      setOpened(false);
      setTyped('');
      notify({
        kind: 'success',
        title: `${String(counts.removed ?? 0)} ${noun} removed`,
        message: `Also removed: ${describeCounts(counts)}.`,
      });
    },
  });
  const close = () => {
    setOpened(false);
    setTyped('');
    run.reset();
  };
  const matches = typed.trim() === tenantSlug;
  const typedError = fieldErrorText(run.error, 'confirm', 'Confirmation');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (matches) run.mutate();
  }

  return (
    <>
      <Button color="red" variant="subtle" onClick={() => setOpened(true)}>
        Remove all {noun}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={`Remove all ${noun}?`}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <form onSubmit={submit} noValidate aria-label={`Remove all ${noun}`}>
          <Stack gap="md">
            <Text size="sm">
              Every one of this tenant’s {noun} is deleted, with what depends on them. A later
              import can bring them back. This cannot be undone.
            </Text>
            {run.isError && typedError === undefined && (
              <FormError title={`The ${noun} could not be removed`} error={run.error} />
            )}
            <TextInput
              label={`Type ${tenantSlug} to confirm`}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
              error={typedError}
              autoComplete="off"
              data-autofocus
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                Go back
              </Button>
              <Button type="submit" color="red" disabled={!matches} loading={run.isPending}>
                Remove all {noun}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
