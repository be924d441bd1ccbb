import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime } from '../format/dates';
import { RelativeTime } from '../format/RelativeTime';
import { describeUserAgent } from '../format/userAgent';
import { DataTable, type Column } from '../table/DataTable';
import { TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { listSessions, SESSIONS_KEY, type OwnSession } from './api';
import { ProfileSection } from './ProfileSection';
import { SessionActions } from './SessionActions';

const columns: readonly Column<OwnSession>[] = [
  {
    key: 'device',
    header: 'Device',
    render: (row) => (
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" title={row.userAgent ?? undefined}>
          {describeUserAgent(row.userAgent)}
        </Text>
        {row.current && (
          <Badge size="sm" variant="light" color="green">
            This device
          </Badge>
        )}
      </Group>
    ),
  },
  { key: 'ip', header: 'IP address', render: (row) => row.ipAddress ?? 'Unknown' },
  {
    key: 'lastSeenAt',
    header: 'Last active',
    render: (row) => <RelativeTime at={row.lastSeenAt} />,
  },
  {
    key: 'createdAt',
    header: 'Signed in',
    render: (row) => (
      <Stack gap={0}>
        <Text size="sm">{formatDateTime(row.createdAt)}</Text>
        <Text size="xs" c="dimmed">
          {row.rememberMe ? 'Kept signed in for 30 days' : 'Ends after 8 idle hours'}
        </Text>
      </Stack>
    ),
  },
  {
    key: 'actions',
    header: 'Actions',
    hideHeader: true,
    render: (row) => <SessionActions session={row} />,
  },
];

/** Where the user is signed in, with a way to end each session. */
export function SessionsList() {
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => listSessions(signal),
  });

  return (
    <ProfileSection
      title="Sessions"
      description="The browsers where you are signed in. Revoke any you do not recognise, then change your password."
    >
      {sessions.isPending && <TableLoading label="Loading your sessions…" />}
      {sessions.isError && (
        <ErrorAlert
          title="Your sessions could not be loaded"
          error={sessions.error}
          onRetry={() => void sessions.refetch()}
          retrying={sessions.isFetching}
        />
      )}
      {sessions.data && (
        <DataTable
          label="Sessions"
          columns={columns}
          rows={sessions.data}
          rowKey={(row) => row.id}
        />
      )}
    </ProfileSection>
  );
}
