import { Badge, Button, Group, SimpleGrid } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDate, formatDateTime } from '../../format/dates';
import { useEngagementAccess } from '../access';
import { LOCAL_STATUS_LABELS, VOLUNTEER_STATUS_LABELS } from '../labels';
import { EVENTS_PAGE, ORGANIZATIONS_PAGE, recordPath, VOLUNTEERS_PAGE } from '../pages';
import type { VolunteerDetail } from '../types';
import { DetailPage, Facts, Section, useRecord } from '../ui/Detail';
import { RecordLink } from '../ui/RecordLink';
import { RelatedTable } from '../ui/RelatedTable';
import { RemoveRecordButton } from '../ui/RemoveRecordButton';

const yesNo = (value: boolean | undefined) =>
  value === undefined ? undefined : value ? 'Yes' : 'No';
const day = (value: string | null | undefined) =>
  value === undefined ? undefined : value && formatDate(value);

/** `/engagement/volunteers/:id`: a volunteer, their organizations and participations. */
export function VolunteerPage() {
  const { id = '' } = useParams();
  const access = useEngagementAccess();
  const query = useRecord<VolunteerDetail>('volunteers', id);
  return (
    <DetailPage
      list={VOLUNTEERS_PAGE}
      query={query}
      noun="volunteer"
      title={(v) => [v.firstName, v.lastName].filter(Boolean).join(' ') || 'No name'}
      subtitle={(v) => (
        <Group gap="xs">
          {v.status && <Badge variant="light">{VOLUNTEER_STATUS_LABELS[v.status]}</Badge>}
          {v.localStatus && <Badge variant="outline">{LOCAL_STATUS_LABELS[v.localStatus]}</Badge>}
        </Group>
      )}
      actions={(v) => (
        <>
          {access.canEdit && (
            <Button
              variant="default"
              component={Link}
              to={`${recordPath(VOLUNTEERS_PAGE, v.id)}/edit`}
            >
              Edit
            </Button>
          )}
          {access.canDestroy && (
            <RemoveRecordButton
              resource="volunteers"
              id={v.id}
              label={[v.firstName, v.lastName].filter(Boolean).join(' ')}
              noun="volunteer"
              consequences={`Their ${String(v.participationCount)} participations, affiliations and history go with them.`}
              after={VOLUNTEERS_PAGE.path}
            />
          )}
        </>
      )}
    >
      {(v) => (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Facts
              label="Contact"
              rows={[
                ['Email', v.email],
                ['Phone', v.phone],
                ['ZIP code', v.mailingPostalCode],
                ['City', v.mailingCity],
                ['Do not contact', yesNo(v.doNotContact)],
                ['Excluded from reports', yesNo(v.excludeFromReports)],
                ['Gender', v.gender],
                ['Race / ethnicity', v.raceEthnicity],
                ['Age group', v.ageGroup],
                ['Education', v.educationLevel],
                ['Salesforce id', v.externalId],
              ]}
            />
            <Facts
              label="Volunteering"
              rows={[
                ['Organization', v.organizationName],
                ['Title', v.title],
                ['Department', v.department],
                ['Industry', v.industry],
                ['Skills', v.skills],
                ['Interests', v.interests],
                ['First volunteered', day(v.firstVolunteerDate)],
                ['Last volunteered', day(v.lastVolunteerDate)],
                ['Times volunteered', v.timesVolunteered],
                ['Notes', v.notes],
              ]}
            />
          </SimpleGrid>
          <Section title="Organizations">
            <RelatedTable
              label="Organizations"
              rows={v.affiliations}
              rowKey={(a) => a.id}
              empty="No affiliation with an organization."
              columns={[
                {
                  header: 'Organization',
                  render: (a) => (
                    <RecordLink to={recordPath(ORGANIZATIONS_PAGE, a.organizationId)}>
                      {a.organizationName}
                    </RecordLink>
                  ),
                },
                { header: 'Role', render: (a) => a.role ?? '—' },
                {
                  header: 'Status',
                  render: (a) => `${a.status}${a.isPrimary ? ' · primary' : ''}`,
                },
                {
                  header: 'Dates',
                  render: (a) =>
                    [a.startDate, a.endDate].map((d) => (d ? formatDate(d) : '…')).join(' – '),
                },
              ]}
            />
          </Section>
          <Section title={`Participations (${String(v.participationCount)})`}>
            <RelatedTable
              label="Participations"
              rows={v.participations}
              rowKey={(p) => p.id}
              empty="No participation yet."
              columns={[
                {
                  header: 'Event',
                  render: (p) => (
                    <RecordLink to={recordPath(EVENTS_PAGE, p.eventId)}>{p.eventTitle}</RecordLink>
                  ),
                },
                { header: 'Date', render: (p) => (p.startAt ? formatDateTime(p.startAt) : '—') },
                { header: 'Status', render: (p) => p.status ?? '—' },
                { header: 'Hours', render: (p) => p.deliveryHours ?? '—' },
              ]}
            />
          </Section>
        </>
      )}
    </DetailPage>
  );
}
