import { Table, Text } from '@mantine/core';
import { USERS_PAGE } from '../../nav';
import { ROLE_LABELS } from '../../session/labels';
import type { MembershipRole } from '../../session/types';
import { DashboardCard } from './DashboardCard';
import type { OutcomesDashboard } from './types';

const ORDER: readonly MembershipRole[] = [
  'tenant_admin',
  'program_admin',
  'instructor',
  'staff',
  'district_viewer',
];

type Members = NonNullable<OutcomesDashboard['members']>;

/** The tenant's active members per role, and how many have not accepted their invitation. */
export function MembersCard({ members }: { members: Members }) {
  const rows = ORDER.flatMap((role) => members.filter((m) => m.role === role));
  return (
    <DashboardCard title="Users" link={{ to: USERS_PAGE.path, label: 'Manage users' }}>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No members yet.
        </Text>
      ) : (
        <Table aria-label="Users by role">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Th ta="right">Members</Table.Th>
              <Table.Th ta="right">Not yet signed in</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.role}>
                <Table.Td>{ROLE_LABELS[row.role]}</Table.Td>
                <Table.Td ta="right">{row.members.toLocaleString()}</Table.Td>
                <Table.Td ta="right">{row.pending.toLocaleString()}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DashboardCard>
  );
}
