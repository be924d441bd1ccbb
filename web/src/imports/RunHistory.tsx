import { Anchor, Badge, Group, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { formatDateTime } from '../format/dates';
import { DataTable, type Column } from '../table/DataTable';
import { TablePagination } from '../table/TablePagination';
import { TableEmpty, TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { listRuns, RUNS_KEY } from './api';
import { formatCount, formatDuration, isActive } from './labels';
import { StatusBadge } from './StatusBadge';
import { useLocalPaging } from './useLocalPaging';
import type { RunSummary } from './types';

const count = (key: 'created' | 'updated' | 'unchanged' | 'failed', header: string) => ({
  key,
  header,
  render: (run: RunSummary) => formatCount(run[key]),
});

const columns: Column<RunSummary>[] = [
  {
    key: 'createdAt',
    header: 'Started',
    render: (run) => (
      <Anchor component={Link} to={`/imports/${run.id}`}>
        {formatDateTime(run.startedAt ?? run.createdAt)}
      </Anchor>
    ),
  },
  {
    key: 'source',
    header: 'Source',
    render: (run) => (
      <Group gap={6}>
        {run.source}
        {run.mode === 'validate' && (
          <Badge size="xs" variant="outline">
            Validate only
          </Badge>
        )}
        {run.triggeredBy === 'schedule' && (
          <Badge size="xs" variant="outline" color="grape">
            Scheduled
          </Badge>
        )}
      </Group>
    ),
  },
  { key: 'status', header: 'Status', render: (run) => <StatusBadge status={run.status} /> },
  count('created', 'Created'),
  count('updated', 'Updated'),
  count('unchanged', 'Unchanged'),
  count('failed', 'Rejected'),
  { key: 'duration', header: 'Duration', render: (run) => formatDuration(run.durationMs) },
];

/** Every run of the tenant, newest first, refreshed while one is working. */
export function RunHistory() {
  const paging = useLocalPaging();
  const { page, pageSize } = paging;
  const runs = useQuery({
    queryKey: [...RUNS_KEY, { page, pageSize }],
    queryFn: ({ signal }) => listRuns(page, pageSize, signal),
    placeholderData: keepPreviousData,
    refetchInterval: (query) =>
      query.state.data?.items.some((run) => isActive(run.status)) ? 3000 : false,
  });
  const data = runs.data;
  return (
    <Stack gap="sm">
      <Title order={2}>Run history</Title>
      {runs.isError && (
        <ErrorAlert
          title="The run history could not be loaded"
          error={runs.error}
          onRetry={() => void runs.refetch()}
          retrying={runs.isFetching}
        />
      )}
      {runs.isPending && <TableLoading label="Loading the runs…" />}
      {data?.total === 0 && (
        <TableEmpty
          title="No import yet"
          description="Upload a Salesforce export above to run the first one."
        />
      )}
      {data !== undefined && data.items.length > 0 && (
        <DataTable
          label="Import runs"
          columns={columns}
          rows={data.items}
          rowKey={(run) => run.id}
          busy={runs.isPlaceholderData}
        />
      )}
      {data !== undefined && data.total > 0 && <TablePagination {...paging} total={data.total} />}
    </Stack>
  );
}
