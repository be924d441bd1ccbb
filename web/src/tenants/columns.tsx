import { Badge, Group, Stack, Text } from '@mantine/core';
import { formatDate } from '../format/dates';
import type { Column } from '../table/DataTable';
import { moduleName } from './modules';
import { TenantActions } from './TenantActions';
import type { AdminTenant } from './types';

function NameCell({ tenant }: { tenant: AdminTenant }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {tenant.name}
      </Text>
      <Text size="xs" c="dimmed">
        {tenant.slug}
      </Text>
    </Stack>
  );
}

function ModulesCell({ tenant }: { tenant: AdminTenant }) {
  if (tenant.modules.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        None
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {tenant.modules.map((module) => (
        <Badge key={module} variant="outline">
          {moduleName(module)}
        </Badge>
      ))}
    </Group>
  );
}

export function tenantColumns(modules: readonly string[]): readonly Column<AdminTenant>[] {
  return [
    { key: 'name', header: 'Tenant', render: (row) => <NameCell tenant={row} /> },
    { key: 'modules', header: 'Modules', render: (row) => <ModulesCell tenant={row} /> },
    { key: 'members', header: 'Members', render: (row) => row.members },
    {
      key: 'status',
      header: 'Status',
      render: (row) =>
        row.isActive ? (
          <Badge variant="light" color="green">
            Active
          </Badge>
        ) : (
          <Badge variant="light" color="gray">
            Deactivated
          </Badge>
        ),
    },
    { key: 'createdAt', header: 'Created', render: (row) => formatDate(row.createdAt) },
    {
      key: 'actions',
      header: 'Actions',
      hideHeader: true,
      render: (row) => <TenantActions tenant={row} modules={modules} />,
    },
  ];
}
