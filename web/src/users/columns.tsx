import { Badge, Group, Stack, Text } from '@mantine/core';
import { RelativeTime } from '../format/RelativeTime';
import { ROLE_LABELS } from '../session/labels';
import type { Column } from '../table/DataTable';
import { MemberActions } from './MemberActions';
import type { MemberSort, MemberStatus, TenantMember } from './types';

export const STATUS_LABELS: Record<MemberStatus, string> = {
  pending: 'Pending',
  active: 'Active',
  suspended: 'Suspended',
  deactivated: 'Deactivated',
};

const STATUS_COLORS: Record<MemberStatus, string> = {
  pending: 'blue',
  active: 'green',
  suspended: 'orange',
  deactivated: 'gray',
};

function plural(count: number, word: string): string {
  return `${String(count)} ${word}${count === 1 ? '' : 's'}`;
}

function scopeSummary({ scope }: TenantMember): string | null {
  if (scope.districts?.length) return plural(scope.districts.length, 'district');
  if (scope.programs?.length) return plural(scope.programs.length, 'program');
  return null;
}

function NameCell({ member, isSelf }: { member: TenantMember; isSelf: boolean }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" fw={500}>
        {member.name || (
          <Text span c="dimmed" size="sm">
            No name yet
          </Text>
        )}
      </Text>
      {isSelf && (
        <Badge size="xs" variant="outline">
          You
        </Badge>
      )}
    </Group>
  );
}

function RoleCell({ member }: { member: TenantMember }) {
  const scope = scopeSummary(member);
  return (
    <Stack gap={0}>
      <Text size="sm">{ROLE_LABELS[member.role]}</Text>
      {scope && (
        <Text size="xs" c="dimmed">
          {scope}
        </Text>
      )}
    </Stack>
  );
}

function StatusCell({ member }: { member: TenantMember }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light" color={STATUS_COLORS[member.status]}>
        {STATUS_LABELS[member.status]}
      </Badge>
      {member.locked && (
        <Badge variant="filled" color="red">
          Locked
        </Badge>
      )}
    </Group>
  );
}

function LastSeen({ at }: { at: string | null }) {
  if (at === null)
    return (
      <Text size="sm" c="dimmed">
        Never
      </Text>
    );
  return <RelativeTime at={at} />;
}

export function memberColumns(selfId: string): readonly Column<TenantMember, MemberSort>[] {
  return [
    {
      key: 'name',
      header: 'Name',
      sortKey: 'name',
      render: (row) => <NameCell member={row} isSelf={row.id === selfId} />,
    },
    { key: 'email', header: 'Email', sortKey: 'email', render: (row) => row.email },
    { key: 'role', header: 'Role', sortKey: 'role', render: (row) => <RoleCell member={row} /> },
    {
      key: 'status',
      header: 'Status',
      sortKey: 'status',
      render: (row) => <StatusCell member={row} />,
    },
    {
      key: 'lastSeenAt',
      header: 'Last active',
      sortKey: 'lastSeenAt',
      render: (row) => <LastSeen at={row.lastSeenAt} />,
    },
    {
      key: 'actions',
      header: 'Actions',
      hideHeader: true,
      render: (row) => <MemberActions member={row} />,
    },
  ];
}
