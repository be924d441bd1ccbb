import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../format/dates';
import type { Column } from '../table/DataTable';
import { templateLabel } from './labels';
import { emailPath } from './paths';
import { StatusBadge } from './StatusBadge';
import type { EmailSort, EmailSummary } from './types';

interface EmailColumnsOptions {
  /** Given for site admins, who see every tenant's emails: adds a Tenant column. */
  tenantNameOf?: (email: EmailSummary) => string;
}

export function emailColumns({
  tenantNameOf,
}: EmailColumnsOptions): Column<EmailSummary, EmailSort>[] {
  const columns: Column<EmailSummary, EmailSort>[] = [
    {
      key: 'createdAt',
      header: 'Queued',
      sortKey: 'createdAt',
      render: (row) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(row.createdAt)}
        </Text>
      ),
    },
    {
      key: 'to',
      header: 'Recipient',
      sortKey: 'to',
      render: (row) => row.to,
    },
    {
      key: 'subject',
      header: 'Subject',
      render: (row) => (
        <Anchor component={Link} to={emailPath(row.id)} size="sm">
          {row.subject}
        </Anchor>
      ),
    },
    {
      key: 'template',
      header: 'Template',
      sortKey: 'template',
      render: (row) => templateLabel(row.template),
    },
    {
      key: 'status',
      header: 'Status',
      sortKey: 'status',
      render: (row) => (
        <Stack gap={2} align="flex-start">
          <StatusBadge status={row.status} />
          {row.lastError && (row.status === 'failed' || row.status === 'blocked') && (
            <Text size="xs" c="dimmed" lineClamp={2} title={row.lastError}>
              {row.lastError}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'attempts',
      header: 'Attempts',
      sortKey: 'attempts',
      render: (row) => String(row.attempts),
    },
  ];
  if (tenantNameOf) columns.push({ key: 'tenant', header: 'Tenant', render: tenantNameOf });
  return columns;
}
