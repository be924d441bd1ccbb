import {
  Anchor,
  Box,
  Checkbox,
  LoadingOverlay,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDate } from '../../format/dates';
import type { SortState } from '../../table/useTableParams';
import { cloName, formatDay, formatRate, orDash, OUTCOME_STATUS, SECTION_STATUS } from '../labels';
import type { ReviewRow } from '../types';
import { StatusBadge } from '../ui/StatusBadge';

export const REVIEW_SORTS = [
  'course',
  'section',
  'clo',
  'status',
  'instructor',
  'updated',
] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const formatTime = (iso: string) => timeFormat.format(new Date(iso));

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;
const ARROWS = { asc: '▲', desc: '▼', none: '↕' } as const;

/** "ACC-201-001 · ACC-201.2": a row named for lists and screen readers. */
export const rowName = (row: ReviewRow) =>
  `${row.course.number}-${row.section.number} · ${cloName(row.course.number, row.clo.number)}`;

interface HeaderProps {
  label: string;
  sortKey?: ReviewSort;
  sort: SortState<ReviewSort> | null;
  onSort: (column: ReviewSort) => void;
  w?: number;
}

function Header({ label, sortKey, sort, onSort, w }: HeaderProps) {
  if (!sortKey) return <Table.Th w={w}>{label}</Table.Th>;
  const order = sort?.column === sortKey ? sort.order : null;
  return (
    <Table.Th w={w} aria-sort={order ? ARIA_SORT[order] : 'none'}>
      <UnstyledButton
        onClick={() => onSort(sortKey)}
        fw={700}
        fz="sm"
        style={{ whiteSpace: 'nowrap' }}
      >
        {label}{' '}
        <span aria-hidden style={{ opacity: order ? 1 : 0.4 }}>
          {ARROWS[order ?? 'none']}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** Lengths of the runs of consecutive rows sharing a key, indexed by the run's first row. */
function runs(rows: readonly ReviewRow[], key: (row: ReviewRow) => string): Map<number, number> {
  const starts = new Map<number, number>();
  let start = 0;
  rows.forEach((row, i) => {
    if (i > 0 && key(row) !== key(rows[i - 1] as ReviewRow)) start = i;
    starts.set(start, (starts.get(start) ?? 0) + 1);
  });
  return starts;
}

interface ReviewTableProps {
  rows: readonly ReviewRow[];
  sort: SortState<ReviewSort> | null;
  onSort: (column: ReviewSort) => void;
  selected: ReadonlySet<string>;
  onSelect: (rows: readonly ReviewRow[], selected: boolean) => void;
  onOpenSection: (sectionId: string) => void;
  busy: boolean;
}

/**
 * The queue's rows, grouped: a course's rows and a section's rows share one cell (as long as the
 * sort keeps them together). Rows, sections and the whole page can be selected.
 */
export function ReviewTable({
  rows,
  sort,
  onSort,
  selected,
  onSelect,
  onOpenSection,
  busy,
}: ReviewTableProps) {
  const courseRuns = runs(rows, (r) => r.course.id);
  const sectionRuns = runs(rows, (r) => r.section.id);
  const allSelected = rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));
  const header = (label: string, sortKey?: ReviewSort, w?: number) => (
    <Header label={label} sortKey={sortKey} sort={sort} onSort={onSort} w={w} />
  );

  return (
    <Box pos="relative">
      <LoadingOverlay visible={busy} overlayProps={{ blur: 1 }} loaderProps={{ size: 'sm' }} />
      <Table.ScrollContainer minWidth={1000}>
        <Table withTableBorder withColumnBorders aria-label="Review queue" aria-busy={busy}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select every row on this page"
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  onChange={(event) => onSelect(rows, event.currentTarget.checked)}
                />
              </Table.Th>
              {header('Course', 'course')}
              {header('Section', 'section')}
              {header('Instructor', 'instructor')}
              {header('CLO', 'clo')}
              {header('Tool')}
              {header('Took', undefined, 70)}
              {header('Passed', undefined, 70)}
              {header('Rate', undefined, 80)}
              {header('Status', 'status')}
              {header('Updated', 'updated')}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, i) => {
              const courseSpan = courseRuns.get(i);
              const sectionSpan = sectionRuns.get(i);
              const sectionRows = sectionSpan === undefined ? [] : rows.slice(i, i + sectionSpan);
              const section = `${row.course.number}-${row.section.number}`;
              const sectionSelected = sectionRows.every((r) => selected.has(r.id));
              const sectionPartly = sectionRows.some((r) => selected.has(r.id));
              return (
                <Table.Tr
                  key={row.id}
                  bg={selected.has(row.id) ? 'var(--mantine-primary-color-light)' : undefined}
                >
                  <Table.Td>
                    <Checkbox
                      aria-label={`Select ${rowName(row)}`}
                      checked={selected.has(row.id)}
                      onChange={(event) => onSelect([row], event.currentTarget.checked)}
                    />
                  </Table.Td>
                  {courseSpan !== undefined && (
                    <Table.Td rowSpan={courseSpan} style={{ verticalAlign: 'top' }}>
                      <Text size="sm" fw={600}>
                        {row.course.number}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.course.title}
                      </Text>
                    </Table.Td>
                  )}
                  {sectionSpan !== undefined && (
                    <>
                      <Table.Td rowSpan={sectionSpan} style={{ verticalAlign: 'top' }}>
                        <Stack gap={4} align="flex-start">
                          <Checkbox
                            size="xs"
                            label={<VisibleSectionLabel>{`All CLOs`}</VisibleSectionLabel>}
                            aria-label={`Select every CLO of ${section}`}
                            checked={sectionSelected}
                            indeterminate={sectionPartly && !sectionSelected}
                            onChange={(event) => onSelect(sectionRows, event.currentTarget.checked)}
                          />
                          <Anchor
                            component="button"
                            type="button"
                            size="sm"
                            fw={600}
                            onClick={() => onOpenSection(row.section.id)}
                            aria-label={`Details of ${section}`}
                          >
                            {section}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {row.term.name} · due {formatDay(row.section.dueDate)}
                          </Text>
                          <StatusBadge status={SECTION_STATUS[row.section.status]} />
                        </Stack>
                      </Table.Td>
                      <Table.Td rowSpan={sectionSpan} style={{ verticalAlign: 'top' }}>
                        <Text size="sm">{row.instructor?.name ?? 'Unassigned'}</Text>
                      </Table.Td>
                    </>
                  )}
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {cloName(row.course.number, row.clo.number)}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {row.clo.description}
                    </Text>
                  </Table.Td>
                  <Table.Td>{orDash(row.tool)}</Table.Td>
                  <Table.Td>{orDash(row.took)}</Table.Td>
                  <Table.Td>{orDash(row.passed)}</Table.Td>
                  <Table.Td>{formatRate(row.rate)}</Table.Td>
                  <Table.Td>
                    <StatusBadge status={OUTCOME_STATUS[row.status]} />
                    {row.status === 'never_coming_in' && row.nciReason && (
                      <Text size="xs" c="dimmed">
                        {row.nciReason}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">{formatDate(row.updatedAt)}</Text>
                    <Text size="xs" c="dimmed">
                      {formatTime(row.updatedAt)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Box>
  );
}

function VisibleSectionLabel({ children }: { children: ReactNode }) {
  return (
    <Text span size="xs" c="dimmed">
      {children}
    </Text>
  );
}
