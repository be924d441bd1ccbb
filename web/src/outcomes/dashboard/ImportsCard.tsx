import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { RelativeTime } from '../../format/RelativeTime';
import { IMPORTS_PAGE } from '../../imports/page';
import { StatusBadge } from '../../imports/StatusBadge';
import { DashboardCard } from './DashboardCard';
import type { RecentImport } from './types';

/** The latest import runs of the tenant, each linking to its run page. */
export function ImportsCard({ imports }: { imports: readonly RecentImport[] }) {
  return (
    <DashboardCard title="Recent imports" link={{ to: IMPORTS_PAGE.path, label: 'All imports' }}>
      {imports.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing imported yet.
        </Text>
      ) : (
        <Table aria-label="Recent imports">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Import</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Started</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {imports.map((run) => (
              <Table.Tr key={run.id}>
                <Table.Td>
                  <Anchor component={Link} to={`${IMPORTS_PAGE.path}/${run.id}`} size="sm">
                    {run.source}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {run.pipeline}
                    {run.mode === 'validate' ? ' · check only' : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={run.status} />
                </Table.Td>
                <Table.Td>
                  <RelativeTime at={run.createdAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DashboardCard>
  );
}
