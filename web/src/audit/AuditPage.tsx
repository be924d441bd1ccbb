import { Button, Container, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../session/SessionContext';
import { DataTable } from '../table/DataTable';
import { TablePagination } from '../table/TablePagination';
import { NoMatches, PastLastPage, TableEmpty, TableLoading } from '../table/TableStates';
import { useTableParams } from '../table/useTableParams';
import { ErrorAlert } from '../ui/ErrorAlert';
import { AUDIT_KEY, auditExportUrl, listAudit } from './api';
import { AuditDetails } from './AuditDetails';
import { AuditFilterBar } from './AuditFilterBar';
import { auditColumns } from './columns';
import { AUDIT_OUTCOMES, type AuditEntry } from './types';

/** `/admin/audit`: the tenant's audit log (every tenant's, for site admins), newest first. */
export function AuditPage() {
  const me = useSession();
  const [open, setOpen] = useState<AuditEntry | null>(null);
  const table = useTableParams({
    tableId: 'audit',
    filters: {
      actor: {},
      action: {},
      target: {},
      outcome: { values: AUDIT_OUTCOMES },
      from: {},
      to: {},
    },
  });
  const { filters, page, pageSize } = table;
  const log = useQuery({
    queryKey: [...AUDIT_KEY, { ...filters, page, pageSize }],
    queryFn: ({ signal }) => listAudit(filters, page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
  const data = log.data;

  const tenantNameOf = (entry: AuditEntry) =>
    entry.tenantId === null ? 'Platform' : (entry.tenantName ?? entry.tenantId);
  const siteAdmin = me.user.isSiteAdmin;

  return (
    <Container size="xl" py="md">
      <title>Audit log · EduLedger</title>
      <Stack gap="md">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={1}>Audit log</Title>
            <Text size="sm" c="dimmed">
              {siteAdmin
                ? 'Every recorded change and security event, in all tenants, newest first.'
                : 'Every recorded change and security event in this tenant, newest first.'}
            </Text>
          </Stack>
          <Button component="a" href={auditExportUrl(filters)} download variant="light">
            Export CSV
          </Button>
        </Group>
        <AuditFilterBar filters={filters} onChange={table.setFilter} />
        {log.isError && (
          <ErrorAlert
            title="The audit log could not be loaded"
            error={log.error}
            onRetry={() => void log.refetch()}
            retrying={log.isFetching}
          />
        )}
        {log.isPending && <TableLoading label="Loading the audit log…" />}
        {data?.total === 0 &&
          (table.isFiltered ? (
            <NoMatches onClear={table.clearFilters} />
          ) : (
            <TableEmpty title="Nothing recorded yet" />
          ))}
        {data !== undefined && data.total > 0 && data.items.length === 0 && (
          <PastLastPage page={page} onFirstPage={() => table.setPage(1)} />
        )}
        {data !== undefined && data.items.length > 0 && (
          <DataTable
            label="Audit log"
            columns={auditColumns({
              onOpen: setOpen,
              tenantNameOf: siteAdmin ? tenantNameOf : undefined,
            })}
            rows={data.items}
            rowKey={(row) => row.id}
            busy={log.isPlaceholderData}
          />
        )}
        {data !== undefined && data.total > 0 && (
          <TablePagination
            page={page}
            pageSize={pageSize}
            total={data.total}
            onPageChange={table.setPage}
            onPageSizeChange={table.setPageSize}
          />
        )}
      </Stack>
      <Drawer
        opened={open !== null}
        onClose={() => setOpen(null)}
        position="right"
        size="lg"
        title={open ? open.action : 'Audit entry'}
        closeButtonProps={{ 'aria-label': 'Close details' }}
      >
        {open && (
          <AuditDetails entry={open} tenantName={siteAdmin ? tenantNameOf(open) : undefined} />
        )}
      </Drawer>
    </Container>
  );
}
