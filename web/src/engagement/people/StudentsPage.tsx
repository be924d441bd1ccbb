import { Alert } from '@mantine/core';
import type { Column } from '../../table/DataTable';
import { SelectFilter } from '../../table/SelectFilter';
import { TextFilter } from '../../table/TextFilter';
import { useTableParams } from '../../table/useTableParams';
import { useEngagementAccess } from '../access';
import { recordPath, SCHOOLS_PAGE, STUDENTS_PAGE } from '../pages';
import { STUDENT_SORTS, type SortOf, type StudentRow } from '../types';
import { ListPage } from '../ui/ListPage';
import { ListView } from '../ui/ListView';
import { PurgeButton } from '../ui/PurgeButton';
import { RecordLink } from '../ui/RecordLink';
import { useList } from '../ui/useList';
import { usePlaces } from '../ui/usePlaces';

type Sort = SortOf<typeof STUDENT_SORTS>;
const GRADES = Array.from({ length: 13 }, (_, grade) => String(grade));
export const gradeLabel = (grade: number | null) =>
  grade === null ? '—' : grade === 0 ? 'Kindergarten' : `Grade ${String(grade)}`;

function columnsFor(withNames: boolean): Column<StudentRow, Sort>[] {
  const link = (row: StudentRow) => (
    <RecordLink to={recordPath(STUDENTS_PAGE, row.id)}>
      {(withNames ? row.name : row.studentNumber) ?? 'Student'}
    </RecordLink>
  );
  return [
    withNames
      ? { key: 'name', header: 'Name', sortKey: 'name', render: link }
      : { key: 'studentNumber', header: 'Student number', sortKey: 'studentNumber', render: link },
    ...(withNames
      ? [
          {
            key: 'studentNumber',
            header: 'Student number',
            sortKey: 'studentNumber' as const,
            render: (row: StudentRow) => row.studentNumber ?? '—',
          },
        ]
      : []),
    {
      key: 'school',
      header: 'School',
      sortKey: 'school',
      render: (row) =>
        row.schoolId ? (
          <RecordLink to={recordPath(SCHOOLS_PAGE, row.schoolId)}>{row.school}</RecordLink>
        ) : (
          '—'
        ),
    },
    {
      key: 'className',
      header: 'Class',
      sortKey: 'className',
      render: (row) => row.className ?? '—',
    },
    {
      key: 'currentGrade',
      header: 'Grade',
      sortKey: 'currentGrade',
      render: (row) => gradeLabel(row.currentGrade),
    },
    {
      key: 'participations',
      header: 'Events attended',
      sortKey: 'participations',
      render: (row) => row.participations,
    },
  ];
}

/**
 * `/engagement/students`: students of the partner schools. Roles that may not see students'
 * names (DOMAIN §1.1) get student numbers instead, and cannot search or sort by name.
 */
export function StudentsPage() {
  const access = useEngagementAccess();
  const { schoolOptions } = usePlaces();
  const withNames = access.seesSensitive;
  const table = useTableParams({
    tableId: 'engagement.students',
    filters: { search: {}, schoolId: {}, grade: { values: GRADES } },
    sortColumns: STUDENT_SORTS,
    defaultSort: { column: withNames ? 'name' : 'studentNumber', order: 'asc' },
  });
  const students = useList<StudentRow, keyof typeof table.filters, Sort>('students', table, {
    sort: withNames ? 'name' : 'studentNumber',
    order: 'asc',
  });
  return (
    <ListPage
      title="Students"
      description="Students of the partner schools and the events they attended."
      actions={
        access.canDestroy && (
          <PurgeButton resource="students" noun="students" tenantSlug={access.tenantSlug} />
        )
      }
      filters={
        <>
          <TextFilter
            label="Search"
            placeholder={withNames ? 'Name or student number' : 'Student number'}
            value={table.filters.search}
            onChange={(value) => table.setFilter('search', value)}
          />
          <SelectFilter
            label="School"
            anyLabel="Any school"
            options={schoolOptions}
            value={table.filters.schoolId}
            onChange={(value) => table.setFilter('schoolId', value)}
          />
          <SelectFilter
            label="Grade"
            anyLabel="Any grade"
            options={GRADES.map((grade) => ({ value: grade, label: gradeLabel(Number(grade)) }))}
            value={table.filters.grade}
            onChange={(value) => table.setFilter('grade', value)}
          />
        </>
      }
    >
      {!withNames && (
        <Alert variant="light" color="gray" title="Names are hidden">
          Your role sees students by their student number only; names and demographics are not
          shown.
        </Alert>
      )}
      <ListView
        label="Students"
        table={table}
        query={students}
        columns={columnsFor(withNames)}
        rowKey={(row) => row.id}
        empty={{
          title: 'No students yet',
          description: 'Students arrive with the Salesforce import.',
        }}
      />
    </ListPage>
  );
}
