import { Anchor, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { COURSES_PAGE } from '../pages';
import type { Course, Program } from '../types';
import { OutcomesList } from '../ui/OutcomesList';
import { useOptions } from '../ui/useOptions';
import { useOutcomesList } from '../ui/useOutcomesList';
import { CourseForm } from './CourseForm';

const SORTS = ['number', 'title', 'creditHours', 'outcomeCount', 'offeringCount'] as const;
type Sort = (typeof SORTS)[number];

export const coursePath = (id: string) => `${COURSES_PAGE.path}/${encodeURIComponent(id)}`;

const columns: Column<Course, Sort>[] = [
  {
    key: 'number',
    header: 'Number',
    sortKey: 'number',
    render: (row) => (
      <Anchor component={Link} to={coursePath(row.id)} fw={500} size="sm">
        {row.number}
      </Anchor>
    ),
  },
  { key: 'title', header: 'Title', sortKey: 'title', render: (row) => row.title ?? '—' },
  {
    key: 'creditHours',
    header: 'Credits',
    sortKey: 'creditHours',
    render: (row) => row.creditHours,
  },
  {
    key: 'programs',
    header: 'Programs',
    render: (row) => <Text size="sm">{row.programs.map((p) => p.name).join(', ')}</Text>,
  },
  {
    key: 'outcomeCount',
    header: 'CLOs',
    sortKey: 'outcomeCount',
    render: (row) => row.outcomeCount,
  },
  {
    key: 'offeringCount',
    header: 'Offerings',
    sortKey: 'offeringCount',
    render: (row) => row.offeringCount,
  },
];

/** `/outcomes/courses`: the courses of the caller's programs. */
export function CoursesPage() {
  const navigate = useNavigate();
  const table = useTableParams({
    tableId: 'outcomes-courses',
    filters: { search: {}, programId: {} },
    sortColumns: SORTS,
    defaultSort: { column: 'number', order: 'asc' },
  });
  const query = useOutcomesList<Course, 'search' | 'programId', Sort>('courses', table, {
    sort: 'number',
    order: 'asc',
  });
  const programs = useOptions<Program>('programs', (p) => ({ value: p.id, label: p.name }));
  const [creating, setCreating] = useState(false);

  return (
    <>
      <OutcomesList
        title="Courses"
        description="Courses with their learning outcomes (CLOs); open one to manage its CLOs."
        actions={<Button onClick={() => setCreating(true)}>New course</Button>}
        filters={
          <>
            <TextFilter
              label="Search"
              placeholder="Number or title"
              value={table.filters.search}
              onChange={(value) => table.setFilter('search', value)}
            />
            <SelectFilter
              label="Program"
              anyLabel="Any program"
              options={programs.options}
              value={table.filters.programId}
              onChange={(value) => table.setFilter('programId', value)}
            />
          </>
        }
        table={table}
        query={query}
        columns={columns}
        rowKey={(row) => row.id}
        empty={{
          title: 'No courses yet',
          description: 'Add a course, or import the registrar’s CEI workbook.',
        }}
      />
      {creating && (
        <CourseForm
          onClose={() => setCreating(false)}
          onSaved={(course) => void navigate(coursePath(course.id))}
        />
      )}
    </>
  );
}
