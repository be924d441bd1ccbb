import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../format/dates';
import type { Column } from '../table/DataTable';
import { PagedTable } from '../table/PagedTable';
import { TableEmpty } from '../table/TableStates';
import { useTableParams } from '../table/useTableParams';
import { BULK_KEY, listBulkJobs } from './api';
import { BulkProgressBar, BulkTallyText } from './BulkProgressBar';
import { BULK_STATUS_LABELS, templateLabel } from './labels';
import { bulkJobPath } from './paths';
import type { BulkJob } from './types';
import { useTenantNamer, type TenantNamer } from './useTenantNamer';

/** While a job on the page runs, the list checks again this often. */
const RUNNING_REFRESH_MS = 5_000;

function bulkColumns(tenantNameOf: TenantNamer | undefined): Column<BulkJob>[] {
  const columns: Column<BulkJob>[] = [
    {
      key: 'createdAt',
      header: 'Started',
      render: (job) => (
        <Anchor
          component={Link}
          to={bulkJobPath(job.id)}
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
        >
          {formatDateTime(job.createdAt)}
        </Anchor>
      ),
    },
    { key: 'template', header: 'Template', render: (job) => templateLabel(job.template) },
    {
      key: 'status',
      header: 'Status',
      render: (job) => (
        <Badge variant="light" color={job.status === 'running' ? 'blue' : 'green'}>
          {BULK_STATUS_LABELS[job.status]}
        </Badge>
      ),
    },
    {
      key: 'progress',
      header: 'Progress',
      render: (job) => (
        <Stack gap={4} miw={200}>
          <BulkProgressBar
            {...job}
            size="sm"
            label={`Progress of the ${templateLabel(job.template)} send of ${formatDateTime(job.createdAt)}`}
          />
          <BulkTallyText {...job} />
        </Stack>
      ),
    },
  ];
  if (tenantNameOf) columns.push({ key: 'tenant', header: 'Tenant', render: tenantNameOf });
  return columns;
}

/** `/admin/emails/bulk`: bulk sends (e.g. reminders to every instructor), newest first. */
export function BulkJobsPage() {
  const tenantNameOf = useTenantNamer();
  const table = useTableParams({ tableId: 'email-bulk', filters: {} });
  const jobs = useQuery({
    queryKey: [...BULK_KEY, 'list', { page: table.page, pageSize: table.pageSize }],
    queryFn: ({ signal }) => listBulkJobs(table.page, table.pageSize, signal),
    placeholderData: keepPreviousData,
    refetchInterval: ({ state }) =>
      state.data?.items.some((job) => job.status === 'running') ? RUNNING_REFRESH_MS : false,
  });

  return (
    <Stack gap="md">
      <title>Bulk sends · Emails · EduLedger</title>
      <Stack gap={0}>
        <Title order={2} size="h3">
          Bulk sends
        </Title>
        <Text size="sm" c="dimmed">
          One email to many people at once, such as assessment reminders. Open one to follow it live
          and see why some recipients failed.
        </Text>
      </Stack>
      <PagedTable
        label="Bulk sends"
        query={jobs}
        table={table}
        columns={bulkColumns(tenantNameOf)}
        rowKey={(job) => job.id}
        loadingLabel="Loading bulk sends…"
        errorTitle="The bulk sends could not be loaded"
        empty={
          <TableEmpty
            title="No bulk sends yet"
            description="When EduLedger emails many people at once (for example reminders to instructors), the send appears here."
          />
        }
      />
    </Stack>
  );
}
