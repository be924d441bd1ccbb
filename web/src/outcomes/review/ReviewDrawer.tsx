import { Anchor, Button, Drawer, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { TableLoading } from '../../table/TableStates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { getSection } from '../api';
import { sectionName } from '../labels';
import { sectionKey } from '../my/SectionWork';
import { AssignDialog } from '../sections/AssignDialog';
import { sectionPath } from '../sections/SectionsPage';
import { RemindDialog } from './RemindDialog';
import { SectionReview } from './SectionReview';

interface ReviewDrawerProps {
  sectionId: string;
  onClose: () => void;
}

/** A section of the queue in a side panel: numbers, narratives, CLOs with actions, history. */
export function ReviewDrawer({ sectionId, onClose }: ReviewDrawerProps) {
  const [reminding, setReminding] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const query = useQuery({
    queryKey: sectionKey(sectionId),
    queryFn: ({ signal }) => getSection(sectionId, signal),
  });
  const section = query.data;
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={section ? `${sectionName(section)} · ${section.term.name}` : 'Section'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {query.isPending && <TableLoading label="Loading the section…" />}
      {query.isError && (
        <ErrorAlert
          title="The section could not be loaded"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      )}
      {section && (
        <Stack gap="md">
          <Group gap="sm">
            <Anchor component={Link} to={sectionPath(section.id)} size="sm">
              Open the section page
            </Anchor>
            <Button size="xs" variant="default" onClick={() => setAssigning(true)}>
              {section.instructor ? 'Change instructor…' : 'Assign instructor…'}
            </Button>
            {section.instructor && (
              <Button size="xs" variant="default" onClick={() => setReminding(true)}>
                Remind the instructor…
              </Button>
            )}
          </Group>
          <SectionReview section={section} />
        </Stack>
      )}
      {assigning && section && (
        <AssignDialog section={section} onClose={() => setAssigning(false)} />
      )}
      {reminding && <RemindDialog sectionIds={[sectionId]} onClose={() => setReminding(false)} />}
    </Drawer>
  );
}
