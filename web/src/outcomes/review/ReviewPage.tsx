import { Button, Chip, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { SelectFilter } from '../../table/SelectFilter';
import { TablePagination } from '../../table/TablePagination';
import { NoMatches, PastLastPage, TableEmpty, TableLoading } from '../../table/TableStates';
import { useTableParams } from '../../table/useTableParams';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useOutcomesAccess } from '../access';
import { listReview, OUTCOMES_KEY } from '../api';
import { REVIEW_ACTIONS, OUTCOME_STATUS } from '../labels';
import { useTermAndProgramOptions } from '../offerings/OfferingsPage';
import type { Course, Instructor, OutcomeStatus, ReviewAction, ReviewRow } from '../types';
import { RecordSelect } from '../ui/RecordSelect';
import { ActionDialog } from './ActionDialog';
import { RemindDialog } from './RemindDialog';
import { ReminderSettingsCard } from './ReminderSettingsCard';
import { ReviewDrawer } from './ReviewDrawer';
import { REVIEW_SORTS, ReviewTable, rowName, type ReviewSort } from './ReviewTable';
import { TransitionError } from './TransitionError';
import { useReviewAction } from './useReviewAction';

type Filter = 'termId' | 'programId' | 'courseId' | 'instructorId' | 'status';

const STATUSES = Object.keys(OUTCOME_STATUS) as OutcomeStatus[];
/** Approve and reopen need no comment; rework and NCI ask for one in a dialog. */
const DIRECT: readonly ReviewAction[] = ['approve', 'reopen'];
const ACTIONS: readonly ReviewAction[] = ['approve', 'request_rework', 'nci', 'reopen'];

const courseOption = (c: Course) => ({
  value: c.id,
  label: c.title ? `${c.number} · ${c.title}` : c.number,
});

const NOTHING: ReadonlyMap<string, ReviewRow> = new Map();

const plural = (n: number, word: string) => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

interface StatusChipsProps {
  counts: Record<OutcomeStatus, number> | undefined;
  value: string;
  onChange: (status: string) => void;
}

/** One chip per status with its count (over the other filters); choosing one filters by it. */
function StatusChips({ counts, value, onChange }: StatusChipsProps) {
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  const count = (n: number | undefined) => (n === undefined ? '' : ` (${String(n)})`);
  return (
    <Chip.Group
      multiple={false}
      value={value === '' ? 'all' : value}
      onChange={(v) => onChange(v === 'all' ? '' : v)}
    >
      <Group gap="xs" role="radiogroup" aria-label="Status">
        <Chip value="all" size="sm">{`All${count(total)}`}</Chip>
        {STATUSES.map((status) => (
          <Chip key={status} value={status} size="sm" color={OUTCOME_STATUS[status].color}>
            {`${OUTCOME_STATUS[status].label}${count(counts?.[status])}`}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}

/**
 * `/outcomes/review`: the reviewers' queue of section outcomes — filters, counts per status,
 * grouped rows, bulk review actions and reminders, a section in a side panel.
 */
export function ReviewPage() {
  const { isAdmin } = useOutcomesAccess();
  const table = useTableParams<Filter, ReviewSort>({
    tableId: 'outcomes-review',
    filters: {
      termId: {},
      programId: {},
      courseId: {},
      instructorId: {},
      status: { values: STATUSES },
    },
    sortColumns: REVIEW_SORTS,
    defaultSort: { column: 'course', order: 'asc' },
  });
  const params = {
    ...table.filters,
    page: table.page,
    pageSize: table.pageSize,
    sort: table.sort?.column ?? 'course',
    order: table.sort?.order ?? 'asc',
  };
  const query = useQuery({
    queryKey: [...OUTCOMES_KEY, 'review', 'list', params],
    queryFn: ({ signal }) => listReview(params, signal),
    placeholderData: keepPreviousData,
  });
  const options = useTermAndProgramOptions();
  // A selection belongs to the filters it was made under: other filters show other rows, and
  // acting on rows no longer in sight would surprise.
  const filterKey = JSON.stringify(table.filters);
  const [selection, setSelection] = useState<{ key: string; rows: ReadonlyMap<string, ReviewRow> }>(
    { key: filterKey, rows: new Map() },
  );
  const selected = selection.key === filterKey ? selection.rows : NOTHING;
  const setSelected = (
    change: (current: ReadonlyMap<string, ReviewRow>) => ReadonlyMap<string, ReviewRow>,
  ) =>
    setSelection((current) => ({
      key: filterKey,
      rows: change(current.key === filterKey ? current.rows : NOTHING),
    }));
  const [dialog, setDialog] = useState<ReviewAction | 'remind' | null>(null);
  const [drawer, setDrawer] = useState<string | null>(null);
  const direct = useReviewAction(() => setSelected(() => NOTHING));

  const data = query.data;
  const selectedRows = [...selected.values()];
  const selectedIds = [...selected.keys()];
  const sectionIds = [...new Set(selectedRows.map((r) => r.section.id))];
  const nameOf = (id: string) => {
    const row = selected.get(id) ?? data?.items.find((r) => r.id === id);
    return row ? rowName(row) : id;
  };

  function select(rows: readonly ReviewRow[], on: boolean) {
    setSelected((current) => {
      const next = new Map(current);
      for (const row of rows) {
        if (on) next.set(row.id, row);
        else next.delete(row.id);
      }
      return next;
    });
  }

  function act(action: ReviewAction) {
    if (DIRECT.includes(action)) direct.mutate({ action, outcomeIds: selectedIds });
    else setDialog(action);
  }

  return (
    <Container size="xl" py="md">
      <title>Review · EduLedger</title>
      <Stack gap="md">
        <Stack gap={0}>
          <Title order={1}>Review</Title>
          <Text size="sm" c="dimmed">
            Approve the instructors’ results, send them back for rework, or remind those who have
            not submitted.
          </Text>
        </Stack>
        <Group align="flex-end" gap="md" wrap="wrap">
          <SelectFilter
            label="Term"
            anyLabel="Any term"
            options={options.terms}
            value={table.filters.termId}
            onChange={(value) => table.setFilter('termId', value)}
          />
          <SelectFilter
            label="Program"
            anyLabel="Any program"
            options={options.programs}
            value={table.filters.programId}
            onChange={(value) => table.setFilter('programId', value)}
          />
          <RecordSelect<Course>
            resource="courses"
            label="Course"
            placeholder="Any course"
            toOption={courseOption}
            value={table.filters.courseId || null}
            onChange={(id) => table.setFilter('courseId', id ?? '')}
            clearable
          />
          <RecordSelect<Instructor>
            resource="instructors"
            label="Instructor"
            placeholder="Any instructor"
            toOption={(i) => ({ value: i.id, label: i.name })}
            value={table.filters.instructorId || null}
            onChange={(id) => table.setFilter('instructorId', id ?? '')}
            clearable
          />
          {table.isFiltered && (
            <Button variant="subtle" onClick={table.clearFilters}>
              Clear filters
            </Button>
          )}
        </Group>
        <StatusChips
          counts={data?.counts}
          value={table.filters.status}
          onChange={(status) => table.setFilter('status', status)}
        />

        {selected.size > 0 && (
          <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
            <Group justify="space-between" wrap="wrap" gap="sm">
              <Text size="sm" fw={600} role="status">
                {plural(selected.size, 'CLO')} selected in {plural(sectionIds.length, 'section')}
              </Text>
              <Group gap="xs" role="group" aria-label="Actions on the selected CLOs">
                {ACTIONS.map((action) => (
                  <Button
                    key={action}
                    size="xs"
                    variant="light"
                    color={REVIEW_ACTIONS[action].color}
                    loading={direct.isPending && direct.variables.action === action}
                    onClick={() => act(action)}
                  >
                    {`${REVIEW_ACTIONS[action].label}${DIRECT.includes(action) ? '' : '…'}`}
                  </Button>
                ))}
                <Button size="xs" variant="light" onClick={() => setDialog('remind')}>
                  Remind…
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="gray"
                  onClick={() => setSelected(() => NOTHING)}
                >
                  Clear selection
                </Button>
              </Group>
            </Group>
          </Paper>
        )}
        {direct.error && (
          <TransitionError
            title={`Could not ${REVIEW_ACTIONS[direct.variables?.action ?? 'approve'].label.toLowerCase()}`}
            error={direct.error}
            nameOf={nameOf}
          />
        )}

        {query.isError && (
          <ErrorAlert
            title="The review queue could not be loaded"
            error={query.error}
            onRetry={() => void query.refetch()}
            retrying={query.isFetching}
          />
        )}
        {query.isPending && <TableLoading label="Loading the review queue…" />}
        {data?.total === 0 &&
          (table.isFiltered ? (
            <NoMatches onClear={table.clearFilters} />
          ) : (
            <TableEmpty
              title="Nothing to review yet"
              description="Section outcomes appear here once sections have CLOs."
            />
          ))}
        {data !== undefined && data.total > 0 && data.items.length === 0 && (
          <PastLastPage page={table.page} onFirstPage={() => table.setPage(1)} />
        )}
        {data !== undefined && data.items.length > 0 && (
          <ReviewTable
            rows={data.items}
            sort={table.sort}
            onSort={table.toggleSort}
            selected={new Set(selected.keys())}
            onSelect={select}
            onOpenSection={setDrawer}
            busy={query.isPlaceholderData}
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
        {isAdmin && <ReminderSettingsCard />}
      </Stack>

      {dialog === 'remind' && (
        <RemindDialog sectionIds={sectionIds} onClose={() => setDialog(null)} />
      )}
      {dialog !== null && dialog !== 'remind' && (
        <ActionDialog
          action={dialog}
          outcomeIds={selectedIds}
          subject={`${plural(selected.size, 'CLO')} in ${plural(sectionIds.length, 'section')}`}
          nameOf={nameOf}
          onClose={() => setDialog(null)}
          onDone={() => setSelected(() => NOTHING)}
        />
      )}
      {drawer && <ReviewDrawer sectionId={drawer} onClose={() => setDrawer(null)} />}
    </Container>
  );
}
