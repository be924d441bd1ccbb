import { Button, SimpleGrid, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { formatDate } from '../../format/dates';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { useNotify } from '../../ui/notificationsContext';
import { useEngagementAccess } from '../access';
import { deleteActivity, ENGAGEMENT_KEY } from '../api';
import { EVENTS_PAGE, HISTORY_PAGE, recordPath } from '../pages';
import type { ActivityDetail } from '../types';
import { DetailPage, Facts, useRecord } from '../ui/Detail';
import { RecordLink } from '../ui/RecordLink';
import { personPath } from './HistoryPage';

function DeleteActivityButton({ activity }: { activity: ActivityDetail }) {
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteActivity(activity.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ENGAGEMENT_KEY });
      notify({ kind: 'success', title: 'Activity deleted' });
      void navigate(HISTORY_PAGE.path);
    },
  });
  return (
    <>
      <Button color="red" variant="light" onClick={() => setOpened(true)}>
        Delete activity
      </Button>
      <ConfirmModal
        opened={opened}
        title="Delete this activity?"
        confirmLabel="Delete"
        color="red"
        onConfirm={() => remove.mutate()}
        onClose={() => {
          setOpened(false);
          remove.reset();
        }}
        pending={remove.isPending}
        error={remove.error}
      >
        <Text size="sm">
          <strong>{activity.subject ?? 'This activity'}</strong> leaves the history. It stays in the
          database (history is never erased) and a later import does not bring it back.
        </Text>
      </ConfirmModal>
    </>
  );
}

/** `/engagement/history/:id`: one activity. */
export function ActivityPage() {
  const { id = '' } = useParams();
  const access = useEngagementAccess();
  const query = useRecord<ActivityDetail>('history', id);
  return (
    <DetailPage
      list={HISTORY_PAGE}
      query={query}
      noun="activity"
      title={(a) => a.subject ?? 'Activity'}
      actions={(a) => access.canDestroy && <DeleteActivityButton activity={a} />}
    >
      {(a) => (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Facts
            label="Activity"
            rows={[
              ['Date', a.activityDate && formatDate(a.activityDate)],
              ['Type', a.type],
              ['Status', a.status],
              [
                'Person',
                <RecordLink key="person" to={personPath(a)}>
                  {a.contact}
                </RecordLink>,
              ],
              [
                'Event',
                a.eventId && (
                  <RecordLink to={recordPath(EVENTS_PAGE, a.eventId)}>{a.event}</RecordLink>
                ),
              ],
              ['Description', a.description],
              ['Salesforce id', a.externalId],
            ]}
          />
        </SimpleGrid>
      )}
    </DetailPage>
  );
}
