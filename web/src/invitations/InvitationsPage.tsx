import { Button, Container, Group, Modal, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { DataTable } from '../table/DataTable';
import { SelectFilter } from '../table/SelectFilter';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { useTableParams } from '../table/useTableParams';
import { ErrorAlert } from '../ui/ErrorAlert';
import { useNotify } from '../ui/notificationsContext';
import { INVITATIONS_KEY, listInvitations } from './api';
import { invitationColumns } from './columns';
import { InviteForm } from './InviteForm';
import type { InvitationStatus } from './types';

const STATUS_OPTIONS = [
  { value: 'pending', label: 'Pending' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'all', label: 'All' },
] as const;

const EMPTY_TITLES: Record<string, string> = {
  pending: 'No pending invitations',
  accepted: 'No accepted invitations yet',
  cancelled: 'No cancelled invitations',
  all: 'No invitations yet',
};

function apiStatusOf(filter: string): InvitationStatus | null {
  return filter === 'pending' || filter === 'accepted' || filter === 'cancelled' ? filter : null;
}

/** `/admin/invitations`: who has been invited, and inviting someone new. */
export function InvitationsPage() {
  const notify = useNotify();
  const [inviting, setInviting] = useState(false);
  const table = useTableParams({
    tableId: 'invitations',
    filters: {
      status: { values: STATUS_OPTIONS.map((option) => option.value), defaultValue: 'pending' },
    },
  });
  const status = apiStatusOf(table.filters.status);
  const invitations = useQuery({
    queryKey: [...INVITATIONS_KEY, { status }],
    queryFn: ({ signal }) => listInvitations(status, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <Container size="lg" py="md">
      <title>Invitations · EduLedger</title>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={1}>Invitations</Title>
          <Button onClick={() => setInviting(true)}>Invite someone</Button>
        </Group>
        <Group align="flex-end">
          <SelectFilter
            label="Status"
            value={table.filters.status}
            onChange={(value) => table.setFilter('status', value)}
            options={STATUS_OPTIONS}
          />
        </Group>
        {invitations.isError && (
          <ErrorAlert
            title="The invitations could not be loaded"
            error={invitations.error}
            onRetry={() => void invitations.refetch()}
            retrying={invitations.isFetching}
          />
        )}
        {invitations.isPending && <TableLoading label="Loading invitations…" />}
        {invitations.data?.length === 0 && (
          <TableEmpty
            title={EMPTY_TITLES[table.filters.status] ?? 'No invitations'}
            description="Use “Invite someone” to invite colleagues by email; they choose a password when they accept."
          />
        )}
        {invitations.data !== undefined && invitations.data.length > 0 && (
          <DataTable
            label="Invitations"
            columns={invitationColumns}
            rows={invitations.data}
            rowKey={(row) => row.id}
            busy={invitations.isPlaceholderData}
          />
        )}
      </Stack>
      <Modal
        opened={inviting}
        onClose={() => setInviting(false)}
        title="Invite someone"
        size="lg"
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {inviting && (
          <InviteForm
            onCancel={() => setInviting(false)}
            onInvited={(invitation) => {
              setInviting(false);
              notify({
                kind: 'success',
                title: `Invitation sent to ${invitation.email}`,
                message: 'The link in the email is valid for 7 days.',
              });
            }}
          />
        )}
      </Modal>
    </Container>
  );
}
