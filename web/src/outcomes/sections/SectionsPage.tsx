import { Anchor, Button, Group } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { formatDay, optionsOf, orDash, SECTION_STATUS } from '../labels';
import { useTermAndProgramOptions } from '../offerings/OfferingsPage';
import { SECTIONS_PAGE } from '../pages';
import type { Section } from '../types';
import { OutcomesList } from '../ui/OutcomesList';
import { StatusBadge } from '../ui/StatusBadge';
import { useOutcomesList } from '../ui/useOutcomesList';
import { AssignDialog } from './AssignDialog';
import { InstructorCell } from './InstructorCell';

const SORTS = [
  'course',
  'number',
  'term',
  'instructor',
  'enrollment',
  'status',
  'dueDate',
] as const;
type Sort = (typeof SORTS)[number];
type Filter = 'search' | 'termId' | 'programId' | 'status' | 'unassigned';

export const sectionPath = (id: string) => `${SECTIONS_PAGE.path}/${encodeURIComponent(id)}`;

/** `/outcomes/sections`: every section of the caller's programs, its instructor and status. */
export function SectionsPage() {
  const table = useTableParams({
    tableId: 'outcomes-sections',
    filters: {
      search: {},
      termId: {},
      programId: {},
      status: { values: Object.keys(SECTION_STATUS) },
      unassigned: { values: ['true'] },
    },
    sortColumns: SORTS,
    defaultSort: { column: 'course', order: 'asc' },
  });
  const query = useOutcomesList<Section, Filter, Sort>('sections', table, {
    sort: 'course',
    order: 'asc',
  });
  const options = useTermAndProgramOptions();
  const [assigning, setAssigning] = useState<Section | null>(null);

  const columns: Column<Section, Sort>[] = [
    {
      key: 'course',
      header: 'Section',
      sortKey: 'course',
      render: (row) => (
        <Anchor component={Link} to={sectionPath(row.id)} size="sm" fw={500}>
          {`${row.course.number}-${row.number}`}
        </Anchor>
      ),
    },
    { key: 'term', header: 'Term', sortKey: 'term', render: (row) => row.term.name },
    {
      key: 'instructor',
      header: 'Instructor',
      sortKey: 'instructor',
      render: (row) => <InstructorCell instructor={row.instructor} />,
    },
    {
      key: 'enrollment',
      header: 'Enrolled',
      sortKey: 'enrollment',
      render: (row) => orDash(row.enrollment),
    },
    { key: 'outcomes', header: 'CLOs', render: (row) => row.outcomeCount },
    {
      key: 'status',
      header: 'Status',
      sortKey: 'status',
      render: (row) => <StatusBadge status={SECTION_STATUS[row.status]} />,
    },
    { key: 'dueDate', header: 'Due', sortKey: 'dueDate', render: (row) => formatDay(row.dueDate) },
    {
      key: 'actions',
      header: 'Actions',
      hideHeader: true,
      render: (row) => (
        <Group justify="flex-end">
          <Button size="xs" variant="subtle" onClick={() => setAssigning(row)}>
            {row.instructor ? 'Change instructor' : 'Assign instructor'}
          </Button>
        </Group>
      ),
    },
  ];

  return (
    <>
      <OutcomesList
        title="Sections"
        description="Assign each section’s instructor; the status follows the assessment of its CLOs."
        filters={
          <>
            <TextFilter
              label="Search"
              placeholder="Course or instructor"
              value={table.filters.search}
              onChange={(value) => table.setFilter('search', value)}
            />
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
            <SelectFilter
              label="Status"
              anyLabel="Any status"
              options={optionsOf(SECTION_STATUS)}
              value={table.filters.status}
              onChange={(value) => table.setFilter('status', value)}
            />
            <SelectFilter
              label="Instructor"
              anyLabel="Any"
              options={[{ value: 'true', label: 'Unassigned' }]}
              value={table.filters.unassigned}
              onChange={(value) => table.setFilter('unassigned', value)}
            />
          </>
        }
        table={table}
        query={query}
        columns={columns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No sections yet',
          description: 'Create an offering with its sections, or import the CEI workbook.',
        }}
      />
      {assigning && <AssignDialog section={assigning} onClose={() => setAssigning(null)} />}
    </>
  );
}
