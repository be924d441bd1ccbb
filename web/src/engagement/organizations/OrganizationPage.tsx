import { Badge, Button, SimpleGrid } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../format/dates';
import { useEngagementAccess } from '../access';
import { ORGANIZATIONS_PAGE, recordPath, VOLUNTEERS_PAGE } from '../pages';
import type { OrganizationDetail } from '../types';
import { DetailPage, Facts, Section, useRecord } from '../ui/Detail';
import { RecordLink } from '../ui/RecordLink';
import { RelatedTable } from '../ui/RelatedTable';
import { RemoveRecordButton } from '../ui/RemoveRecordButton';

const address = (o: OrganizationDetail) =>
  [o.billingStreet, o.billingCity, o.billingState, o.billingPostalCode, o.billingCountry]
    .filter(Boolean)
    .join(', ');

/** `/engagement/organizations/:id`: an organization and its volunteers. */
export function OrganizationPage() {
  const { id = '' } = useParams();
  const access = useEngagementAccess();
  const query = useRecord<OrganizationDetail>('organizations', id);
  return (
    <DetailPage
      list={ORGANIZATIONS_PAGE}
      query={query}
      noun="organization"
      title={(o) => o.name}
      subtitle={(o) => <Badge variant="light">{o.type}</Badge>}
      actions={(o) => (
        <>
          {access.canEdit && (
            <Button
              variant="default"
              component={Link}
              to={`${recordPath(ORGANIZATIONS_PAGE, o.id)}/edit`}
            >
              Edit
            </Button>
          )}
          {access.canDestroy && (
            <RemoveRecordButton
              resource="organizations"
              id={o.id}
              label={o.name}
              noun="organization"
              consequences="Its volunteers’ affiliations with it go too; the volunteers stay."
              after={ORGANIZATIONS_PAGE.path}
            />
          )}
        </>
      )}
    >
      {(o) => (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Facts
              label="Organization"
              rows={[
                ['Type', o.type],
                ['Address', address(o)],
                ['Description', o.description],
                ['Last activity', o.lastActivityDate && formatDate(o.lastActivityDate)],
                ['Salesforce id', o.externalId],
              ]}
            />
          </SimpleGrid>
          <Section title={`Volunteers (${String(o.volunteerCount)})`}>
            <RelatedTable
              label="Volunteers"
              rows={o.volunteers}
              rowKey={(v) => v.contactId}
              empty="No volunteer is affiliated with this organization."
              columns={[
                {
                  header: 'Name',
                  render: (v) => (
                    <RecordLink to={recordPath(VOLUNTEERS_PAGE, v.contactId)}>{v.name}</RecordLink>
                  ),
                },
                { header: 'Role', render: (v) => v.role ?? '—' },
                {
                  header: 'Status',
                  render: (v) => `${v.status}${v.isPrimary ? ' · primary' : ''}`,
                },
              ]}
            />
          </Section>
        </>
      )}
    </DetailPage>
  );
}
