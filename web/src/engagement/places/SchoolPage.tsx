import { SimpleGrid } from '@mantine/core';
import { useParams } from 'react-router';
import { formatDateTime } from '../../format/dates';
import { useEngagementAccess } from '../access';
import { SCHOOL_LEVEL_LABELS } from '../labels';
import { districtPath, EVENTS_PAGE, recordPath, SCHOOLS_PAGE } from '../pages';
import type { SchoolDetail } from '../types';
import { EventStatusBadge } from '../events/EventsPage';
import { DetailPage, Facts, Section, useRecord } from '../ui/Detail';
import { RecordLink } from '../ui/RecordLink';
import { RelatedTable } from '../ui/RelatedTable';
import { RemoveRecordButton } from '../ui/RemoveRecordButton';

/** `/engagement/schools/:id`: a school, its counts and latest events. */
export function SchoolPage() {
  const { id = '' } = useParams();
  const access = useEngagementAccess();
  const query = useRecord<SchoolDetail>('schools', id);
  return (
    <DetailPage
      list={SCHOOLS_PAGE}
      query={query}
      noun="school"
      title={(s) => s.name}
      actions={(s) =>
        access.canDestroy && (
          <RemoveRecordButton
            resource="schools"
            id={s.id}
            label={s.name}
            noun="school"
            consequences={`Its ${String(s.students)} students, ${String(s.teachers)} teachers and ${String(s.events)} events stay, without a school.`}
            after={SCHOOLS_PAGE.path}
          />
        )
      }
    >
      {(s) => (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Facts
              label="School"
              rows={[
                [
                  'District',
                  s.districtId && (
                    <RecordLink to={districtPath(s.districtId)}>{s.district}</RecordLink>
                  ),
                ],
                ['Code', s.code],
                ['Level', SCHOOL_LEVEL_LABELS[s.level]],
                ['Teachers', s.teachers],
                ['Students', s.students],
                ['Events', s.events],
              ]}
            />
          </SimpleGrid>
          <Section title="Latest events">
            <RelatedTable
              label="Latest events"
              rows={s.latestEvents}
              rowKey={(e) => e.id}
              empty="No event at this school yet."
              columns={[
                {
                  header: 'Event',
                  render: (e) => (
                    <RecordLink to={recordPath(EVENTS_PAGE, e.id)}>{e.title}</RecordLink>
                  ),
                },
                { header: 'Date', render: (e) => (e.startAt ? formatDateTime(e.startAt) : '—') },
                { header: 'Status', render: (e) => <EventStatusBadge status={e.status} /> },
              ]}
            />
          </Section>
        </>
      )}
    </DetailPage>
  );
}
