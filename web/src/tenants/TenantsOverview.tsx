import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { TENANTS_PAGE } from '../nav';
import { StatTiles } from '../reports/StatTiles';
import type { Column } from '../table/DataTable';
import { DataTable } from '../table/DataTable';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { TENANTS_OVERVIEW_KEY, tenantsOverview } from './api';
import { moduleName } from './modules';
import type { TenantMetric, TenantOverviewRow } from './types';

const count = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n);

function columnsOf(metrics: readonly TenantMetric[]): Column<TenantOverviewRow>[] {
  return [
    {
      key: 'name',
      header: 'Tenant',
      render: (row) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {row.name}
          </Text>
          <Text size="xs" c="dimmed">
            {row.slug}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'modules',
      header: 'Modules',
      render: (row) =>
        row.modules.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <Group gap={4}>
            {row.modules.map((module) => (
              <Badge key={module} variant="outline">
                {moduleName(module)}
              </Badge>
            ))}
          </Group>
        ),
    },
    {
      key: 'status',
      header: 'Status',
      render: (row) => (
        <Badge variant="light" color={row.isActive ? 'green' : 'gray'}>
          {row.isActive ? 'Active' : 'Deactivated'}
        </Badge>
      ),
    },
    { key: 'users', header: 'Users', render: (row) => row.users },
    ...metrics.map((metric) => ({
      key: metric.key,
      header: metric.label,
      render: (row: TenantOverviewRow) => count(row.counts[metric.key]),
    })),
  ];
}

/** The site admins' home: every tenant with its users, programs, courses and active terms. */
export function TenantsOverview() {
  const overview = useQuery({
    queryKey: TENANTS_OVERVIEW_KEY,
    queryFn: ({ signal }) => tenantsOverview(signal),
  });
  const data = overview.data;
  const active = data?.items.filter((tenant) => tenant.isActive).length ?? 0;
  const users = data?.items.reduce((sum, tenant) => sum + tenant.users, 0) ?? 0;

  return (
    <section aria-labelledby="tenants-overview-heading">
      <Stack gap="md">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h3" id="tenants-overview-heading">
            Tenants overview
          </Title>
          <Anchor component={Link} to={TENANTS_PAGE.path} size="sm">
            Manage tenants
          </Anchor>
        </Group>
        {overview.isError && (
          <ErrorAlert
            title="The tenants could not be loaded"
            error={overview.error}
            onRetry={() => void overview.refetch()}
            retrying={overview.isFetching}
          />
        )}
        {overview.isPending && <TableLoading label="Loading the tenants…" />}
        {data?.items.length === 0 && (
          <TableEmpty
            title="No tenants yet"
            description="A tenant is an organization using EduLedger: a nonprofit, a college."
            action={
              <Anchor component={Link} to={TENANTS_PAGE.path}>
                Create the first tenant
              </Anchor>
            }
          />
        )}
        {data !== undefined && data.items.length > 0 && (
          <>
            <StatTiles
              label="The installation in figures"
              stats={[
                { label: 'Tenants', value: String(data.items.length) },
                { label: 'Active tenants', value: String(active) },
                { label: 'Memberships', value: users.toLocaleString() },
              ]}
            />
            <DataTable
              label="Tenants overview"
              columns={columnsOf(data.metrics)}
              rows={data.items}
              rowKey={(row) => row.id}
            />
            <Text size="xs" c="dimmed">
              Users: members of any role or status. A dash: the tenant does not use that module.
              Active terms: today falls between the term’s start and end, in the tenant’s time zone.
            </Text>
          </>
        )}
      </Stack>
    </section>
  );
}
