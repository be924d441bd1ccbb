import { Badge, Stack, Text } from '@mantine/core';
import { formatDate } from '../format/dates';
import { RelativeTime } from '../format/RelativeTime';
import { useNow } from '../format/useNow';
import { ROLE_LABELS } from '../session/labels';
import type { Column } from '../table/DataTable';
import { InvitationActions } from './InvitationActions';
import type { Invitation } from './types';

const STATUS_BADGES = {
  pending: { label: 'Pending', color: 'blue' },
  expired: { label: 'Expired', color: 'orange' },
  accepted: { label: 'Accepted', color: 'green' },
  cancelled: { label: 'Cancelled', color: 'gray' },
} as const;

function isExpired(invitation: Invitation, now: number): boolean {
  return invitation.status === 'pending' && new Date(invitation.expiresAt).getTime() <= now;
}

function StatusBadge({ invitation }: { invitation: Invitation }) {
  const now = useNow();
  const badge = STATUS_BADGES[isExpired(invitation, now) ? 'expired' : invitation.status];
  return (
    <Badge variant="light" color={badge.color}>
      {badge.label}
    </Badge>
  );
}

function Expiry({ invitation }: { invitation: Invitation }) {
  return (
    <Stack gap={0}>
      <RelativeTime at={invitation.expiresAt} />
      <Text size="xs" c="dimmed">
        {formatDate(invitation.expiresAt)}
      </Text>
    </Stack>
  );
}

export const invitationColumns: readonly Column<Invitation>[] = [
  { key: 'email', header: 'Email', render: (row) => row.email },
  { key: 'role', header: 'Role', render: (row) => ROLE_LABELS[row.role] },
  { key: 'invitedBy', header: 'Invited by', render: (row) => row.invitedByName },
  { key: 'status', header: 'Status', render: (row) => <StatusBadge invitation={row} /> },
  { key: 'expires', header: 'Expires', render: (row) => <Expiry invitation={row} /> },
  {
    key: 'actions',
    header: 'Actions',
    hideHeader: true,
    render: (row) => (row.status === 'pending' ? <InvitationActions invitation={row} /> : null),
  },
];
