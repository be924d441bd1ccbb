import { Anchor, Badge, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../format/dates';
import { DataTable, type Column } from '../table/DataTable';
import { TablePagination } from '../table/TablePagination';
import { PastLastPage, TableEmpty, TableLoading } from '../table/TableStates';
import { useTableParams } from '../table/useTableParams';
import { ErrorAlert } from '../ui/ErrorAlert';
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
  const data = jobs.data;

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
      {jobs.isError && (
        <ErrorAlert
          title="The bulk sends could not be loaded"
          error={jobs.error}
          onRetry={() => void jobs.refetch()}
          retrying={jobs.isFetching}
        />
      )}
      {jobs.isPending && <TableLoading label="Loading bulk sends…" />}
      {data?.total === 0 && (
        <TableEmpty
          title="No bulk sends yet"
          description="When EduLedger emails many people at once (for example reminders to instructors), the send appears here."
        />
      )}
      {data !== undefined && data.total > 0 && data.items.length === 0 && (
        <PastLastPage page={table.page} onFirstPage={() => table.setPage(1)} />
      )}
      {data !== undefined && data.items.length > 0 && (
        <DataTable
          label="Bulk sends"
          columns={bulkColumns(tenantNameOf)}
          rows={data.items}
          rowKey={(job) => job.id}
          busy={jobs.isPlaceholderData}
        />
      )}
      {data !== undefined && data.total > 0 && (
        <TablePagination
          page={table.page}
          pageSize={table.pageSize}
          total={data.total}
          onPageChange={table.setPage}
          onPageSizeChange={table.setPageSize}
        />
      )}
    </Stack>
  );
}
