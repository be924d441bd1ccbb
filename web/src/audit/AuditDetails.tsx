import { Badge, Code, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../format/dates';
import { describeUserAgent } from '../format/userAgent';
import { OUTCOME_COLORS, OUTCOME_LABELS, showValue } from './labels';
import type { AuditEntry } from './types';

function Facts({ rows }: { rows: ReadonlyArray<[string, ReactNode]> }) {
  return (
    <Table variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={130}>{label}</Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Changes({ changes }: { changes: AuditEntry['changes'] }) {
  const fields = Object.entries(changes ?? {});
  if (fields.length === 0) return <Text size="sm">No field changes were recorded.</Text>;
  return (
    <Table withTableBorder layout="fixed" aria-label="Changes">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Before</Table.Th>
          <Table.Th>After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map(([field, [before, after]]) => (
          <Table.Tr key={field}>
            <Table.Td>{field}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{showValue(before)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{showValue(after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

interface AuditDetailsProps {
  entry: AuditEntry;
  /** Names the entry's tenant, for site admins who see several. */
  tenantName?: string;
}

/** Everything recorded about one audit entry: who, what, the changes (before → after) and meta. */
export function AuditDetails({ entry, tenantName }: AuditDetailsProps) {
  const facts: Array<[string, ReactNode]> = [
    ['When', formatDateTime(entry.occurredAt)],
    ['Action', <Code key="action">{entry.action}</Code>],
    [
      'Outcome',
      <Badge key="outcome" variant="light" color={OUTCOME_COLORS[entry.outcome]}>
        {OUTCOME_LABELS[entry.outcome]}
      </Badge>,
    ],
    [
      'Actor',
      [entry.actorEmail ?? entry.actorId ?? entry.actorType, entry.actorRole]
        .filter(Boolean)
        .join(' · '),
    ],
    [
      'Target',
      [entry.targetType, entry.targetLabel, entry.targetId].filter(Boolean).join(' · ') || '—',
    ],
  ];
  if (tenantName !== undefined) facts.push(['Tenant', tenantName]);
  facts.push(
    ['Request ID', entry.requestId ? <Code key="request">{entry.requestId}</Code> : '—'],
    ['IP address', entry.ip ?? '—'],
    [
      'Browser',
      entry.userAgent ? (
        <span key="ua" title={entry.userAgent}>
          {describeUserAgent(entry.userAgent)}
        </span>
      ) : (
        '—'
      ),
    ],
  );

  return (
    <Stack gap="md">
      <Facts rows={facts} />
      <Title order={3} size="h5">
        Changes
      </Title>
      <Changes changes={entry.changes} />
      <Title order={3} size="h5">
        Details
      </Title>
      {entry.meta === null ? (
        <Text size="sm">No further details were recorded.</Text>
      ) : (
        <Code block>{JSON.stringify(entry.meta, null, 2)}</Code>
      )}
    </Stack>
  );
}
