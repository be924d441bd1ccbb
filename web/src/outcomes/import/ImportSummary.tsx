import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { problemsCsvUrl } from '../api';
import type { ImportProblem, ImportResult } from '../types';

const ENTITIES: [keyof ImportResult['counts'], string][] = [
  ['terms', 'Terms'],
  ['courses', 'Courses'],
  ['instructors', 'Instructors'],
  ['outcomes', 'Course outcomes (CLOs)'],
  ['sections', 'Sections'],
  ['sectionOutcomes', 'Section outcomes'],
];

function Counts({ result }: { result: ImportResult }) {
  const preview = result.validateOnly;
  return (
    <Table withTableBorder aria-label="Counts per entity">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Entity</Table.Th>
          <Table.Th>{preview ? 'To create' : 'Created'}</Table.Th>
          <Table.Th>{preview ? 'To update' : 'Updated'}</Table.Th>
          <Table.Th>Unchanged</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ENTITIES.map(([key, label]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row">{label}</Table.Th>
            <Table.Td>{result.counts[key].created}</Table.Td>
            <Table.Td>{result.counts[key].updated}</Table.Td>
            <Table.Td>{result.counts[key].unchanged}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Problems({
  title,
  items,
  total,
}: {
  title: string;
  items: ImportProblem[];
  total: number;
}) {
  if (total === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2} size="h4">
        {`${title} (${String(total)})`}
      </Title>
      {total > items.length && (
        <Text size="sm" c="dimmed">
          The first {items.length} are shown; download the CSV for all of them.
        </Text>
      )}
      <Table.ScrollContainer minWidth={600}>
        <Table striped aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>Row</Table.Th>
              <Table.Th w={160}>Column</Table.Th>
              <Table.Th>Message</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item, index) => (
              <Table.Tr key={`${String(item.row)}-${item.code}-${String(index)}`}>
                <Table.Td>{item.row ?? '—'}</Table.Td>
                <Table.Td>{item.column ?? '—'}</Table.Td>
                <Table.Td>{item.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

const HEADLINES = {
  succeeded: { color: 'green', preview: 'The workbook can be imported', done: 'Imported' },
  partial: {
    color: 'orange',
    preview: 'Some rows have errors; the others can be imported',
    done: 'Imported, except the rows with errors',
  },
  failed: { color: 'red', preview: 'The workbook cannot be imported', done: 'The import failed' },
  cancelled: {
    color: 'gray',
    preview: 'The check was cancelled',
    done: 'The import was cancelled',
  },
} as const;

/** What a check (validate-only) or an import found: counts, errors and warnings. */
export function ImportSummary({ result }: { result: ImportResult }) {
  const headline = HEADLINES[result.status];
  return (
    <Stack gap="md">
      <Alert color={headline.color} title={result.validateOnly ? headline.preview : headline.done}>
        <Text size="sm">
          {result.fileName}: {result.errorCount} error(s), {result.warningCount} warning(s).
          {result.validateOnly ? ' Nothing has been written yet.' : ''}
        </Text>
        {result.errorCount + result.warningCount > 0 && (
          <Anchor href={problemsCsvUrl(result.uploadId)} size="sm" download>
            Download all errors and warnings (CSV)
          </Anchor>
        )}
      </Alert>
      <Counts result={result} />
      <Problems title="Errors" items={result.errors} total={result.errorCount} />
      <Problems title="Warnings" items={result.warnings} total={result.warningCount} />
    </Stack>
  );
}
