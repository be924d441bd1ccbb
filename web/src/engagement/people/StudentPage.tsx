import { Alert, SimpleGrid } from '@mantine/core';
import { useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../format/dates';
import { useEngagementAccess } from '../access';
import { EVENTS_PAGE, recordPath, SCHOOLS_PAGE, STUDENTS_PAGE } from '../pages';
import type { StudentDetail } from '../types';
import { DetailPage, Facts, Section, useRecord } from '../ui/Detail';
import { RecordLink } from '../ui/RecordLink';
import { RelatedTable } from '../ui/RelatedTable';
import { RemoveRecordButton } from '../ui/RemoveRecordButton';
import { gradeLabel } from './StudentsPage';

const titleOf = (s: StudentDetail) => s.name ?? `Student ${s.studentNumber ?? ''}`.trim();

/** `/engagement/students/:id`: a student and the events they took part in. */
export function StudentPage() {
  const { id = '' } = useParams();
  const access = useEngagementAccess();
  const query = useRecord<StudentDetail>('students', id);
  return (
    <DetailPage
      list={STUDENTS_PAGE}
      query={query}
      noun="student"
      title={titleOf}
      actions={(s) =>
        access.canDestroy && (
          <RemoveRecordButton
            resource="students"
            id={s.id}
            label={titleOf(s)}
            noun="student"
            consequences="Their event participations and history go with them."
            after={STUDENTS_PAGE.path}
          />
        )
      }
    >
      {(s) => (
        <>
          {!access.seesSensitive && (
            <Alert variant="light" color="gray" title="Names are hidden">
              Your role does not see students’ names, contact details or demographics.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Facts
              label="Student"
              rows={[
                ['Student number', s.studentNumber],
                [
                  'School',
                  s.schoolId && (
                    <RecordLink to={recordPath(SCHOOLS_PAGE, s.schoolId)}>{s.school}</RecordLink>
                  ),
                ],
                ['Class', s.className],
                ['Grade', gradeLabel(s.currentGrade)],
                ['Email', s.email],
                ['Gender', s.gender],
                ['Race / ethnicity', s.raceEthnicity],
                [
                  'Birthdate',
                  s.birthdate === undefined ? undefined : s.birthdate && formatDate(s.birthdate),
                ],
              ]}
            />
          </SimpleGrid>
          <Section title={`Events (${String(s.participations.length)})`}>
            <RelatedTable
              label="Events"
              rows={s.participations}
              rowKey={(p) => p.id}
              empty="No event yet."
              columns={[
                {
                  header: 'Event',
                  render: (p) => (
                    <RecordLink to={recordPath(EVENTS_PAGE, p.eventId)}>{p.eventTitle}</RecordLink>
                  ),
                },
                { header: 'Date', render: (p) => (p.startAt ? formatDateTime(p.startAt) : '—') },
                { header: 'Status', render: (p) => p.status },
              ]}
            />
          </Section>
        </>
      )}
    </DetailPage>
  );
}
