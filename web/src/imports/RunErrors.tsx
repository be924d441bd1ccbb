import { Button, Group, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DataTable, type Column } from '../table/DataTable';
import { TablePagination } from '../table/TablePagination';
import { TableLoading } from '../table/TableStates';
import { ErrorAlert } from '../ui/ErrorAlert';
import { listRunErrors, rejectedRowsUrl, runKey } from './api';
import { useLocalPaging } from './useLocalPaging';
import type { RowError, RunDetail } from './types';

const columns: Column<RowError>[] = [
  { key: 'step', header: 'Step', render: (e) => e.step },
  { key: 'file', header: 'File', render: (e) => e.file ?? '—' },
  { key: 'row', header: 'Row', render: (e) => (e.row === null ? '—' : String(e.row)) },
  { key: 'column', header: 'Column', render: (e) => e.column ?? '—' },
  { key: 'value', header: 'Value', render: (e) => e.value ?? '' },
  { key: 'message', header: 'Problem', render: (e) => e.message },
];

/** A run's errors, page by page, and the rejected rows of each file as CSV to fix and re-import. */
export function RunErrors({ run }: { run: RunDetail }) {
  const paging = useLocalPaging();
  const { page, pageSize } = paging;
  const errors = useQuery({
    queryKey: [...runKey(run.id), 'errors', { page, pageSize, count: run.errorCount }],
    queryFn: ({ signal }) => listRunErrors(run.id, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
  const data = errors.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>Errors</Title>
        <Group gap="xs">
          {run.rejectedFiles.map(({ file, count }) => (
            <Button
              key={file}
              component="a"
              href={rejectedRowsUrl(run.id, file)}
              download
              variant="light"
              size="xs"
            >
              Download rejected rows of {file} ({count})
            </Button>
          ))}
        </Group>
      </Group>
      {errors.isError && (
        <ErrorAlert
          title="The errors could not be loaded"
          error={errors.error}
          onRetry={() => void errors.refetch()}
          retrying={errors.isFetching}
        />
      )}
      {errors.isPending && <TableLoading label="Loading the errors…" />}
      {data !== undefined && data.items.length > 0 && (
        <DataTable
          label="Errors"
          columns={columns}
          rows={data.items}
          rowKey={(e) => String(e.id)}
          busy={errors.isPlaceholderData}
        />
      )}
      {data !== undefined && data.total > 0 && <TablePagination {...paging} total={data.total} />}
    </Stack>
  );
}
