import { Group, Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PagedTable } from '../table/PagedTable';
import { SelectFilter } from '../table/SelectFilter';
import { TableEmpty } from '../table/TableStates';
import { TextFilter } from '../table/TextFilter';
import { useTableParams } from '../table/useTableParams';
import { EMAILS_KEY, listEmails } from './api';
import { emailColumns } from './columns';
import { isInFlight, STATUS_LABELS, templateLabel } from './labels';
import { EMAIL_SORTS, EMAIL_STATUSES, type EmailQuery } from './types';
import { useTemplates } from './useTemplates';
import { useTenantNamer } from './useTenantNamer';

const STATUS_OPTIONS = EMAIL_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));
/** While an email on the page is on its way, the list checks again this often. */
const IN_FLIGHT_REFRESH_MS = 5_000;

/** `/admin/emails`: the outbox, newest first, filtered on the server. */
export function EmailsPage() {
  const tenantNameOf = useTenantNamer();
  const templates = useTemplates();
  const table = useTableParams({
    tableId: 'emails',
    filters: { status: { values: EMAIL_STATUSES }, template: {}, recipient: {} },
    sortColumns: EMAIL_SORTS,
    defaultSort: { column: 'createdAt', order: 'desc' },
  });
  const query: EmailQuery = {
    ...table.filters,
    page: table.page,
    pageSize: table.pageSize,
    sort: table.sort?.column ?? 'createdAt',
    order: table.sort?.order ?? 'desc',
  };
  const emails = useQuery({
    queryKey: [...EMAILS_KEY, 'list', query],
    queryFn: ({ signal }) => listEmails(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: ({ state }) =>
      state.data?.items.some((email) => isInFlight(email.status)) ? IN_FLIGHT_REFRESH_MS : false,
  });
  // A template named by a link stays selectable before (or without) the list of templates.
  const templateNames = new Set(templates.data?.map(({ name }) => name));
  if (table.filters.template !== '') templateNames.add(table.filters.template);
  const templateOptions = [...templateNames].map((value) => ({
    value,
    label: templateLabel(value),
  }));

  return (
    <Stack gap="md">
      <title>Emails · EduLedger</title>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextFilter
          label="Recipient"
          placeholder="Email address"
          value={table.filters.recipient}
          onChange={(value) => table.setFilter('recipient', value)}
        />
        <SelectFilter
          label="Status"
          anyLabel="Any status"
          options={STATUS_OPTIONS}
          value={table.filters.status}
          onChange={(value) => table.setFilter('status', value)}
        />
        <SelectFilter
          label="Template"
          anyLabel="Any template"
          options={templateOptions}
          value={table.filters.template}
          onChange={(value) => table.setFilter('template', value)}
        />
      </Group>
      <PagedTable
        label="Emails"
        query={emails}
        table={table}
        columns={emailColumns({ tenantNameOf })}
        rowKey={(row) => row.id}
        loadingLabel="Loading emails…"
        errorTitle="The emails could not be loaded"
        empty={
          <TableEmpty
            title="No emails yet"
            description="Invitations, password resets, reminders and notices appear here as soon as they are queued."
          />
        }
      />
    </Stack>
  );
}
