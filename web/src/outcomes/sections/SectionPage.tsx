import { Alert, Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/ApiError';
import { useSession } from '../../session/SessionContext';
import { TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { getSection } from '../api';
import { formatDay, SECTION_STATUS, sectionName } from '../labels';
import { SectionWork, sectionKey } from '../my/SectionWork';
import { MY_SECTIONS_PAGE, REVIEW_PAGE } from '../pages';
import { SectionReview } from '../review/SectionReview';
import type { SectionDetail } from '../types';
import { StatusBadge } from '../ui/StatusBadge';
import { AssignDialog } from './AssignDialog';
import { SectionView } from './SectionView';

/** What an instructor reads once the section is out of their hands. */
function SubmittedNotice({ section }: { section: SectionDetail }) {
  const messages: Partial<Record<SectionDetail['status'], string>> = {
    submitted:
      'Submitted: a reviewer will look at it. You can edit it again only if they send it back.',
    approved: 'Approved: nothing more to do here.',
    nci: 'Marked never coming in by a reviewer.',
  };
  const message = messages[section.status];
  return message ? (
    <Alert color="blue" variant="light" title="Read-only">
      {message}
    </Alert>
  ) : null;
}

function Body({ section }: { section: SectionDetail }) {
  if (section.can.edit) return <SectionWork key={section.id} section={section} />;
  if (section.can.review) return <SectionReview section={section} linkCourse />;
  return (
    <Stack gap="lg">
      <SubmittedNotice section={section} />
      <SectionView section={section} />
    </Stack>
  );
}

/**
 * `/outcomes/sections/:id`: the instructor's work screen (read-only once submitted), or the
 * reviewers' view with the review actions. Emails link here.
 */
export function SectionPage() {
  const { id = '' } = useParams();
  const me = useSession();
  const [assigning, setAssigning] = useState(false);
  const query = useQuery({
    queryKey: sectionKey(id),
    queryFn: ({ signal }) => getSection(id, signal),
  });
  const section = query.data;
  const title = section ? sectionName(section) : 'Section';
  const back = section?.can.review
    ? { to: REVIEW_PAGE.path, label: '← Review queue' }
    : { to: MY_SECTIONS_PAGE.path, label: '← My sections' };
  return (
    <Container size="xl" py="md">
      <title>{`${title} · EduLedger`}</title>
      <Stack gap="md">
        {section && (
          <Anchor component={Link} to={back.to} size="sm">
            {back.label}
          </Anchor>
        )}
        {query.isPending && <TableLoading label="Loading the section…" />}
        {query.isError && (
          <>
            <Title order={1}>This section could not be shown</Title>
            <ErrorAlert
              title="The section could not be loaded"
              error={query.error}
              onRetry={() => void query.refetch()}
              retrying={query.isFetching}
            />
            {query.error instanceof ApiError && query.error.status === 404 && (
              <Text size="sm">
                You are signed in as <strong>{me.user.email}</strong>. If this link was sent to
                another account, sign out and sign in with that one.
              </Text>
            )}
          </>
        )}
        {section && (
          <>
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={4}>
                <Title order={1}>{title}</Title>
                <Group gap="xs">
                  <Text c="dimmed">
                    {[section.course.title, section.term.name].filter(Boolean).join(' · ')}
                  </Text>
                  <StatusBadge status={SECTION_STATUS[section.status]} />
                  {section.dueDate && (
                    <Text size="sm" c="dimmed">
                      Due {formatDay(section.dueDate)}
                    </Text>
                  )}
                </Group>
              </Stack>
              {section.can.review && (
                <Button variant="default" onClick={() => setAssigning(true)}>
                  {section.instructor ? 'Change instructor' : 'Assign instructor'}
                </Button>
              )}
            </Group>
            <Body section={section} />
            {assigning && <AssignDialog section={section} onClose={() => setAssigning(false)} />}
          </>
        )}
      </Stack>
    </Container>
  );
}
