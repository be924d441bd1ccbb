import { Badge, Button, Code, Text } from '@mantine/core';
import { formatDateTime } from '../format/dates';
import type { Column } from '../table/DataTable';
import { actorOf, OUTCOME_COLORS, OUTCOME_LABELS, targetOf } from './labels';
import type { AuditEntry } from './types';

interface AuditColumnsOptions {
  onOpen: (entry: AuditEntry) => void;
  /** Given for site admins, who see every tenant: adds a Tenant column. */
  tenantNameOf?: (entry: AuditEntry) => string;
}

export function auditColumns({ onOpen, tenantNameOf }: AuditColumnsOptions): Column<AuditEntry>[] {
  const columns: Column<AuditEntry>[] = [
    {
      key: 'occurredAt',
      header: 'When',
      render: (row) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(row.occurredAt)}
        </Text>
      ),
    },
    { key: 'actor', header: 'Actor', render: actorOf },
    { key: 'action', header: 'Action', render: (row) => <Code>{row.action}</Code> },
    { key: 'target', header: 'Target', render: targetOf },
    {
      key: 'outcome',
      header: 'Outcome',
      render: (row) => (
        <Badge variant="light" color={OUTCOME_COLORS[row.outcome]}>
          {OUTCOME_LABELS[row.outcome]}
        </Badge>
      ),
    },
  ];
  if (tenantNameOf) columns.push({ key: 'tenant', header: 'Tenant', render: tenantNameOf });
  columns.push({
    key: 'details',
    header: 'Details',
    hideHeader: true,
    render: (row) => (
      <Button
        size="xs"
        variant="subtle"
        onClick={() => onOpen(row)}
        aria-label={`Details of ${row.action} at ${formatDateTime(row.occurredAt)}`}
      >
        Details
      </Button>
    ),
  });
  return columns;
}
