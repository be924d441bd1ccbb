import { Button, List, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ENGAGEMENT_KEY, updateLocalStatuses } from '../api';
import { LOCAL_STATUS_LABELS } from '../labels';
import { LOCAL_STATUSES } from '../types';

/**
 * Update local statuses (DOMAIN §2.6): recomputes every volunteer's local status and shows how
 * many volunteers now have each one.
 */
export function LocalStatusButton() {
  const [opened, setOpened] = useState(false);
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: updateLocalStatuses,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ENGAGEMENT_KEY }),
  });
  const summary = update.data;
  return (
    <>
      <Button
        variant="default"
        loading={update.isPending}
        onClick={() => {
          setOpened(true);
          update.mutate();
        }}
      >
        Update local statuses
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title="Local statuses"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack gap="sm">
          {update.isPending && <Text size="sm">Recomputing every volunteer’s local status…</Text>}
          {update.isError && (
            <ErrorAlert title="The local statuses could not be updated" error={update.error} />
          )}
          {summary && (
            <>
              <Text size="sm">
                {summary.volunteers} volunteers checked; {summary.changed} changed.
              </Text>
              <List size="sm" aria-label="Volunteers per local status">
                {LOCAL_STATUSES.map((status) => (
                  <List.Item key={status}>
                    {LOCAL_STATUS_LABELS[status]}: {summary.byStatus[status]}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      </Modal>
    </>
  );
}
