import { SimpleGrid } from '@mantine/core';
import { useParams } from 'react-router';
import { formatDateTime } from '../../format/dates';
import { useEngagementAccess } from '../access';
import { TEACHER_STATUS_LABELS } from '../labels';
import { districtPath, EVENTS_PAGE, recordPath, SCHOOLS_PAGE, TEACHERS_PAGE } from '../pages';
import type { TeacherDetail } from '../types';
import { DetailPage, Facts, Section, useRecord } from '../ui/Detail';
import { RecordLink } from '../ui/RecordLink';
import { RelatedTable } from '../ui/RelatedTable';
import { RemoveRecordButton } from '../ui/RemoveRecordButton';

/** `/engagement/teachers/:id`: a teacher, their school and their virtual sessions. */
export function TeacherPage() {
  const { id = '' } = useParams();
  const access = useEngagementAccess();
  const query = useRecord<TeacherDetail>('teachers', id);
  return (
    <DetailPage
      list={TEACHERS_PAGE}
      query={query}
      noun="teacher"
      title={(t) => t.name ?? 'Teacher'}
      actions={(t) =>
        access.canDestroy && (
          <RemoveRecordButton
            resource="teachers"
            id={t.id}
            label={t.name ?? 'The teacher'}
            noun="teacher"
            consequences="Their session registrations and history go with them."
            after={TEACHERS_PAGE.path}
          />
        )
      }
    >
      {(t) => (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Facts
              label="Teacher"
              rows={[
                ['Email', t.email],
                ['Phone', t.phone],
                [
                  'School',
                  t.schoolId && (
                    <RecordLink to={recordPath(SCHOOLS_PAGE, t.schoolId)}>{t.school}</RecordLink>
                  ),
                ],
                [
                  'District',
                  t.districtId && (
                    <RecordLink to={districtPath(t.districtId)}>{t.district}</RecordLink>
                  ),
                ],
                ['Department', t.department],
                ['Status', TEACHER_STATUS_LABELS[t.status] ?? t.status],
                ['Gender', t.gender],
                ['Race / ethnicity', t.raceEthnicity],
                ['Salesforce id', t.externalId],
              ]}
            />
          </SimpleGrid>
          <Section title={`Virtual sessions (${String(t.sessions.length)})`}>
            <RelatedTable
              label="Virtual sessions"
              rows={t.sessions}
              rowKey={(s) => s.id}
              empty="No virtual session yet."
              columns={[
                {
                  header: 'Session',
                  render: (s) => (
                    <RecordLink to={recordPath(EVENTS_PAGE, s.eventId)}>{s.eventTitle}</RecordLink>
                  ),
                },
                { header: 'Date', render: (s) => (s.startAt ? formatDateTime(s.startAt) : '—') },
                { header: 'Status', render: (s) => s.status },
                { header: 'Note', render: (s) => s.adminNote ?? '—' },
              ]}
            />
          </Section>
        </>
      )}
    </DetailPage>
  );
}
