import { Anchor, Button, Group, SimpleGrid, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../format/dates';
import { useEngagementAccess } from '../access';
import { eventTypeLabel, FORMAT_LABELS } from '../labels';
import {
  districtPath,
  EVENTS_PAGE,
  recordPath,
  SCHOOLS_PAGE,
  TEACHERS_PAGE,
  VOLUNTEERS_PAGE,
} from '../pages';
import type { EventDetail } from '../types';
import { DetailPage, Facts, Section, useRecord } from '../ui/Detail';
import { RecordLink } from '../ui/RecordLink';
import { RelatedTable } from '../ui/RelatedTable';
import { RemoveRecordButton } from '../ui/RemoveRecordButton';
import { EventStatusBadge } from './EventsPage';

const at = (iso: string | null) => iso && formatDateTime(iso);

/** `/engagement/events/:id`: an event, where and when, and who took part. */
export function EventPage() {
  const { id = '' } = useParams();
  const access = useEngagementAccess();
  const query = useRecord<EventDetail>('events', id);
  return (
    <DetailPage
      list={EVENTS_PAGE}
      query={query}
      noun="event"
      title={(e) => e.title}
      subtitle={(e) => (
        <Group gap="xs">
          <EventStatusBadge status={e.status} />
          <Text size="sm" c="dimmed">
            {eventTypeLabel(e.type)} · {FORMAT_LABELS[e.format]}
          </Text>
        </Group>
      )}
      actions={(e) => (
        <>
          {access.canEdit && (
            <Button variant="default" component={Link} to={`${recordPath(EVENTS_PAGE, e.id)}/edit`}>
              Edit
            </Button>
          )}
          {access.canDestroy && (
            <RemoveRecordButton
              resource="events"
              id={e.id}
              label={e.title}
              noun="event"
              consequences={`Its ${String(e.volunteers)} volunteer and ${String(e.students)} student participations go with it.`}
              after={EVENTS_PAGE.path}
            />
          )}
        </>
      )}
    >
      {(e) => (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Facts
              label="When and where"
              rows={[
                ['Start', at(e.startAt)],
                ['End', at(e.endAt)],
                [
                  'Duration',
                  e.durationMinutes === null ? null : `${String(e.durationMinutes)} minutes`,
                ],
                ['Location', e.location],
                [
                  'School',
                  e.schoolId && (
                    <RecordLink to={recordPath(SCHOOLS_PAGE, e.schoolId)}>{e.school}</RecordLink>
                  ),
                ],
                [
                  'District',
                  e.districtId ? (
                    <RecordLink to={districtPath(e.districtId)}>{e.district}</RecordLink>
                  ) : (
                    'Unknown'
                  ),
                ],
                ['District (as imported)', e.districtName],
              ]}
            />
            <Facts
              label="Details"
              rows={[
                ['Status as imported', e.rawStatus],
                ['Cancellation reason', e.cancellationReason],
                ['Volunteers needed', e.volunteersNeeded],
                ['Available slots', e.availableSlots],
                [
                  'Registration link',
                  e.registrationLink && (
                    <Anchor href={e.registrationLink} target="_blank" rel="noreferrer" size="sm">
                      {e.registrationLink}
                    </Anchor>
                  ),
                ],
                ['Session host', e.sessionHost],
                ['Series', e.series],
                ['Career cluster', e.careerCluster],
                ['Description', e.description],
                ['Salesforce id', e.externalId],
              ]}
            />
          </SimpleGrid>
          {e.volunteerList && (
            <Section title={`Volunteers (${String(e.volunteerList.length)})`}>
              <RelatedTable
                label="Volunteers"
                rows={e.volunteerList}
                rowKey={(v) => v.id}
                empty="No volunteer signed up."
                columns={[
                  {
                    header: 'Name',
                    render: (v) => (
                      <RecordLink to={recordPath(VOLUNTEERS_PAGE, v.contactId)}>
                        {v.name}
                      </RecordLink>
                    ),
                  },
                  { header: 'Title', render: (v) => v.title ?? '—' },
                  { header: 'Status', render: (v) => v.status ?? '—' },
                  { header: 'Hours', render: (v) => v.deliveryHours ?? '—' },
                ]}
              />
            </Section>
          )}
          {e.teacherList && e.teacherList.length > 0 && (
            <Section title={`Teachers (${String(e.teacherList.length)})`}>
              <RelatedTable
                label="Teachers"
                rows={e.teacherList}
                rowKey={(t) => t.id}
                empty="No teacher registered."
                columns={[
                  {
                    header: 'Name',
                    render: (t) => (
                      <RecordLink to={recordPath(TEACHERS_PAGE, t.contactId)}>{t.name}</RecordLink>
                    ),
                  },
                  { header: 'Status', render: (t) => t.status },
                ]}
              />
            </Section>
          )}
          <Section title="Students">
            <RelatedTable
              label="Students by status"
              rows={e.studentCounts}
              rowKey={(s) => s.status}
              empty="No student took part."
              columns={[
                { header: 'Status', render: (s) => s.status },
                { header: 'Students', render: (s) => s.count },
              ]}
            />
          </Section>
        </>
      )}
    </DetailPage>
  );
}
