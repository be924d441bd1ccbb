import { Container, Group, Stack, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { MEMBERSHIP_ROLES } from '../roles/roles';
import { ROLE_LABELS } from '../session/labels';
import { useSession } from '../session/SessionContext';
import { DataTable } from '../table/DataTable';
import { SelectFilter } from '../table/SelectFilter';
import { TablePagination } from '../table/TablePagination';
import { NoMatches, PastLastPage, TableEmpty, TableLoading } from '../table/TableStates';
import { TextFilter } from '../table/TextFilter';
import { useTableParams } from '../table/useTableParams';
import { ErrorAlert } from '../ui/ErrorAlert';
import { listMembers, USERS_KEY } from './api';
import { memberColumns, STATUS_LABELS } from './columns';
import { MEMBER_SORTS, MEMBER_STATUSES, type MemberQuery } from './types';

const ROLE_OPTIONS = MEMBERSHIP_ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));
const STATUS_OPTIONS = MEMBER_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/** `/admin/users`: the members of the active tenant, their roles and access. */
export function UsersPage() {
  const me = useSession();
  const table = useTableParams({
    tableId: 'users',
    filters: {
      search: {},
      role: { values: MEMBERSHIP_ROLES },
      status: { values: MEMBER_STATUSES },
    },
    sortColumns: MEMBER_SORTS,
    defaultSort: { column: 'name', order: 'asc' },
  });
  const query: MemberQuery = {
    ...table.filters,
    page: table.page,
    pageSize: table.pageSize,
    sort: table.sort?.column ?? 'name',
    order: table.sort?.order ?? 'asc',
  };
  const members = useQuery({
    queryKey: [...USERS_KEY, query],
    queryFn: ({ signal }) => listMembers(query, signal),
    placeholderData: keepPreviousData,
  });
  const data = members.data;

  return (
    <Container size="xl" py="md">
      <title>Users · EduLedger</title>
      <Stack gap="md">
        <Title order={1}>Users</Title>
        <Group align="flex-end" gap="md" wrap="wrap">
          <TextFilter
            label="Search"
            placeholder="Name or email"
            value={table.filters.search}
            onChange={(value) => table.setFilter('search', value)}
          />
          <SelectFilter
            label="Role"
            anyLabel="Any role"
            options={ROLE_OPTIONS}
            value={table.filters.role}
            onChange={(value) => table.setFilter('role', value)}
          />
          <SelectFilter
            label="Status"
            anyLabel="Any status"
            options={STATUS_OPTIONS}
            value={table.filters.status}
            onChange={(value) => table.setFilter('status', value)}
          />
        </Group>
        {members.isError && (
          <ErrorAlert
            title="The users could not be loaded"
            error={members.error}
            onRetry={() => void members.refetch()}
            retrying={members.isFetching}
          />
        )}
        {members.isPending && <TableLoading label="Loading users…" />}
        {data?.total === 0 &&
          (table.isFiltered ? (
            <NoMatches onClear={table.clearFilters} />
          ) : (
            <TableEmpty
              title="No users yet"
              description="Invite people from the Invitations page; they appear here once invited."
            />
          ))}
        {data !== undefined && data.total > 0 && data.items.length === 0 && (
          <PastLastPage page={table.page} onFirstPage={() => table.setPage(1)} />
        )}
        {data !== undefined && data.items.length > 0 && (
          <DataTable
            label="Users"
            columns={memberColumns(me.user.id)}
            rows={data.items}
            rowKey={(row) => row.id}
            sort={table.sort}
            onSort={table.toggleSort}
            busy={members.isPlaceholderData}
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
    </Container>
  );
}
